#!/usr/bin/env python3
"""Proxy soak: ordinary flows through the gateway, counting the answers that the proxy itself failed (502).

    bench/proxy-soak.py [requests=1500] [threads=4]

Every worker runs whole flows — register a lead unit, wait for its eligibility (404 until the event arrives),
draft, PATCH and submit an application, submit it again (409), an unknown id (404), a forged token (401), push
a demand-hall ticket, read the indicator system, claim (twice: 409) and approve the review case — until the
suite has answered `requests` requests. Half the workers use urllib (a new connection per request and
`Connection: close`, `Content-Length: 0` on a POST without a body), half keep one connection alive
(http.client). Prints the statuses, every 502/504 or broken connection with its request, and exits 1 when
there was any.

Uses the running suite on KCZG_GATEWAY_PORT (default 8080) and `./kczg token` (with the same KCZG_* environment)
for the tokens. Start the suite with KCZG_GATEWAY_RATE_LIMITS_ENABLED=false, or each worker's callers will meet
their 1,200 requests a minute.
"""
import collections
import datetime
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = int(os.environ.get("KCZG_GATEWAY_PORT", "8080"))
BASE = "http://127.0.0.1:%d" % PORT
TOTAL = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 4
YEAR = datetime.datetime.now(datetime.timezone.utc).year

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
_seq = [int(time.time() * 1000) % 10**12]
_lock = threading.Lock()
statuses = collections.Counter()
failures = []
done = [0]


def credit_code():
    """A fresh, valid 统一社会信用代码 of a university (category UNIVERSITY_INSTITUTE_ENTERPRISE)."""
    with _lock:
        _seq[0] += 1
        body = "1210" + "%013d" % _seq[0]
    check = 31 - sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS)) % 31
    return body + ALPHABET[0 if check == 31 else check]


def token(*args):
    return subprocess.run([os.path.join(ROOT, "kczg"), "token", *args], check=True, capture_output=True,
                          text=True).stdout.strip()


class Urllib:
    """A new connection per request; urllib sends Connection: close (and Content-Length: 0 on an empty POST)."""
    kind = "close"

    def call(self, method, path, tok=None, body=None):
        data = None if body is None else json.dumps(body).encode()
        if data is None and method in ("POST", "PUT", "PATCH"):
            data = b""
        req = urllib.request.Request(BASE + path, data=data, method=method)
        if tok:
            req.add_header("Authorization", "Bearer " + tok)
        if body is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=30) as res:
                return res.status, res.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()


class KeepAlive:
    """One connection, kept alive across requests (reopened only when the gateway closes it)."""
    kind = "keep-alive"

    def __init__(self):
        self.conn = None

    def call(self, method, path, tok=None, body=None):
        headers = {}
        if tok:
            headers["Authorization"] = "Bearer " + tok
        data = None if body is None else json.dumps(body).encode()
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        try:
            self.conn.request(method, path, body=data, headers=headers)
            res = self.conn.getresponse()
            payload = res.read()
            if res.getheader("Connection", "").lower() == "close":
                self.conn.close()
                self.conn = None
            return res.status, payload
        except Exception:
            self.conn.close()
            self.conn = None
            raise


def call(client, method, path, tok=None, body=None, expect=None):
    template = "/".join("{id}" if len(p) >= 18 and any(c.isdigit() for c in p) else p
                        for p in path.split("?")[0].split("/"))
    started = time.monotonic()
    try:
        status, payload = client.call(method, path, tok, body)
    except Exception as e:  # a broken connection is as bad as a 502
        status, payload = "error", repr(e).encode()
    elapsed = int((time.monotonic() - started) * 1000)
    with _lock:
        done[0] += 1
        statuses[(method, template, client.kind, status)] += 1
        if status in (502, 504, "error"):
            failures.append((time.strftime("%H:%M:%S"), client.kind, method, path, status, elapsed,
                             payload[:200].decode("utf-8", "replace")))
    if expect is not None and status not in expect:
        raise RuntimeError("%s %s → %s (expected %s): %s" % (method, path, status, expect, payload[:300]))
    return json.loads(payload) if payload and status != "error" and 200 <= status < 300 else None


def flow(client, operator, reviewer, partner):
    code = credit_code()
    lead = token("lead-unit", "--org", code, "--sub", "soak-" + code)
    call(client, "POST", "/api/v1/lead-units", lead, {
        "creditCode": code, "name": "某某大学" + code[-6:], "category": "UNIVERSITY_INSTITUTE_ENTERPRISE",
        "contact": {"name": "李华", "phone": "010-68595000", "email": "lihua@example.cn"}}, expect=(201,))
    for _ in range(100):  # 404 until lead-unit.registered reached review-service
        if call(client, "GET", "/api/v1/eligibility/" + code, lead) is not None:
            break
        time.sleep(0.05)
    app = call(client, "POST", "/api/v1/applications", lead, {
        "name": "“科创中国”智能制造%s号科技服务团" % code[-6:], "categories": ["RD_SUPPORT"]}, expect=(201,))["id"]
    call(client, "PATCH", "/api/v1/applications/" + app, lead, {
        "pilotCities": ["苏州市"], "keyFields": ["智能制造"], "experience": "十年产学研合作",
        "distinctiveServices": "产线诊断", "organisingCapacity": "12个专业委员会", "workFoundation": "服务企业200余家",
        "resourcesCommitted": {"text": "专职人员与经费", "yearlyBudget": 500000, "staff": 6},
        "continuityPlan": "季度例会",
        "members": [{"name": "张伟", "field": "机械工程", "title": "教授", "affiliation": "清华大学", "role": "LEADER"}],
        "handler": {"name": "赵强", "phone": "13800138000", "email": "zq@example.cn", "userId": "zhao.qiang"}},
        expect=(200,))
    call(client, "POST", "/api/v1/applications/%s/submit" % app, lead, expect=(200,))
    call(client, "POST", "/api/v1/applications/%s/submit" % app, lead, expect=(409,))
    call(client, "GET", "/api/v1/applications/" + str(uuid.uuid4()), lead, expect=(404,))
    call(client, "GET", "/api/v1/lead-units", lead[:-4] + "AAAA", expect=(401,))
    call(client, "GET", "/api/v1/indicator-systems/%d" % YEAR, operator)
    call(client, "POST", "/api/v1/tickets", partner, {
        "projectName": "产线柔性装配改造", "industryField": "智能制造", "technicalProblems": "多品种小批量柔性装配",
        "region": "苏州市", "demandSide": {"name": "苏州某精密机械有限公司"}, "externalId": "SOAK-" + str(uuid.uuid4()),
        "categories": ["TECH_TRANSFER"], "keywords": ["机器人"]}, expect=(201,))
    case = None
    for _ in range(100):  # the case appears once application.submitted reached review-service
        page = call(client, "GET", "/api/v1/reviews?applicationId=" + app, reviewer)
        if page and page.get("items"):
            case = page["items"][0]["id"]
            break
        time.sleep(0.05)
    if case is None:
        raise RuntimeError("no review case for " + app)
    call(client, "POST", "/api/v1/reviews/%s/claim" % case, reviewer, expect=(200,))
    call(client, "POST", "/api/v1/reviews/%s/claim" % case, reviewer)
    call(client, "POST", "/api/v1/reviews/%s/approve" % case, reviewer, {"reason": "符合第五条、第八条"},
         expect=(200,))
    call(client, "GET", "/api/v1/applications/" + app, lead, expect=(200,))


def worker(n, operator, reviewer, partner, errors):
    client = Urllib() if n % 2 == 0 else KeepAlive()
    while done[0] < TOTAL:
        try:
            flow(client, operator, reviewer, partner)
        except Exception as e:
            errors.append("worker %d: %s" % (n, e))
            time.sleep(0.2)


def main():
    operator = token("operator")
    reviewer = token("reviewer", "--sub", "soak-reviewer")
    partner = token("partner", "--partner", "soak-feeder")
    now = datetime.datetime.now(datetime.timezone.utc)
    Urllib().call("POST", "/api/v1/registration-windows", operator, {
        "year": YEAR, "opensAt": (now - datetime.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "closesAt": (now + datetime.timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ"), "note": "soak"})
    errors = []
    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n, operator, reviewer, partner, errors))
               for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - started
    by_status = collections.Counter()
    for (_, _, _, status), count in statuses.items():
        by_status[status] += count
    print("requests %d in %.0f s (%d threads, half Connection: close, half keep-alive)" % (done[0], seconds, THREADS))
    print("statuses " + ", ".join("%s: %d" % (s, c) for s, c in sorted(by_status.items(), key=str)))
    for (method, template, kind, status), count in sorted(statuses.items(), key=str):
        print("  %-6s %-40s %-10s %-5s %d" % (method, template, kind, status, count))
    print("flow errors %d" % len(errors))
    for e in errors[:10]:
        print("  " + e)
    print("502/504/broken %d" % len(failures))
    for f in failures:
        print("  %s %-10s %s %s → %s after %d ms: %s" % f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""A small fixed-rate HTTP load driver (what wrk2 does; Debian has no wrk2): requests are due at t0 + i/rate,
whatever the answers do, and each latency is measured from the moment the request was due (so waiting for a free
connection counts, as in wrk2 — no coordinated omission). Keep-alive connections, HTTP/1.1, asyncio, stdlib only.

  bench/fixed-rate.py --url http://127.0.0.1:8080 --kind tickets|lead-units --rate R --seconds S
                      [--connections C] --token JWT [--run ID]
tickets:     POST /api/v1/tickets, each with its own externalId (as bench/ticket-push.lua), expects 201
lead-units:  POST /api/v1/lead-units, each a fresh credit code 5190<run:7 digits><n:6 digits><check> (a national
             society, valid GB 32100-2015 check character), expects 201
Prints one line like wrk-result.lua's, plus send_late_p99_ms: from a request's due time to its send (waiting for a
free connection when all are busy, or a driver that cannot keep up):
  RESULT requests=N seconds=S rps=R p50_ms=… p99_ms=… non201=… socket_errors=… send_late_p99_ms=… target_rps=…
With --kind lead-units it also prints  CODES prefix=5190<run>  (every code of the run starts with it).
"""
import argparse
import asyncio
import json
import sys
import time
from urllib.parse import urlparse

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(body17):
    s = sum(ALPHABET.index(c) * w for c, w in zip(body17, WEIGHTS))
    return body17 + ALPHABET[(31 - s % 31) % 31]


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


class Driver:
    def __init__(self, a):
        self.a = a
        u = urlparse(a.url)
        self.host, self.port = u.hostname, u.port or 80
        self.queue = asyncio.Queue()
        self.latencies = []
        self.late = []
        self.bad = 0
        self.errors = 0
        self.done = 0
        self.run = a.run if a.run is not None else str(int(time.time()) % 10_000_000).zfill(7)

    def request(self, n):
        if self.a.kind == "tickets":
            ext = f"{self.run}-fr-{n}"
            body = {"projectName": "压测需求" + ext, "industryField": "智能制造", "technicalProblems": "柔性装配",
                    "region": "苏州市", "demandSide": {"name": "苏州某精密机械有限公司"}, "externalId": ext,
                    "categories": ["TECH_TRANSFER"], "keywords": ["机器人"]}
            path = "/api/v1/tickets"
        else:
            code = credit_code(f"5190{self.run}{n:06d}")
            body = {"creditCode": code, "name": f"压测学会{self.run}-{n}", "category": "NATIONAL_SOCIETY",
                    "contact": {"name": "王敏", "phone": "010-68571234", "email": "bench@example.org.cn"}}
            path = "/api/v1/lead-units"
        data = json.dumps(body, ensure_ascii=False).encode()
        head = (f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAuthorization: Bearer {self.a.token}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n\r\n").encode()
        return head + data

    async def read_response(self, reader):
        status_line = await reader.readline()
        if not status_line:
            raise ConnectionError("closed")
        status = int(status_line.split()[1])
        length, chunked, close = 0, False, False
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b""):
                break
            k, _, v = line.decode("latin-1").partition(":")
            k, v = k.strip().lower(), v.strip().lower()
            if k == "content-length":
                length = int(v)
            elif k == "transfer-encoding" and "chunked" in v:
                chunked = True
            elif k == "connection" and v == "close":
                close = True
        if chunked:
            while True:
                size = int((await reader.readline()).split(b";")[0], 16)
                await reader.readexactly(size + 2)
                if size == 0:
                    break
        elif length:
            await reader.readexactly(length)
        return status, close

    async def worker(self):
        reader = writer = None
        while True:
            item = await self.queue.get()
            if item is None:
                break
            n, due = item
            sent = time.monotonic()
            self.late.append(sent - due)
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(self.host, self.port)
                writer.write(self.request(n))
                await writer.drain()
                status, close = await asyncio.wait_for(self.read_response(reader), 30)
                if status != 201:
                    self.bad += 1
                if close:
                    writer.close()
                    writer = None
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionError, ValueError, IndexError):
                self.errors += 1
                if writer is not None:
                    writer.close()
                writer = None
            self.latencies.append(time.monotonic() - due)
            self.done += 1
        if writer is not None:
            writer.close()

    async def main(self):
        a = self.a
        workers = [asyncio.create_task(self.worker()) for _ in range(a.connections)]
        total = int(a.rate * a.seconds)
        t0 = time.monotonic() + 0.05
        n = 0
        while n < total:
            now = time.monotonic()
            due_count = min(total, int((now - t0) * a.rate) + 1) if now >= t0 else 0
            while n < due_count:
                self.queue.put_nowait((n, t0 + n / a.rate))
                n += 1
            await asyncio.sleep(0.001)
        for _ in workers:
            self.queue.put_nowait(None)
        await asyncio.gather(*workers)
        elapsed = time.monotonic() - t0
        lat = sorted(x * 1000 for x in self.latencies)
        late = sorted(x * 1000 for x in self.late)
        if a.kind == "lead-units":
            print(f"CODES prefix=5190{self.run}")
        print(f"RESULT requests={self.done} seconds={elapsed:.1f} rps={self.done / elapsed:.1f} "
              f"p50_ms={percentile(lat, 50):.2f} p99_ms={percentile(lat, 99):.2f} non201={self.bad} "
              f"socket_errors={self.errors} send_late_p99_ms={percentile(late, 99):.2f} target_rps={a.rate:.1f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--kind", choices=["tickets", "lead-units"], required=True)
    ap.add_argument("--rate", type=float, required=True)
    ap.add_argument("--seconds", type=float, required=True)
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--token", required=True)
    ap.add_argument("--run", help="7 digits (lead-units) or any id; default: from the clock")
    a = ap.parse_args()
    if a.rate <= 0:
        sys.exit("rate must be > 0")
    if a.kind == "lead-units" and a.run is not None and not (a.run.isdigit() and len(a.run) == 7):
        sys.exit("--run must be 7 digits for lead-units")
    asyncio.run(Driver(a).main())


if __name__ == "__main__":
    main()

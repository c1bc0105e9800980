#!/usr/bin/env python3
"""Watches parts of the suite in KCZG_HOME start and prints, for each, the time from its process start to its
first ready answer (GET /q/health/ready every 0.1 s; the gateway's on its management port).

The process start is the kernel's start time of the pid in $KCZG_HOME/run/<name>.pid (/proc/<pid>/stat, 10 ms
ticks, placed on the wall clock through /proc/uptime); "ready" is the first 200 this watcher sees, so the figures are late by up to one poll (~0.1 s plus the
answer's own time). Started before `./kczg up` (or `./kczg start NAME`) with --since = the wall time that
command began, it also prints the time from that moment until the last part was ready.

  bench/startup.py --home DIR [--since EPOCH] [--timeout S] (--all | NAME…)
prints  STARTUP <name> pid=<pid> start_to_ready_ms=<ms> [since_to_ready_ms=<ms>]  and, with --since,
        STARTUP all since_to_ready_ms=<ms>
"""
import argparse
import http.client
import os
import sys
import time

SERVICES = ["registration-service", "review-service", "activity-service", "evaluation-service"]


def read_settings(home, timeout):
    path = os.path.join(home, "run", "settings")
    deadline = time.time() + timeout
    while not os.path.exists(path):
        if time.time() > deadline:
            sys.exit(f"no {path}: is a suite starting on {home}?")
        time.sleep(0.05)
    time.sleep(0.05)  # written in one go by `up`; let it finish
    out = {}
    with open(path) as f:
        for line in f:
            if "=" in line and not line.startswith("#"):
                k, v = line.strip().split("=", 1)
                out[k] = v
    return out


def port_of(name, settings):
    if name == "gateway":
        return int(settings.get("KCZG_GATEWAY_MANAGEMENT_PORT", 9000))
    app, _, k = name.partition(".")
    var = "KCZG_" + app.removesuffix("-service").upper().replace("-", "_") + "_PORT"
    base = int(settings[var])
    if not k or k == "1":
        return base
    return int(settings.get(f"{var}_{k}", base + 10 * (int(k) - 1)))


def boot_time():
    """The wall-clock time of boot to 10 ms (/proc/stat's btime is whole seconds: up to 1 s off)."""
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    return time.time() - uptime


def process_start(pid):
    """Wall-clock start of pid (seconds since the epoch), or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            stat = f.read()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    if fields[0] == "Z":
        return None
    return BOOT + int(fields[19]) / TICK  # field 22 of stat: starttime in clock ticks after boot


def ready(port):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        c.request("GET", "/q/health/ready")
        ok = c.getresponse().status == 200
        c.close()
        return ok
    except OSError:
        return False


BOOT = boot_time()
TICK = os.sysconf("SC_CLK_TCK")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--home", required=True)
    ap.add_argument("--since", type=float)
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--all", action="store_true")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args()
    settings = read_settings(a.home, a.timeout)
    names = list(a.names)
    if a.all:
        n = int(settings.get("KCZG_INSTANCES", 1))
        names = [s if k == 1 else f"{s}.{k}" for s in SERVICES for k in range(1, n + 1)] + ["gateway"]
    pending = {name: port_of(name, settings) for name in names}
    deadline = time.time() + a.timeout
    last = None
    while pending:
        for name, port in list(pending.items()):
            try:
                with open(os.path.join(a.home, "run", name + ".pid")) as f:
                    pid = int(f.read().strip())
            except (OSError, ValueError):
                continue
            started = process_start(pid)
            if started is None or (a.since and started < a.since - 1):
                continue  # not (yet) the process started for this run
            if ready(port):
                now = time.time()
                line = f"STARTUP {name} pid={pid} start_to_ready_ms={round((now - started) * 1000)}"
                if a.since:
                    line += f" since_to_ready_ms={round((now - a.since) * 1000)}"
                print(line, flush=True)
                last = now
                del pending[name]
        if time.time() > deadline:
            print(f"STARTUP timeout not ready after {a.timeout:.0f} s: {' '.join(pending)}", flush=True)
            sys.exit(1)
        time.sleep(0.1)
    if a.since and last:
        print(f"STARTUP all since_to_ready_ms={round((last - a.since) * 1000)}", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The catalogue timing sweep (issue 12, item 2): every entry, at points drawn from its domain
with integer parameters up to 2^62, must evaluate in about a second at 128 bits or refuse.

    python3 benchmarks/catalogue_sweep.py                 # builds bench (release), every entry
    python3 benchmarks/catalogue_sweep.py --no-build binomial_test kl_test
    python3 benchmarks/catalogue_sweep.py --points 4 --limit 30

Each entry runs in its own `bench sweep ENTRY` process (benchmarks/Harness/Sweep.swift), killed
after --limit seconds; the last point it started is then named as the one that did not finish.
The table gives, per entry, the points evaluated and refused, and the slowest evaluation by
thread CPU time (the figure least disturbed by other processes on a shared machine) with its
wall time. Entries whose slowest evaluation exceeds --slow seconds of CPU are listed at the end
with the point, and the exit status is 1 if there are any (or any timed out).
"""

import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "bench"], cwd=ROOT, check=True)


def binary(name):
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                          check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(path, name)


def entries(bench):
    out = subprocess.run([bench, "sweep", "--list"], check=True, capture_output=True, text=True)
    return out.stdout.split()


def sweep(bench, name, points, limit):
    """(records, the point in flight when killed or None)."""
    try:
        proc = subprocess.run([bench, "sweep", name, "--points", str(points)], capture_output=True,
                              text=True, timeout=limit)
        text, hung = proc.stdout, None
    except subprocess.TimeoutExpired as e:
        text = (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        hung = True
    records, last_start = [], None
    for line in text.splitlines():
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if "start" in obj:
            last_start = obj
        else:
            records.append(obj)
            last_start = None
    return records, (last_start or {"point": "?"}) if hung else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*", help="entries to sweep (default: all)")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--points", type=int, default=8, help="points per integer cap (four caps)")
    ap.add_argument("--limit", type=float, default=120, help="seconds before an entry's process is killed")
    ap.add_argument("--slow", type=float, default=1.0, help="CPU seconds above which an evaluation is slow")
    args = ap.parse_args()
    if not args.no_build:
        build()
    bench = binary("bench")
    names = args.names or entries(bench)
    slow, hung = [], []
    print(f"{'entry':32} {'points':>6} {'refused':>7} {'max cpu ms':>11} {'wall ms':>9}")
    for name in names:
        records, in_flight = sweep(bench, name, args.points, args.limit)
        refused = sum(r["outcome"] == "refused" for r in records)
        worst = max(records, key=lambda r: r["cpu_ms"], default=None)
        cpu = f"{worst['cpu_ms']:.1f}" if worst else "-"
        wall = f"{worst['ms']:.1f}" if worst else "-"
        flag = "  TIMED OUT" if in_flight else ""
        print(f"{name:32} {len(records):6} {refused:7} {cpu:>11} {wall:>9}{flag}", flush=True)
        if worst and worst["cpu_ms"] > args.slow * 1000:
            slow.append((name, worst))
        if in_flight:
            hung.append((name, in_flight))
    for name, r in slow:
        print(f"slow: {name} {r['cpu_ms']:.0f} ms CPU at {r['point']} ({r['outcome']})")
    for name, start in hung:
        print(f"did not finish within {args.limit:.0f} s: {name} at {start.get('point')}")
    print(f"{len(names)} entries, {len(slow)} with an evaluation over {args.slow} s CPU, {len(hung)} timed out")
    return 1 if slow or hung else 0


if __name__ == "__main__":
    sys.exit(main())

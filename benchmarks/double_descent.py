#!/usr/bin/env python3
"""Double descent beside NumPy (issue 14, "Performance"): 100 trials of minimum-norm least
squares at n = 200 for 30 widths p between 20 and 1,000, draws included, side by side in one run.

    python3 benchmarks/double_descent.py              # builds boundbook (release), then 3 runs a side
    python3 benchmarks/double_descent.py --no-build   # reuses .build/release/boundbook
    python3 benchmarks/double_descent.py --trials 5 --runs 1 --binary .build/debug/boundbook  # a smoke test

boundbook: `boundbook run benchmarks/double_descent.md` (the notebook: comprehensions over
`normal`, `@` and `lstsq`). NumPy: a `python3 -c` program computing the same thing with
`np.random.Generator(np.random.Philox(key=seed)).standard_normal` and `np.linalg.lstsq(X, y,
rcond=None)` (both use LAPACK's dgelsd). Both are whole processes, timed alternately (a change
of machine load hits both sides); each run reports wall time and CPU time (user + sys of the
child, from wait4: the figure a shared machine disturbs least, though it counts the spinning of
idle BLAS threads too). The NumPy program also reports its time without the imports. The table
gives medians and the ratio boundbook / NumPy; the target is at most 2 (wall).

Agreement: the notebook shows six of the 30 mean risks (p = 20, 100, 180, 260, 450, 1000; not at
the threshold, where the risk is ill-conditioned); each must equal NumPy's to 10⁻⁵ relative (the
draws are equal bit for bit; the two LAPACK builds may round differently).

The report is printed and written to benchmarks/results/double-descent-latest.txt (git-ignored).
"""

import argparse
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOK = os.path.join(ROOT, "benchmarks", "double_descent.md")
RESULTS = os.path.join(ROOT, "benchmarks", "results", "double-descent-latest.txt")
SHOWN = [0, 4, 8, 18, 22, 29]

NUMPY = r"""
import sys, time
start = time.perf_counter()
import numpy as np
imported = time.perf_counter()
n, trials, sigma = 200, TRIALS, 0.5
ps = [20, 40, 60, 80, 100, 120, 140, 160, 180, 190, 195, 198, 200, 202, 205, 210, 220, 240, 260,
      300, 350, 400, 450, 500, 600, 700, 800, 900, 950, 1000]
def normal(shape, seed):
    return np.random.Generator(np.random.Philox(key=seed)).standard_normal(shape)
def risk(p, t):
    s = 3 * (1000 * p + t)
    X = normal((n, p), s)
    b = normal(p, s + 1)
    beta = b / np.linalg.norm(b)
    y = X @ beta + sigma * normal(n, s + 2)
    hat = np.linalg.lstsq(X, y, rcond=None)[0]
    return np.linalg.norm(hat - beta) ** 2
risks = [np.mean([risk(p, t) for t in range(trials)]) for p in ps]
done = time.perf_counter()
print(" ".join(repr(float(r)) for r in risks))
print(f"{done - imported} {imported - start}")
"""


def binary():
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                          check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "boundbook")


def timed(command, env=None):
    """Wall and CPU (user + sys) seconds of one child process, and its stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read().decode()
        if child.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({child.returncode}):\n{text}\n{err.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime, text


def parse_boundbook(text):
    values = {}
    for match in re.finditer(r"risks\[(\d+)\] ≈ (\S+) \(measured\)", text):
        values[int(match.group(1))] = float(match.group(2).replace("−", "-"))
    return values


def seconds(x):
    return f"{x:.2f} s" if x < 100 else f"{x:.0f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", help="a boundbook executable to time instead of the release build")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--blas-threads", default="1",
                        help="OPENBLAS_NUM_THREADS for both sides (default 1: on a shared machine idle BLAS "
                             "threads spin and multiply wall times; 'default' leaves it unset)")
    args = parser.parse_args()
    if not args.no_build and not args.binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "boundbook"], cwd=ROOT, check=True)
    boundbook = args.binary or binary()
    with tempfile.TemporaryDirectory() as folder:
        notebook = NOTEBOOK
        if args.trials != 100:
            notebook = os.path.join(folder, "double_descent.md")
            with open(NOTEBOOK) as f:
                text = f.read()
            with open(notebook, "w") as f:
                f.write(text.replace("let trials = 100", f"let trials = {args.trials}"))
        program = NUMPY.replace("TRIALS", str(args.trials))
        env = dict(os.environ)
        if args.blas_threads != "default":
            env["OPENBLAS_NUM_THREADS"] = args.blas_threads
        loads = [os.getloadavg()[0]]
        ours, theirs, inner = [], [], []
        for _ in range(args.runs):
            wall, cpu, text = timed([boundbook, "run", notebook, "--time-limit", "3600"], env)
            ours.append((wall, cpu))
            shown, shown_text = parse_boundbook(text), text
            wall, cpu, text = timed([sys.executable, "-c", program], env)
            theirs.append((wall, cpu))
            lines = text.split("\n")
            risks = [float(x) for x in lines[0].split()]
            inner.append(float(lines[1].split()[0]))
            loads.append(os.getloadavg()[0])
    lines = [f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs, "
             f"{platform.system()} {platform.release()}, Python {platform.python_version()}; "
             f"load average (1 min) {min(loads):.1f}–{max(loads):.1f}; {args.runs} runs a side, "
             f"{args.trials} trials × 30 widths; OPENBLAS_NUM_THREADS={args.blas_threads}",
             "",
             f"| | wall (median) | CPU user+sys (median) |",
             f"|---|---|---|"]
    ow, oc = statistics.median(w for w, _ in ours), statistics.median(c for _, c in ours)
    tw, tc = statistics.median(w for w, _ in theirs), statistics.median(c for _, c in theirs)
    lines.append(f"| `boundbook run double_descent.md` | {seconds(ow)} | {seconds(oc)} |")
    lines.append(f"| `python3 -c` NumPy | {seconds(tw)} | {seconds(tc)} |")
    lines.append(f"| (NumPy without its imports) | {seconds(statistics.median(inner))} | |")
    lines.append(f"| **boundbook / NumPy** | **{ow / tw:.2f}×** | **{oc / tc:.2f}×** |")
    lines.append("")
    worst = 0.0
    for k in SHOWN:
        ours_k = shown.get(k)
        if ours_k is None:
            raise SystemExit(f"boundbook did not show risks[{k}]:\n{shown_text}")
        gap = abs(ours_k - risks[k]) / abs(risks[k])
        worst = max(worst, gap)
        lines.append(f"risks[{k}]: boundbook {ours_k:.6g}, NumPy {risks[k]:.6g} {'✓' if gap <= 1e-5 else '✗'}")
    lines.append(f"all 30 mean risks (NumPy): {', '.join(f'{r:.4g}' for r in risks)}")
    report = "\n".join(lines)
    print(report)
    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS, "w") as f:
        f.write(report + "\n")
    sys.exit(0 if worst <= 1e-5 else 1)


if __name__ == "__main__":
    main()

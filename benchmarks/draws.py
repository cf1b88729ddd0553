#!/usr/bin/env python3
"""Seeded draws (issue 14, item 1): boundbook's `normal(shape: [N], seed: 1)` against NumPy's
`Generator(Philox(key=1)).standard_normal(N)`, side by side in one run.

    python3 benchmarks/draws.py              # builds boundbook (release) once, N = 1,000,000
    python3 benchmarks/draws.py --no-build   # reuses the release binary
    python3 benchmarks/draws.py --n 4000000 --runs 9
    python3 benchmarks/draws.py --binary .build/debug/boundbook --runs 1   # a smoke test

Whole process, both sides: `boundbook run` on a one-cell notebook that draws and shows the tensor
(its summary: min, max, mean), against `python3 -c` importing numpy, drawing and printing the same
summary. Each side's start-up is timed too (a notebook computing `1 + 1`; `python3 -c "import
numpy"`), so the draw itself is the difference. One discarded run of each, then the runs alternate
between the sides (a change of machine load hits both); the table gives the median and the best.
Also shown: NumPy's draw in process (timeit, best of 5 batches). Agreement: the min, max and mean
that boundbook prints must equal NumPy's to the 6 digits shown (the draws are equal bit for bit;
the unit tests compare the bits).

The report is printed and written to benchmarks/results/draws-latest.txt (git-ignored).
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
import timeit

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "benchmarks", "results", "draws-latest.txt")


def binary():
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                          check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "boundbook")


def timed(command):
    start = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    return elapsed, out.stdout


def notebook(folder, name, expression):
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write(f"# {name}\n```bound\n{expression}\n```\n")
    return path


def short(x):
    """boundbook's display of a summary statistic (TensorText.short), minus signs as U+2212."""
    if x == 0:
        return "0"
    text = f"{x:.6g}" if 1e-4 <= abs(x) < 1e6 else f"{x:.4e}"
    return text.replace("-", "−")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--binary", help="a boundbook executable to time instead of the release build")
    args = parser.parse_args()
    if not args.no_build and not args.binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "boundbook"], cwd=ROOT, check=True)
    boundbook = args.binary or binary()
    n = args.n
    draw = f"np.random.Generator(np.random.Philox(key=1)).standard_normal({n})"
    with tempfile.TemporaryDirectory() as folder:
        sides = {
            "boundbook draw": [boundbook, "run", notebook(folder, "draw.md", f"normal(shape: [{n}], seed: 1)")],
            "boundbook start-up": [boundbook, "run", notebook(folder, "empty.md", "1 + 1")],
            "numpy draw": [sys.executable, "-c",
                           f"import numpy as np; x = {draw}; print(x.min(), x.max(), x.mean())"],
            "numpy start-up": [sys.executable, "-c", "import numpy"],
        }
        times = {name: [] for name in sides}
        outputs = {}
        for name, command in sides.items():
            outputs[name] = timed(command)[1]  # discarded warm-up run
        for _ in range(args.runs):
            for name, command in sides.items():
                times[name].append(timed(command)[0])

    x = eval(draw, {"np": np})
    expected = f"min {short(x.min())}, max {short(x.max())}, mean ≈ {short(x.mean())}"
    agree = expected in outputs["boundbook draw"]
    batches = timeit.repeat(lambda: eval(draw, {"np": np}), number=3, repeat=5)
    in_process = min(batches) / 3

    rows = []
    for name in sides:
        rows.append(f"| {name} | {statistics.median(times[name]) * 1e3:9.1f} | {min(times[name]) * 1e3:9.1f} |")
    ours = statistics.median(times["boundbook draw"]) - statistics.median(times["boundbook start-up"])
    theirs = statistics.median(times["numpy draw"]) - statistics.median(times["numpy start-up"])
    report = "\n".join([
        f"# Seeded draws: normal(shape: [{n}], seed: 1) against NumPy",
        "",
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPUs, "
        f"{platform.platform()}, Python {platform.python_version()}, numpy {np.__version__}; "
        f"{args.runs} runs per side, alternating.",
        "",
        "| process | median ms | best ms |",
        "|---|---|---|",
        *rows,
        "",
        f"NumPy in process: {in_process * 1e3:.1f} ms per draw of {n} (best of 5 batches of 3).",
        f"Draw minus start-up (medians): boundbook {ours * 1e3:.1f} ms (draw and summary), "
        f"numpy {theirs * 1e3:.1f} ms (draw and min/max/mean); ratio {ours / theirs:.2f}."
        if theirs > 0 else "NumPy's draw was within the noise of its start-up.",
        f"Agreement: boundbook shows `{expected}`: {'✓' if agree else '✗'}",
    ])
    print(report)
    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS, "w") as f:
        f.write(report + "\n")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())

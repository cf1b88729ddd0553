#!/usr/bin/env python3
"""A comprehension costs its number of passes times one element (issue 13, "Performance").

    python3 benchmarks/comprehension.py            # build release, then run (about a minute)
    python3 benchmarks/comprehension.py --no-build # reuse .build/release/boundbook
    python3 benchmarks/comprehension.py --binary .build/debug/boundbook

Two series, each timed as whole `boundbook run` processes (median of 3 after one discarded run),
minus the same notebook with an empty comprehension (process start, parsing, the catalogue):
  1. `[x * x + 1 for x in range(0, N)]` then `sum(…)`, N ∈ {1,000, 10,000, 100,000};
  2. `[sum(load(f"runs/r{i}.npy")) for i in range(0, F)]`, F ∈ {20, 200} small .npy files
     (written once into a temporary folder with numpy).
Each series prints the time per element; linear cost means it stays flat as N grows (a
quadratic copy would make it grow tenfold per row). Exits 1 when the per-element time of the
largest N is more than 3 times that of the smallest measurable one.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parent.parent


def timed(binary, notebook, runs=3):
    subprocess.run([binary, "run", notebook], check=True, capture_output=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([binary, "run", notebook], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def notebook(folder, name, body):
    path = Path(folder) / name
    path.write_text("```bound\n" + body + "\n```\n")
    return str(path)


def series(binary, folder, label, make, sizes):
    base = timed(binary, notebook(folder, "empty.md", make(0)))
    print(f"{label}\n  baseline (0 passes): {base:.3f} s")
    per = []
    for n in sizes:
        t = timed(binary, notebook(folder, f"n{n}.md", make(n))) - base
        per.append(t / n)
        print(f"  {n:>7} passes: {t:8.3f} s   {t / n * 1e6:9.2f} µs per pass")
    return per


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", help="a boundbook executable to time instead (implies --no-build)")
    options = parser.parse_args()
    if not options.no_build and not options.binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "boundbook"], cwd=ROOT, check=True)
    binary = options.binary or str(ROOT / ".build" / "release" / "boundbook")
    with tempfile.TemporaryDirectory() as folder:
        runs = Path(folder) / "runs"
        runs.mkdir()
        for i in range(200):
            numpy.save(runs / f"r{i}.npy", numpy.arange(100, dtype=numpy.float64) + i)
        numbers = series(
            binary, folder, "numbers: [x * x + 1 for x in range(0, N)]",
            lambda n: f"let v = [x * x + 1 for x in range(0, {n})]\nsum(v)", [1_000, 10_000, 100_000])
        files = series(
            binary, folder, "files: [sum(load(f\"runs/r{i}.npy\")) for i in range(0, F)]",
            lambda n: f"let v = [sum(load(f\"runs/r{{i}}.npy\")) for i in range(0, {n})]\nsum(v)", [20, 200])
    worst = max(numbers[-1] / numbers[0], files[-1] / files[0])
    print(f"largest/smallest per-pass time: {worst:.2f} (linear: about 1)")
    sys.exit(0 if worst <= 3 else 1)


if __name__ == "__main__":
    main()

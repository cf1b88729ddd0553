#!/usr/bin/env python3
"""Certified spectral norm (boundbook) against numpy.linalg.norm(W, 2) (issue 5).

Writes two seeded float32 matrices (784 x 4096 and 4096 x 4096, standard normal) as raw
little-endian files into a temporary folder, times boundbook's `bench spectral_norm` on them
(the certified enclosure of sigma_max of the float32 tensor, widening to double included) and
numpy.linalg.norm(W, 2) on the same float32 arrays (what a user calls; numpy runs sgesdd), and
prints the times, their ratio, and how far boundbook's upper end lies above the float64 value
numpy.linalg.norm(W.astype(float64), 2) and above numpy's float32 value.

    python3 benchmarks/linear.py              # builds release, then runs (about 3 minutes)
    python3 benchmarks/linear.py --no-build   # reuses .build/release/bench
    python3 benchmarks/linear.py --sizes 784  # only the 784 x 4096 matrix
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from decimal import Decimal

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build", "release", "bench")


def numpy_time(w, repeats):
    times = []
    value = None
    for _ in range(repeats):
        start = time.perf_counter()
        value = float(np.linalg.norm(w, 2))
        times.append(time.perf_counter() - start)
    return min(times), sorted(times)[len(times) // 2], value


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--sizes", nargs="*", type=int, default=[784, 4096], help="row counts (columns are 4096)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per side (default 3)")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "bench"], cwd=ROOT, check=True)
    print(f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}, "
          f"{os.cpu_count()} CPUs, numpy {np.__version__}")
    rows_out = []
    with tempfile.TemporaryDirectory() as folder:
        for rows in args.sizes:
            cols = 4096
            rng = np.random.default_rng(20261126 + rows)
            w = rng.standard_normal((rows, cols)).astype("<f4")
            path = os.path.join(folder, f"w{rows}.f32")
            w.tofile(path)
            run = subprocess.run(
                [BENCH, "spectral_norm", "--file", path, "--rows", str(rows), "--cols", str(cols),
                 "--repeat", str(args.repeat), "--warmup", "1"],
                capture_output=True, text=True, check=True)
            ours = json.loads(run.stdout)
            best_np, median_np, value32 = numpy_time(w, args.repeat)
            value64 = float(np.linalg.norm(w.astype(np.float64), 2))
            upper, lower = Decimal(ours["upper"]), Decimal(ours["lower"])
            gap64 = float((upper - Decimal(value64)) / Decimal(value64))
            gap32 = float((upper - Decimal(value32)) / Decimal(value32))
            width = float((upper - lower) / upper)
            inside = lower <= Decimal(value64) <= upper
            best_ours = ours["min_us"] / 1e6
            rows_out.append((rows, cols, best_ours, ours["median_us"] / 1e6, best_np, median_np, gap64, gap32, width, inside))
            print(f"{rows} x {cols}: boundbook {best_ours:.3f} s (median {ours['median_us'] / 1e6:.3f}), "
                  f"numpy {best_np:.3f} s (median {median_np:.3f}), ratio {best_ours / best_np:.3f}; "
                  f"upper - sigma64 = {gap64:.2e} relative, upper - numpy32 = {gap32:.2e}, "
                  f"enclosure width {width:.2e}, float64 value inside: {inside}", flush=True)
    goal = all(r[2] <= r[4] / 2 and 0 <= r[6] <= 1e-8 and r[9] for r in rows_out)
    print("goal (time <= numpy/2, 0 <= upper - sigma <= 1e-8 relative, float64 value inside):", "met" if goal else "NOT met")
    return 0 if goal else 1


if __name__ == "__main__":
    sys.exit(main())

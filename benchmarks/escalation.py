"""Escalation cost (issue 11): a claim next to a 1500×1500 spectral norm, undecided at every
precision, checked with --max-precision 128 and 4096.

    python3 benchmarks/escalation.py [--no-build] [--size 1500] [--runs 3]

The claim `s <= value(s)` compares an enclosure with itself, so it stays undecided and the
checker doubles the precision up to the maximum (128 → 4096 is five doublings). The norm is
double-precision work with a proven error bound and is computed once, whatever the precision;
the goal is a ratio near 1 (before issue 11 every doubling recomputed it: about 5×). numpy's
uncertified `np.linalg.norm(W, 2)` on the same matrix is shown for scale.
"""
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
size = int(args[args.index("--size") + 1]) if "--size" in args else 1500
runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 3
if "--no-build" not in args:
    subprocess.run(["swift", "build", "-c", "release", "--product", "boundbook"], cwd=root, check=True)
binary = os.path.join(root, ".build", "release", "boundbook")

folder = tempfile.mkdtemp(prefix="boundbook-escalation-")
W = np.random.default_rng(1).standard_normal((size, size))
np.save(os.path.join(folder, "W.npy"), W)
notebook = os.path.join(folder, "escalation.md")
with open(notebook, "w") as f:
    f.write('```bound\nlet W = load("W.npy")\nlet s = spectral_norm(W)\nclaim s <= value(s)\n```\n')


def wall(max_precision):
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        out = subprocess.run([binary, "run", notebook, "--max-precision", str(max_precision)], capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if "undecided" not in out.stdout:
            sys.exit(f"expected an undecided claim, got:\n{out.stdout}{out.stderr}")
    return statistics.median(times[1:])


low = wall(128)
high = wall(4096)
start = time.perf_counter()
np.linalg.norm(W, 2)
numpy_time = time.perf_counter() - start
print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; {size}×{size} float64, median of {runs} runs")
print(f"boundbook run, --max-precision 128:  {low:.3f} s")
print(f"boundbook run, --max-precision 4096: {high:.3f} s")
print(f"ratio 4096/128: {high / low:.2f}")
print(f"numpy np.linalg.norm(W, 2) (uncertified, in-process): {numpy_time:.3f} s")

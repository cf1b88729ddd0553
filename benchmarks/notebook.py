"""Notebook checking speed (issue 4): a 200-statement notebook and an empty one, whole process.

    python3 benchmarks/notebook.py [--no-build]

Generates the notebooks in a temporary folder, runs `boundbook check` on each (after one
warm-up run) 20 times, and prints the median and best wall times. Goals: 200 statements of
mixed catalogue bounds and claims in under 0.2 s; start-up on an empty notebook under 30 ms.
"""
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if "--no-build" not in sys.argv:
    subprocess.run(["swift", "build", "-c", "release", "--product", "boundbook"], cwd=root, check=True)
binary = os.path.join(root, ".build", "release", "boundbook")

bounds = [
    "hoeffding_test(risk: {r}, n: {n}, delta: 0.0001)",
    "kl_test(risk: {r}, n: {n}, delta: 0.0001)",
    "binomial_test(errors: {k}, n: {n}, delta: 0.0001)",
    "bernstein_test(risk: {r}, n: {n}, delta: 0.0001)",
    "occam(risk: {r}, n: {n}, classes: 1000000, delta: 0.0001)",
    "vc(risk: {r}, n: {n}, dim: 10, delta: 0.0001)",
    "pac_bayes_kl(risk: {r}, kl: 100, n: {n}, delta: 0.0001)",
    "pac_bayes_catoni(risk: {r}, kl: 100, n: {n}, delta: 0.0001, c: 2)",
]
lines = ["budget 0.05", "assume test_set_independent, zero_one_loss, bounded_loss, iid_sample, prior_independent, parameters_fixed_in_advance, finite_class"]
i = 0
while len(lines) < 200:
    n = 1000 + 37 * i
    k = n // 20
    formula = bounds[i % len(bounds)].format(r=f"{k}/{n}", k=k, n=n)
    lines.append(f"let b{i} = {formula}")
    lines.append(f"claim b{i} <= 1")
    i += 1
notebook = "# 200 statements\n\n```bound\n" + "\n".join(lines[:200]) + "\n```\n"

def timed(path, runs=20):
    subprocess.run([binary, "update", path], capture_output=True)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run([binary, "check", path], capture_output=True)
        samples.append(time.perf_counter() - start)
        assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()
    return statistics.median(samples), min(samples)

with tempfile.TemporaryDirectory() as folder:
    big = os.path.join(folder, "two-hundred.md")
    empty = os.path.join(folder, "empty.md")
    open(big, "w").write(notebook)
    open(empty, "w").write("# empty\n\n```bound\n```\n")
    big_median, big_best = timed(big)
    empty_median, empty_best = timed(empty)

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
print(f"machine: {os.cpu_count()} CPUs, {cpu}; load {os.getloadavg()[0]:.2f}")
print(f"check, 200 statements ({len(lines[:200])} lines, {sum(l.startswith('claim') for l in lines[:200])} claims): median {big_median*1000:.1f} ms, best {big_best*1000:.1f} ms  (goal < 200 ms: {'met' if big_median < 0.2 else 'MISSED'})")
print(f"check, empty notebook (start-up): median {empty_median*1000:.1f} ms, best {empty_best*1000:.1f} ms  (goal < 30 ms: {'met' if empty_median < 0.03 else 'MISSED'})")

# Export (issue 7): a notebook with 10 plots of 1000 points each, whole process.
points = ", ".join(str(i) for i in range(1, 1001))
cells = ["```bound", f"let xs = [{points}]"]
for k in range(10):
    cells.append(f"plot x: xs, y: value(hoeffding_test(risk: 0, n: xs, delta: 0.0{k + 1})), xlog: 1, title: \"plot {k}\"")
cells.append("```")
with tempfile.TemporaryDirectory() as folder:
    plots = os.path.join(folder, "plots.md")
    open(plots, "w").write("# ten plots\n\n" + "\n".join(cells) + "\n")
    subprocess.run([binary, "export", plots, "--html"], capture_output=True, check=True)
    samples = []
    for _ in range(10):
        start = time.perf_counter()
        subprocess.run([binary, "export", plots, "--html"], capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
    median, best = statistics.median(samples), min(samples)
print(f"export --html, 10 plots × 1000 points: median {median*1000:.1f} ms, best {best*1000:.1f} ms  (goal < 500 ms: {'met' if median < 0.5 else 'MISSED'})")

#!/usr/bin/env python3
"""Tensors and networks (issues 5 and 6): boundbook against numpy, side by side in one run.

    python3 benchmarks/tensors.py              # builds release once, then runs both tasks (about 3 minutes)
    python3 benchmarks/tensors.py --no-build   # reuses .build/release/{boundbook,bench}
    python3 benchmarks/tensors.py --only jiang # one task (frobenius or jiang)
    python3 benchmarks/tensors.py --data DIR   # keep the generated files in DIR (reused when present)

1. Frobenius norms of a 400 MB file, whole process. A seeded float32 safetensors file of 8
   tensors `layerK.weight` of 4096 x 3072 (402,653,184 bytes of data) and a notebook that loads
   it and asks `frobenius_norm(m["layerK.weight"])` of each. Timed: `boundbook run NOTEBOOK
   --format json` against `python3 -c` running `safetensors.numpy.load_file` + `np.linalg.norm`
   per tensor, once with numpy's default float32 norm and once in float64 (`astype` first); for
   context also numpy without a copy (`np.memmap` of each tensor's bytes). One discarded run of
   each warms the page cache, then the runs alternate between the sides (so a change of machine
   load hits both); median and best of --runs. Also shown: the in-process `bench frobenius`
   figure (map the file, then the 8 norms) and both sides' start-up. Agreement: numpy's float64
   norm must lie in boundbook's enclosure or within 1e-6 of it (relative), and the square root
   of math.fsum of the exact squares (a correctly rounded sum) must lie inside it.

2. `jiang_measures` of a 3-layer fully connected network 784 -> 1024 -> 1024 -> 10 (float32
   weights and biases, an initialization of the same shapes) with the logits of 1000 examples
   and their labels. Timed: `bench jiang` (in process, after loading: one catalogue evaluation,
   certified spectral norms included, best and median of --runs after a warm-up), `boundbook run`
   on a notebook that calls `jiang_measures(layers(load("w.safetensors")),
   layers(load("w0.safetensors")), load("logits.npy"), load("labels.npy"))`, and the same 18
   measures in numpy (uncertified: `np.linalg.norm(W, 2)`, an SVD, and the Frobenius norm), in
   process and as a whole `python3 -c` process. Agreement: each numpy value within the enclosure
   or 1e-6 of it (relative). The harness also times each phase once (spectral norms, Frobenius
   norms, differences, path norm, margin) so a missed goal shows where the time goes.

The report is printed and written to benchmarks/results/tensors-latest.txt (git-ignored).
"""

import argparse
import datetime
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal, getcontext
from pathlib import Path

import numpy as np

try:
    import safetensors
    from safetensors.numpy import save_file
except ImportError:  # pragma: no cover
    sys.exit("tensors.py needs safetensors: pip install safetensors")

getcontext().prec = 60
ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / ".build" / "release"
RESULTS = ROOT / "benchmarks" / "results" / "tensors-latest.txt"
TOLERANCE = 1e-6

BIG_LAYERS, BIG_ROWS, BIG_COLS = 8, 4096, 3072
WIDTHS = [784, 1024, 1024, 10]
EXAMPLES = 1000


def log(message):
    print(message, file=sys.stderr, flush=True)


def run(command, cwd=ROOT, check=True):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def timed(command, cwd=ROOT):
    start = time.perf_counter()
    result = run(command, cwd)
    return time.perf_counter() - start, result.stdout


def alternate(commands, runs, cwd):
    """Wall seconds of each command: one discarded run each, then `runs` rounds in turn.
    Returns per command (median, best, last stdout, every stdout)."""
    for c in commands.values():
        run(c, cwd)
    samples = {k: [] for k in commands}
    outputs = {k: [] for k in commands}
    for _ in range(runs):
        for k, c in commands.items():
            seconds, out = timed(c, cwd)
            samples[k].append(seconds)
            outputs[k].append(out)
    return {k: (statistics.median(v), min(v), outputs[k][-1], outputs[k]) for k, v in samples.items()}


def relative_distance(lower, upper, value):
    """0 inside [lower, upper], else the relative distance to the nearer end."""
    lo, hi = Decimal(lower), Decimal(upper)
    x = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    if lo <= x <= hi:
        return 0.0
    return float(min(abs(x - lo), abs(x - hi)) / abs(x))


def agree_cell(distance):
    return f"{'✓' if distance <= TOLERANCE else '✗'} {'inside' if distance == 0 else f'{distance:.0e}'}"


def ms(seconds):
    value = seconds * 1e3
    return f"{value:,.{1 if value < 100 else 0}f} ms"


# ---------------------------------------------------------------- data


def write_big(folder):
    """The 400 MB file: 8 seeded standard-normal float32 tensors of 4096 x 3072."""
    path = folder / "big.safetensors"
    expected = BIG_LAYERS * BIG_ROWS * BIG_COLS * 4
    if path.exists() and expected < path.stat().st_size < expected + 4096:
        return path
    log(f"writing {path} ({expected / 1e6:.0f} MB of tensors)")
    rng = np.random.default_rng(20261126)
    tensors = {f"layer{k}.weight": rng.standard_normal((BIG_ROWS, BIG_COLS), dtype=np.float32) for k in range(BIG_LAYERS)}
    save_file(tensors, str(path))
    return path


def write_network(folder):
    """A 784-1024-1024-10 network and its initialization (He-normal; trained = init + a
    perturbation), 1000 inputs' logits from a float32 forward pass, and labels that agree with
    the argmax on all but 5% of the examples (so the 10th-percentile margin is positive)."""
    names = ["w.safetensors", "w0.safetensors", "logits.npy", "labels.npy"]
    if all((folder / n).exists() for n in names):
        return
    log(f"writing the network into {folder}")
    rng = np.random.default_rng(6)
    init, net = {}, {}
    for i, (fan_in, fan_out) in enumerate(zip(WIDTHS, WIDTHS[1:]), start=1):
        w0 = rng.standard_normal((fan_out, fan_in)) * np.sqrt(2 / fan_in)
        init[f"fc{i}.weight"] = w0.astype(np.float32)
        init[f"fc{i}.bias"] = np.zeros(fan_out, dtype=np.float32)
        net[f"fc{i}.weight"] = (w0 + rng.standard_normal((fan_out, fan_in)) * np.sqrt(0.5 / fan_in)).astype(np.float32)
        net[f"fc{i}.bias"] = (rng.standard_normal(fan_out) * 0.05).astype(np.float32)
    save_file(net, str(folder / "w.safetensors"))
    save_file(init, str(folder / "w0.safetensors"))
    x = rng.random((EXAMPLES, WIDTHS[0]), dtype=np.float32)
    for i in range(1, len(WIDTHS)):
        x = x @ net[f"fc{i}.weight"].T + net[f"fc{i}.bias"]
        if i < len(WIDTHS) - 1:
            x = np.maximum(x, 0)
    logits = x.astype(np.float32)
    labels = logits.argmax(axis=1).astype(np.int64)
    flip = rng.choice(EXAMPLES, EXAMPLES // 20, replace=False)
    labels[flip] = (labels[flip] + 1 + rng.integers(0, WIDTHS[-1] - 1, flip.size)) % WIDTHS[-1]
    np.save(folder / "logits.npy", logits)
    np.save(folder / "labels.npy", labels)


# ---------------------------------------------------------------- 1. Frobenius


FROBENIUS_PY = """
import sys, numpy as np
from safetensors.numpy import load_file
tensors = load_file({path!r})
for name in sorted(tensors):
    w = tensors[name]{cast}
    print(name, repr(float(np.linalg.norm(w))))
"""

# Context: the fastest numpy route we know, no copy: the header parsed by hand, each tensor an
# np.memmap of its bytes, numpy's float32 norm (sdot: float32 accumulation).
MEMMAP_PY = """
import json, struct, numpy as np
path = {path!r}
with open(path, "rb") as f:
    size = struct.unpack("<Q", f.read(8))[0]
    header = json.loads(f.read(size))
for name in sorted(k for k in header if k != "__metadata__"):
    start, end = header[name]["data_offsets"]
    w = np.memmap(path, dtype="<f4", mode="r", offset=8 + size + start, shape=tuple(header[name]["shape"]))
    print(name, repr(float(np.linalg.norm(w))))
"""


def exact_norms(path):
    """sqrt of the correctly rounded sum of squares per tensor (float32 squares are exact in
    float64; math.fsum rounds the exact sum once), to 40 digits: within 6e-17 of the norm."""
    from safetensors import safe_open
    result = {}
    with safe_open(str(path), "numpy") as f:
        for name in f.keys():
            squares = f.get_tensor(name).astype(np.float64).ravel() ** 2
            result[name] = Decimal(math.fsum(memoryview(squares))).sqrt()
    return result


def frobenius_task(folder, runs):
    path = write_big(folder)
    empty = folder / "empty.md"
    empty.write_text("# empty\n\n```bound\n```\n")
    t0 = alternate({"python": [sys.executable, "-c", "pass"], "boundbook": [str(RELEASE / "boundbook"), "run", empty.name]}, runs, folder)
    notebook = folder / "frobenius.md"
    cells = ['let m = load("big.safetensors")'] + [
        f'let f{k} = frobenius_norm(m["layer{k}.weight"])' for k in range(BIG_LAYERS)]
    notebook.write_text("# Frobenius norms of a 400 MB file\n\n```bound\n" + "\n".join(cells) + "\n```\n")
    commands = {
        "boundbook": [str(RELEASE / "boundbook"), "run", notebook.name, "--format", "json"],
        "numpy32": [sys.executable, "-c", FROBENIUS_PY.format(path=str(path), cast="")],
        "numpy64": [sys.executable, "-c", FROBENIUS_PY.format(path=str(path), cast=".astype(np.float64)")],
        "memmap": [sys.executable, "-c", MEMMAP_PY.format(path=str(path))],
    }
    log(f"frobenius: {runs} runs of each side, alternating, after one warm-up run each")
    t = alternate(commands, runs, folder)
    bench = json.loads(run([str(RELEASE / "bench"), "frobenius", "--file", str(path), "--repeat", str(runs), "--warmup", "1"]).stdout)
    reference = exact_norms(path)
    report = json.loads(t["boundbook"][2])
    ours = {s["name"]: (s["lower"], s["upper"]) for s in report["statements"] if s["name"].startswith("f")}
    values = {}
    for key in ("numpy32", "numpy64", "memmap"):
        values[key] = {line.split()[0]: float(line.split()[1]) for line in t[key][2].splitlines()}
    d64, d32, dref, widths = [], [], [], []
    for k in range(BIG_LAYERS):
        lo, hi = ours[f"f{k}"]
        name = f"layer{k}.weight"
        d64.append(relative_distance(lo, hi, values["numpy64"][name]))
        d32.append(relative_distance(lo, hi, values["numpy32"][name]))
        dref.append(relative_distance(lo, hi, reference[name]))
        widths.append(float((Decimal(hi) - Decimal(lo)) / Decimal(hi)))
    lines = [
        f"1. Frobenius norms of a {path.stat().st_size / 1e6:.0f} MB safetensors file ({BIG_LAYERS} float32 tensors of "
        f"{BIG_ROWS} x {BIG_COLS}), whole process",
        f"   {runs} alternating runs per side after one warm-up run each (page cache warm)",
        "",
        f"   {'':54}{'median':>11}{'best':>11}{'ratio (median)':>17}",
    ]
    base = t["boundbook"][0]
    for label, key in [
        ("boundbook run (load + 8 x frobenius_norm)", "boundbook"),
        ("python3 -c load_file + np.linalg.norm (float32)", "numpy32"),
        ("python3 -c load_file + np.linalg.norm (float64 copy)", "numpy64"),
        ("(context: python3 -c np.memmap + norm, float32, no copy)", "memmap"),
    ]:
        median, best = t[key][:2]
        r = "" if key == "boundbook" else f"{base / median:.2f}x"
        lines.append(f"   {label:<54}{ms(median):>11}{ms(best):>11}{r:>17}")
    lines.append(f"   {'bench frobenius, in process (map + 8 norms, no start-up)':<54}"
                 f"{ms(bench['median_us'] / 1e6):>11}{ms(bench['min_us'] / 1e6):>11}")
    lines.append(f"   {'python3 -c pass / boundbook run on an empty notebook':<54}"
                 f"{ms(t0['python'][0]):>11}{ms(t0['boundbook'][0]):>11}   (start-up, medians)")
    ratio32 = base / t["numpy32"][0]
    ratio64 = base / t["numpy64"][0]
    lines.append(f"   boundbook / numpy: {ratio32:.2f}x (float32 norm), {ratio64:.2f}x (float64 norm)")
    lines.append(f"   agreement: numpy float64 norm within 1e-6 of the enclosure: {' '.join(agree_cell(d) for d in d64)}")
    lines.append(f"              sqrt(math.fsum of the exact squares) (correctly rounded sum): "
                 f"{' '.join('inside' if d == 0 else f'{d:.0e} outside' for d in dref)}")
    lines.append(f"              numpy float32 norm (context): worst {max(d32):.1e} relative")
    lines.append(f"   enclosure relative widths: {min(widths):.1e} to {max(widths):.1e}")
    ok = max(ratio32, ratio64) <= 2 and max(d64) <= TOLERANCE and max(dref) <= 1e-15
    lines.append(f"   goal: whole process within 2x of numpy: {'met' if ok else 'MISSED'}")
    return lines, dict(boundbook=t["boundbook"], numpy32=t["numpy32"], numpy64=t["numpy64"], bench=bench,
                       ratio32=ratio32, ratio64=ratio64, d64=max(d64), width=max(widths))


# ---------------------------------------------------------------- 2. jiang_measures


# The 18 measures of Measures.jiang (Sources/Bounds/Network/Measures.swift), in float64.
JIANG_PY = r"""
import numpy as np
from safetensors.numpy import load_file

def layers(path):
    t = load_file(path)
    names = sorted({k.rsplit(".", 1)[0] for k in t}, key=lambda s: int(s[2:]))
    return [(t[n + ".weight"].astype(np.float64), t[n + ".bias"].astype(np.float64)) for n in names]

def jiang(net, init, logits, labels):
    f = logits.astype(np.float64)
    n = f.shape[0]
    fy = f[np.arange(n), labels]
    other = f.copy()
    other[np.arange(n), labels] = -np.inf
    margins = fy - other.max(axis=1)
    gamma = np.percentile(margins, 10, method="inverted_cdf")  # nearest rank, as boundbook
    d = len(net)
    prod_spec2 = prod_fro2 = 1.0
    fro_over_spec = dist_fro2 = dist_spec2 = sum_fro2 = spec_init = 0.0
    for (w, b), (w0, b0) in zip(net, init):
        s = np.linalg.norm(w, 2)
        fr = np.linalg.norm(w)
        delta = w - w0
        df = np.linalg.norm(delta)
        ds = np.linalg.norm(delta, 2)
        prod_spec2 *= s * s
        prod_fro2 *= fr * fr
        fro_over_spec += fr * fr / (s * s)
        dist_fro2 += df * df
        dist_spec2 += ds * ds
        sum_fro2 += fr * fr
        spec_init += df * df / (s * s)
    v = np.ones(net[0][0].shape[1])
    for w, b in net:
        v = (w * w) @ v + b * b
    path = v.sum()
    g2 = gamma * gamma
    log_sum = lambda x: np.log(d * x ** (1 / d))
    params = sum(w.size + b.size for w, b in net)
    return {
        "params": params, "inverse_margin": 1 / g2,
        "spec_init": np.log(prod_spec2 / g2 * spec_init), "spec_orig": np.log(prod_spec2 / g2 * fro_over_spec),
        "log_prod_of_spec_over_margin": np.log(prod_spec2 / g2), "log_prod_of_spec": np.log(prod_spec2),
        "fro_over_spec": fro_over_spec,
        "log_sum_of_spec_over_margin": log_sum(prod_spec2 / g2), "log_sum_of_spec": log_sum(prod_spec2),
        "log_prod_of_fro_over_margin": np.log(prod_fro2 / g2), "log_prod_of_fro": np.log(prod_fro2),
        "log_sum_of_fro_over_margin": log_sum(prod_fro2 / g2), "log_sum_of_fro": log_sum(prod_fro2),
        "frobenius_distance": dist_fro2, "dist_spec_init": dist_spec2, "parameter_norm": sum_fro2,
        "path_norm_over_margin": path / g2, "path_norm": path,
    }
"""

JIANG_PROCESS = JIANG_PY + r"""
import json, os
import time
os.chdir(FOLDER)
inputs = layers("w.safetensors"), layers("w0.safetensors"), np.load("logits.npy"), np.load("labels.npy")
start = time.perf_counter()
values = jiang(*inputs)
print(json.dumps({k: float(x) for k, x in values.items()}))
print(time.perf_counter() - start)
"""


def jiang_task(folder, runs):
    write_network(folder)
    notebook = folder / "jiang.md"
    notebook.write_text(
        "# Jiang et al.'s measures of a 784-1024-1024-10 network\n\n```bound\n"
        'let r = jiang_measures(layers(load("w.safetensors")), layers(load("w0.safetensors")), '
        'load("logits.npy"), load("labels.npy"))\n```\n')
    log(f"jiang: bench jiang ({runs} timed calls after a warm-up), then whole processes")
    bench = json.loads(run([str(RELEASE / "bench"), "jiang", "--dir", str(folder), "--repeat", str(runs),
                            "--warmup", "1", "--phases", "1"]).stdout)

    # numpy in process: load outside the timer (as the harness), the 18 measures timed.
    scope = {}
    exec(JIANG_PY, scope)
    net = scope["layers"](str(folder / "w.safetensors"))
    init = scope["layers"](str(folder / "w0.safetensors"))
    logits, labels = np.load(folder / "logits.npy"), np.load(folder / "labels.npy")
    scope["jiang"](net, init, logits, labels)
    samples = []
    for _ in range(max(runs, 5)):
        start = time.perf_counter()
        values = scope["jiang"](net, init, logits, labels)
        samples.append(time.perf_counter() - start)
    numpy_best, numpy_median = min(samples), statistics.median(samples)
    # float32 spectral norms (sgesdd), for context: what a user who does not cast gets.
    w32 = [load32 for load32 in (np.asarray(w, dtype=np.float32) for w, _ in net)]
    d32 = [np.asarray(w - w0, dtype=np.float32) for (w, _), (w0, _) in zip(net, init)]
    s32 = []
    for _ in range(max(runs, 5)):
        start = time.perf_counter()
        for m in w32 + d32:
            np.linalg.norm(m, 2)
        s32.append(time.perf_counter() - start)
    svd64 = []
    for _ in range(max(runs, 5)):
        start = time.perf_counter()
        for (w, _), (w0, _) in zip(net, init):
            np.linalg.norm(w, 2)
            np.linalg.norm(w - w0, 2)
        svd64.append(time.perf_counter() - start)

    commands = {
        "boundbook": [str(RELEASE / "boundbook"), "run", notebook.name, "--format", "json"],
        "numpy": [sys.executable, "-c", JIANG_PROCESS.replace("FOLDER", repr(str(folder)))],
        # OpenBLAS's threads spin; with more runnable processes than cores one thread does better.
        "numpy1": ["env", "OPENBLAS_NUM_THREADS=1", "OMP_NUM_THREADS=1", sys.executable, "-c",
                   JIANG_PROCESS.replace("FOLDER", repr(str(folder)))],
    }
    t = alternate(commands, runs, folder)
    compute = {k: statistics.median(float(out.splitlines()[-1]) for out in t[k][3]) for k in ("numpy", "numpy1")}
    statement = json.loads(t["boundbook"][2])["statements"][0]

    ours = {v["name"]: (v["lower"], v["upper"]) for v in bench["values"]}
    distances = {k: relative_distance(*ours[k], values[k]) for k in ours}
    widths = {k: float((Decimal(hi) - Decimal(lo)) / abs(Decimal(hi))) if Decimal(hi) != 0 else 0.0
              for k, (lo, hi) in ours.items()}
    in_process = bench["min_us"] / 1e6
    lines = [
        f"2. jiang_measures of a {'-'.join(map(str, WIDTHS))} network (float32 weights and biases, an init of the same "
        f"shapes), logits of {EXAMPLES} examples",
        "",
        f"   {'':58}{'best':>11}{'median':>11}",
        f"   {'bench jiang (in process, after load; certified)':<58}{ms(in_process):>11}{ms(bench['median_us'] / 1e6):>11}",
        f"   {'numpy, the 18 measures in float64 (in process, after load)':<58}{ms(numpy_best):>11}{ms(numpy_median):>11}",
        f"   {'  of which its 6 SVD spectral norms, float64':<58}{ms(min(svd64)):>11}{ms(statistics.median(svd64)):>11}",
        f"   {'  (context: the same 6 in float32, sgesdd)':<58}{ms(min(s32)):>11}{ms(statistics.median(s32)):>11}",
        f"   {'boundbook run on the notebook (whole process)':<58}{ms(t['boundbook'][1]):>11}{ms(t['boundbook'][0]):>11}",
        f"   {'python3 -c numpy (whole process)':<58}{ms(t['numpy'][1]):>11}{ms(t['numpy'][0]):>11}",
        f"   {'  of which the 18 measures after loading (median)':<58}{'':>11}{ms(compute['numpy']):>11}",
        f"   {'python3 -c numpy, OPENBLAS_NUM_THREADS=1 (whole process)':<58}{ms(t['numpy1'][1]):>11}{ms(t['numpy1'][0]):>11}",
        f"   {'  of which the 18 measures after loading (median)':<58}{'':>11}{ms(compute['numpy1']):>11}",
        f"   boundbook / numpy: {in_process / numpy_best:.2f}x in process (best), "
        f"{t['boundbook'][0] / t['numpy'][0]:.2f}x whole process (median), "
        f"{t['boundbook'][0] / t['numpy1'][0]:.2f}x against numpy on one thread",
        "   harness phases (one call each, ms): " + ", ".join(f"{k} {v / 1e3:,.1f}" for k, v in bench["phases_us"]),
        f"   notebook statement: {statement.get('text', '')[:100]}",
        "   agreement (numpy float64 within 1e-6 of the enclosure) and enclosure relative width:",
    ]
    for name, (lo, hi) in ours.items():
        lines.append(f"     {name:<30} [{lo[:16]}, {hi[:16]}]  width {widths[name]:.0e}  numpy {values[name]:.10g}  "
                     f"{agree_cell(distances[name])}")
    ok = bench["median_us"] / 1e6 < 1 and max(distances.values()) <= TOLERANCE
    lines.append(f"   goal: under 1 s including the certified spectral norms: {'met' if ok else 'MISSED'} "
                 f"(in process median {bench['median_us'] / 1e6:.3f} s, whole process {t['boundbook'][0]:.3f} s)")
    return lines, dict(bench=bench, numpy=(numpy_best, numpy_median), whole=t, distance=max(distances.values()))


# ---------------------------------------------------------------- main


def machine():
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    swift = run(["swift", "--version"], check=False).stdout.strip().splitlines()
    return [
        f"date      {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"machine   {os.cpu_count()} CPUs (nproc), {model}; {platform.system()} {platform.release()}",
        "load      %.2f %.2f %.2f (1, 5, 15 min)" % os.getloadavg(),
        f"software  {swift[0] if swift else 'swift ?'}; Python {platform.python_version()}, numpy {np.__version__}, "
        f"safetensors {safetensors.__version__}",
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per side (default 5)")
    parser.add_argument("--only", choices=["frobenius", "jiang"])
    parser.add_argument("--data", help="folder for the generated files (kept; default a temporary folder)")
    args = parser.parse_args()
    if not args.no_build:
        for product in ("boundbook", "bench"):
            subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)
    lines = ["boundbook tensors and networks against numpy (issues 5 and 6)"] + machine() + [""]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.data).resolve() if args.data else Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        if args.only in (None, "frobenius"):
            lines += frobenius_task(folder, args.runs)[0] + [""]
        if args.only in (None, "jiang"):
            lines += jiang_task(folder, args.runs)[0] + [""]
    lines.append("load at the end: %.2f %.2f %.2f" % os.getloadavg())
    text = "\n".join(lines) + "\n"
    print(text, end="")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text)
    log(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

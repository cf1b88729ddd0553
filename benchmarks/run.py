#!/usr/bin/env python3
"""Times boundbook's certified binomial tail inversion and kl⁻¹₊ against scipy and mpmath.

    python3 benchmarks/run.py            # build release, run everything (a few minutes)
    python3 benchmarks/run.py --no-build # reuse .build/release

For n ∈ {100, 10⁴, 10⁶}, k = 7% of n, δ = 0.05 it measures, side by side:
  * per call: boundbook at 128 bits (the `bench` harness: warm-up, then each call timed on the
    monotonic clock), scipy in float64 and mpmath at mp.prec = 128 (timeit); on both sides
    5 batches of at least 0.2 s, reported as the best batch (ratios) and the median batch;
  * whole process: `boundbook eval …` against `python3 -c "import scipy…"` and
    `python3 -c "import mpmath…"` (median wall time of 5 runs after one discarded run);
and checks that scipy's answer is within 1e-9 and mpmath's within 1e-30 (relative) of
boundbook's certified enclosure. The report is printed and written to
benchmarks/results/latest.txt.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path

import mpmath
import numpy
import scipy

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "latest.txt"
DELTA = "0.05"
BITS = 128
SCIPY_TOLERANCE = 1e-9
MPMATH_TOLERANCE = 1e-30

# The Python implementations are source text so that the per-call timing (exec'd here) and
# the whole-process timing (`python3 -c`) run exactly the same code.

SCIPY_BINOMIAL = """
import scipy.stats
def binomial_upper(k, n, delta):
    # P[Bin(n,p) <= k] = 1 - I_p(k+1, n-k), so the inversion is the (1-delta) beta quantile.
    return scipy.stats.beta.ppf(1 - delta, k + 1, n - k)
"""

SCIPY_BINOMIAL_UFUNC = """
import scipy.special
def binomial_upper(k, n, delta):
    # The ufunc under beta.ppf, without rv_continuous's argument checking (for reference).
    return scipy.special.betaincinv(k + 1, n - k, 1 - delta)
"""

SCIPY_KL = """
import math, scipy.optimize
def kl_inv_upper(q, c):
    f = lambda p: q * math.log(q / p) + (1 - q) * math.log((1 - q) / (1 - p)) - c
    return scipy.optimize.brentq(f, q, 1 - 1e-15, xtol=1e-16, rtol=8.9e-16)
"""

MPMATH_BINOMIAL = """
import mpmath
from mpmath import mpf
mpmath.mp.prec = %d
def binomial_upper(k, n, delta):
    # Root of I_p(k+1, n-k) = 1 - delta, bracketed by p = k/n (where the CDF is about 1/2 > delta)
    # and Hoeffding's k/n + sqrt(ln(1/delta)/(2n)) (where it is at most delta).
    a, b, target = k + 1, n - k, 1 - mpf(delta)
    norm = a * mpmath.beta(a, b)
    def f(p):
        # DLMF 8.17.8: I_p(a,b) = p^a (1-p)^b / (a B(a,b)) 2F1(a+b, 1; a+1; p), a series of
        # positive terms (mpmath.betainc's 2F1(a, 1-b; a+1; p) alternates and cancels).
        return p**a * (1 - p)**b / norm * mpmath.hyp2f1(1, a + b, a + 1, p, maxterms=10**7) - target
    lo = mpf(k) / n
    hi = min(lo + mpmath.sqrt(mpmath.log(1 / mpf(delta)) / (2 * n)), mpf(1))
    return mpmath.findroot(f, (lo, hi), solver="anderson")
""" % BITS

MPMATH_BINOMIAL_BETAINC = """
import mpmath
from mpmath import mpf
mpmath.mp.prec = %d
def binomial_upper(k, n, delta):
    a, b, target = k + 1, n - k, 1 - mpf(delta)
    f = lambda p: mpmath.betainc(a, b, 0, p, regularized=True) - target
    lo = mpf(k) / n
    hi = min(lo + mpmath.sqrt(mpmath.log(1 / mpf(delta)) / (2 * n)), mpf(1))
    return mpmath.findroot(f, (lo, hi), solver="anderson")
""" % BITS

MPMATH_KL = """
import mpmath
from mpmath import mpf
mpmath.mp.prec = %d
def kl_inv_upper(q, c):
    q, c = mpf(q), mpf(c)
    f = lambda p: q * mpmath.log(q / p) + (1 - q) * mpmath.log((1 - q) / (1 - p)) - c
    # Pinsker: kl(q||p) >= 2 (p-q)^2, so the root lies in [q, q + sqrt(c/2)].
    return mpmath.findroot(f, (q, min(q + mpmath.sqrt(c / 2), 1 - mpmath.eps)), solver="anderson")
""" % BITS


def load(source, name):
    scope = {}
    exec(source, scope)
    return scope[name]


def run(command, check=True):
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=check)


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- cases


def cases(sizes):
    """The arguments of each task at each n: exact decimal strings, shared by all three tools."""
    binomial, kl = [], []
    for n in sizes:
        k = round(0.07 * n)
        binomial.append(dict(n=n, k=k, delta=DELTA))
        with mpmath.workdps(60):
            c = mpmath.nstr(mpmath.log(1 / mpmath.mpf(DELTA)) / n, 40, min_fixed=-100, max_fixed=100)
        kl.append(dict(n=n, q=f"{k}/{n}", q_num=k, c=c))
    return binomial, kl


# ---------------------------------------------------------------- timing


def python_per_call(fn, *args):
    """Per-call seconds in 5 timeit batches of ≥ 0.2 s each: best and median batch, and the value."""
    try:
        value = fn(*args)
    except Exception as error:  # mpmath.betainc's series does not converge at n = 10^6
        return dict(best=None, error=type(error).__name__)
    timer = timeit.Timer(lambda: fn(*args))
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= 0.2:
            break
        number = max(number * 2, int(number * 0.25 / max(elapsed, 1e-9)))
    batches = [elapsed / number] + [timer.timeit(number) / number for _ in range(4)]
    return dict(best=min(batches), median=statistics.median(batches), value=value)


def harness(bench, task, options):
    """The `bench` harness's figures in seconds: each call timed, ≥ 1 s in all (5 batches ≥ 0.2 s)."""
    command = [str(bench), task]
    for key, value in options.items():
        command += [f"--{key}", str(value)]
    command += ["--bits", str(BITS), "--repeat", "50", "--warmup", "20", "--min-seconds", "1"]
    figures = json.loads(run(command).stdout)
    batches = [x / 1e6 for x in figures["batch_means_us"]]
    return dict(
        best=min(batches), median=statistics.median(batches), call_median=figures["median_us"] / 1e6,
        lower=figures["lower"], upper=figures["upper"], calls=figures["repeat"],
    )


def wall(command, runs=5):
    """Median wall seconds of `runs` runs, after one discarded run (page cache, dyld)."""
    run(command)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run(command)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def python_command(source, call):
    return [sys.executable, "-c", source + "\nprint(" + call + ")"]


# ---------------------------------------------------------------- agreement


def agreement(lower, upper, value, tolerance):
    """(ok, relative distance of `value` from the enclosure [lower, upper])."""
    with mpmath.workdps(60):
        lo, hi, x = mpmath.mpf(lower), mpmath.mpf(upper), mpmath.mpf(value)
        distance = 0 if lo <= x <= hi else min(abs(x - lo), abs(x - hi))
        relative = float(distance / abs(x)) if x else float(distance)
    return relative <= tolerance, relative


# ---------------------------------------------------------------- report


def us(seconds, scale=None):
    """Seconds as µs or ms to about 3 significant figures; `scale` (another time) fixes the unit
    and drops its name, for a figure printed beside that time."""
    unit = seconds if scale is None else scale
    value, name = (seconds * 1e6, "µs") if unit < 1e-3 else (seconds * 1e3, "ms")
    text = f"{value:,.{2 if value < 10 else 1 if value < 100 else 0}f}"
    return text if scale is not None else f"{text} {name}"


def ratio(a, b):
    return "—" if a is None or b is None else f"{a / b:.2f}×"


def table(title, rows, sizes):
    width = max(len(r[0]) for r in rows if len(r) > 1) + 2
    head = " " * width + "".join(f"{'n = ' + format_n(n):>20}" for n in sizes)
    lines = [title, head]
    for label, *cells in rows:
        if not cells:
            lines.append(label)
        else:
            lines.append(f"{label:<{width}}" + "".join(f"{c:>20}" for c in cells))
    return lines


def format_n(n):
    return {100: "100", 10**4: "10^4", 10**6: "10^6"}.get(n, str(n))


def machine():
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    swift = run(["swift", "--version"], check=False).stdout.strip().splitlines()
    return [
        f"date      {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}",
        f"machine   {os.cpu_count()} CPUs (nproc), {model}; {platform.system()} {platform.release()}",
        "load      %.2f %.2f %.2f (1, 5, 15 min; other processes share the CPUs)" % os.getloadavg(),
        f"software  {swift[0] if swift else 'swift ?'}; Python {platform.python_version()}, "
        f"scipy {scipy.__version__}, numpy {numpy.__version__}, mpmath {mpmath.__version__}",
    ]


# ---------------------------------------------------------------- tasks


def binomial_task(bench, whole_boundbook, whole_label, sizes):
    scipy_ppf = load(SCIPY_BINOMIAL, "binomial_upper")
    scipy_ufunc = load(SCIPY_BINOMIAL_UFUNC, "binomial_upper")
    mp_series = load(MPMATH_BINOMIAL, "binomial_upper")
    mp_betainc = load(MPMATH_BINOMIAL_BETAINC, "binomial_upper")
    columns = []
    for case in sizes:
        n, k, delta = case["n"], case["k"], case["delta"]
        log(f"binomial tail inversion, n = {n}, k = {k}")
        c = dict(n=n)
        c["bb"] = harness(bench, "binomial_test", dict(n=n, k=k, delta=delta))
        c["scipy"] = python_per_call(scipy_ppf, k, n, float(delta))
        c["ufunc"] = python_per_call(scipy_ufunc, k, n, float(delta))
        c["mp"] = python_per_call(mp_series, k, n, delta)
        c["mp_betainc"] = python_per_call(mp_betainc, k, n, delta)
        call = f"binomial_upper({k}, {n}, {delta!r})"
        c["wall_bb"] = wall(whole_boundbook(n, k, delta))
        c["wall_scipy"] = wall(python_command(SCIPY_BINOMIAL, call.replace(repr(delta), delta)))
        c["wall_mp"] = wall(python_command(MPMATH_BINOMIAL, call))
        columns.append(c)
    return report(
        "Binomial tail inversion max{p : P[Bin(n,p) <= k] >= delta}, k = 7% of n, delta = 0.05",
        columns,
        [
            ("scipy.stats.beta.ppf, float64", "scipy", SCIPY_TOLERANCE),
            ("scipy.special.betaincinv, float64 (context)", "ufunc", SCIPY_TOLERANCE),
            ("mpmath 2F1 + findroot, 128 bits", "mp", MPMATH_TOLERANCE),
            ("mpmath.betainc + findroot, 128 bits (context)", "mp_betainc", MPMATH_TOLERANCE),
        ],
        whole_label,
    )


def kl_task(bench, sizes):
    scipy_kl = load(SCIPY_KL, "kl_inv_upper")
    mp_kl = load(MPMATH_KL, "kl_inv_upper")
    boundbook = ROOT / ".build" / "release" / "boundbook"
    columns = []
    for case in sizes:
        n, q, k, c_text = case["n"], case["q"], case["q_num"], case["c"]
        log(f"kl_inv_upper, n = {n}, q = {q}, c = {c_text}")
        c = dict(n=n)
        c["bb"] = harness(bench, "kl_inv_upper", dict(q=q, c=c_text))
        c["scipy"] = python_per_call(scipy_kl, k / n, float(c_text))
        c["mp"] = python_per_call(mp_kl, mpmath.mpf(k) / n, c_text)
        c["wall_bb"] = wall([str(boundbook), "eval", "kl_inv_upper", f"q={q}", f"c={c_text}", "--precision", str(BITS)])
        c["wall_scipy"] = wall(python_command(SCIPY_KL, f"kl_inv_upper({k} / {n}, {c_text})"))
        c["wall_mp"] = wall(python_command(MPMATH_KL, f"kl_inv_upper(mpf({k}) / {n}, '{c_text}')"))
        columns.append(c)
    return report(
        "kl^-1_+(q, c) = max{p >= q : kl(q||p) <= c}, q = k/n = 0.07, c = ln(1/delta)/n, delta = 0.05",
        columns,
        [
            ("scipy brentq on kl, float64", "scipy", SCIPY_TOLERANCE),
            ("mpmath findroot on kl, 128 bits", "mp", MPMATH_TOLERANCE),
        ],
        "boundbook eval kl_inv_upper",
    )


def report(title, columns, references, whole_bb_label):
    """The table's lines, then the goal verdicts.

    `references` lists (label, key, tolerance) per reference implementation; the ratios and
    goals use the keys "scipy" and "mp", the others are shown for context. Per-call ratios
    compare the best of 5 batches on both sides (timeit's convention: the figure least
    disturbed by other processes); the median batch is shown beside it.
    """
    sizes = [c["n"] for c in columns]

    def cell(t):
        if t["best"] is None:
            return t["error"]
        return f"{us(t['best'])} ({us(t['median'], scale=t['best'])})"

    bb = [c["bb"]["best"] for c in columns]
    sp = [c["scipy"]["best"] for c in columns]
    mp = [c["mp"]["best"] for c in columns]
    rows = [("per call: best of 5 batches (median batch)",)]
    rows.append(("  boundbook, 128 bits", *[cell(c["bb"]) for c in columns]))
    for label, key, _ in references:
        rows.append((f"  {label}", *[cell(c[key]) for c in columns]))
    rows.append(("  boundbook / scipy", *[ratio(a, b) for a, b in zip(bb, sp)]))
    rows.append(("  boundbook / mpmath", *[ratio(a, b) for a, b in zip(bb, mp)]))
    rows.append(("whole process: median of 5 runs",))
    rows.append((f"  {whole_bb_label}", *[us(c["wall_bb"]) for c in columns]))
    rows.append(("  python3 -c scipy", *[us(c["wall_scipy"]) for c in columns]))
    rows.append(("  python3 -c mpmath", *[us(c["wall_mp"]) for c in columns]))
    rows.append(("  boundbook / scipy", *[ratio(c["wall_bb"], c["wall_scipy"]) for c in columns]))
    rows.append(("  boundbook / mpmath", *[ratio(c["wall_bb"], c["wall_mp"]) for c in columns]))
    rows.append(("agreement: relative distance from boundbook's enclosure",))
    rows.append(("  boundbook upper end", *[c["bb"]["upper"][:14] for c in columns]))
    widths = []
    for c in columns:
        with mpmath.workdps(60):
            lo, hi = mpmath.mpf(c["bb"]["lower"]), mpmath.mpf(c["bb"]["upper"])
            widths.append(f"{float((hi - lo) / hi):.1e}")
    rows.append(("  enclosure relative width", *widths))
    all_agree = True
    for label, key, tolerance in references:
        cells = []
        for c in columns:
            if c[key]["best"] is None:
                cells.append("—")
                continue
            ok, relative = agreement(c["bb"]["lower"], c["bb"]["upper"], c[key]["value"], tolerance)
            all_agree &= ok
            cells.append(f"{'✓' if ok else '✗'} {'inside' if relative == 0 else f'{relative:.0e}'}")
        rows.append((f"  {label.split(',')[0]} (≤ {tolerance:.0e})", *cells))
    lines = table(title, rows, sizes)

    def verdict(ok, text):
        return f"  {'met   ' if ok else 'MISSED'}  {text}"

    lines.append("goals")
    near = [a / b for n, a, b in zip(sizes, bb, sp) if n <= 10**4]
    if near:
        lines.append(verdict(max(near) <= 3, f"per call within 3x of scipy for n <= 10^4 (worst {max(near):.2f}x)"))
    worst = max(a / b for a, b in zip(bb, mp))
    lines.append(verdict(worst < 1, f"per call faster than mpmath at every n (worst {worst:.2f}x)"))
    lines.append(verdict(all_agree, "values agree with scipy (1e-9) and mpmath (1e-30)"))
    return lines + [""]


def build():
    for product in ("boundbook", "bench"):
        log(f"swift build -c release --product {product}")
        result = run(["swift", "build", "-c", "release", "--product", product], check=False)
        if result.returncode != 0:
            sys.exit(f"build of {product} failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="reuse the binaries in .build/release")
    parser.add_argument("--sizes", default="100,10000,1000000", help="comma-separated n (default 100,10000,1000000)")
    args = parser.parse_args()
    if not args.no_build:
        build()
    bin_dir = ROOT / ".build" / "release"
    bench, boundbook = bin_dir / "bench", bin_dir / "boundbook"
    for binary in (bench, boundbook):
        if not binary.exists():
            sys.exit(f"{binary} is missing: run without --no-build")
    has_entry = any(line.split()[:1] == ["binomial_test"] for line in run([str(boundbook), "bounds"]).stdout.splitlines())

    def catalogue(n, k, delta):
        return [str(boundbook), "eval", "binomial_test", f"errors={k}", f"n={n}", f"delta={delta}", "--precision", str(BITS)]

    def harness_once(n, k, delta):
        return [str(bench), "binomial_test", "--n", str(n), "--k", str(k), "--delta", delta, "--bits", str(BITS), "--repeat", "1", "--warmup", "0"]

    binomial_cases, kl_cases = cases([int(s) for s in args.sizes.split(",")])
    lines = ["boundbook benchmarks: certified 128-bit results against scipy (float64) and mpmath (128 bits)"]
    lines += machine() + [""]
    if has_entry:
        lines += binomial_task(bench, catalogue, "boundbook eval binomial_test", binomial_cases)
    else:
        lines += binomial_task(bench, harness_once, "bench --repeat 1 (no eval entry)", binomial_cases)
    lines += kl_task(bench, kl_cases)
    if not has_entry:
        lines.append("note: `boundbook bounds` has no binomial_test entry yet; whole-process boundbook figures for the")
        lines.append("      binomial inversion time one `bench binomial_test --repeat 1 --warmup 0` process instead.")
    text = "\n".join(lines).rstrip() + "\n"
    print(text, end="")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text)
    log(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

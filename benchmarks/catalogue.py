#!/usr/bin/env python3
"""Times every catalogue entry once at 128 bits, whole process: `boundbook eval` against Python.

    python3 benchmarks/catalogue.py            # build release, run everything (a few minutes)
    python3 benchmarks/catalogue.py --no-build # reuse .build/release/boundbook
    python3 benchmarks/catalogue.py --show-code  # also print each Python one-liner

Two tasks (issue 3, "Performance"):
  1. All bounds once. For each case (the 32 reference cases of
     ../shared/reference/catalogue-public.json and one case for each entry they miss), the wall
     time of one `boundbook eval NAME args --precision 128 --format json` process against one
     `python3 -c CODE` process that computes the same formula: mpmath at mp.prec = 128 (kl⁻¹ by
     findroot on the kl), scipy's beta quantile where the formula is a binomial tail inversion,
     Python ints where the value is an exact integer. Median of 3 runs after one discarded run,
     per entry, summed; and, as one combined figure, all the processes of a side run back to back.
     Every Python value is checked against boundbook's enclosure (mpmath ≤ 1e-30 relative,
     scipy ≤ 1e-9, integers exactly).
  2. The inversion of binomial_test for n: `boundbook solve binomial_test --for n --target 0.02
     errors=K delta=0.05`, K ∈ {10, 100, 1000}, against an exponential + binary search on n in
     Python (scipy's beta.ppf; mpmath at 128 bits with a root of I_p per step), whole process.
The report is printed and written to benchmarks/results/catalogue-latest.txt.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from fractions import Fraction
from pathlib import Path

import mpmath

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as issue2  # noqa: E402  (issue 2's benchmarks: machine info, formatting, agreement)

ROOT = issue2.ROOT
RESULTS = ROOT / "benchmarks" / "results" / "catalogue-latest.txt"
REFERENCE = ROOT.parent / "shared" / "reference" / "catalogue-public.json"
BOUNDBOOK = ROOT / ".build" / "release" / "boundbook"
BITS = 128
TOLERANCE = {"mpmath": 1e-30, "scipy": 1e-9, "exact": 0}

# ---------------------------------------------------------------- the cases

# Entries the reference file has no case for, with the arguments issue 3's benchmark uses.
EXTRA_CASES = [
    ("pac_bayes_kl_seeger", dict(risk="0.028", kl="6000", n=55000, delta="0.025")),
    ("kl_gaussian", dict(mean_q="0.1", std_q="0.05", mean_p="0", std_p="0.1")),
    ("kl_bernoulli", dict(q="0.1", p="0.2")),
    ("binomial", dict(n=100, k=50)),
    ("lgamma", dict(x="0.5")),
    ("vc_halfspaces", dict(features=10)),
]


def cases():
    """(name, arguments) for every case: decimals as strings, integers as ints, in file order."""
    reference = json.loads(REFERENCE.read_text())
    return [(c["bound"], c["args"]) for c in reference] + EXTRA_CASES


# ---------------------------------------------------------------- the Python formulas

# Per entry: which Python computes it, and a snippet that sets `v` from variables named like the
# entry's parameters (`lambda` is spelled `lam`). Formulas are CATALOGUE.md's, written out anew.
#   mpmath  decimals are mpf('…') at mp.prec = 128, integers Python ints
#   scipy   decimals are floats; the formula is a beta quantile (binomial tail inversion)
#   exact   Python ints only
FORMULAS = {
    "hoeffding_test": ("mpmath", "v = risk + sqrt(log(1 / delta) / (2 * n))"),
    "kl_test": ("mpmath", "v = kl_inv_upper(risk, log(1 / delta) / n)"),
    # P[Bin(n, p) <= k] = 1 - I_p(k+1, n-k): the inversion is the (1-delta) quantile of Beta(k+1, n-k).
    "binomial_test": ("scipy", "v = beta.ppf(1 - delta, errors + 1, n - errors)"),
    "bernstein_test": (
        "mpmath",
        "V = n * risk * (1 - risk) / (n - 1)  # 0-1 loss: the unbiased sample variance\n"
        "v = risk + sqrt(2 * V * log(2 / delta) / n) + 7 * log(2 / delta) / (3 * (n - 1))",
    ),
    "occam": ("mpmath", "v = risk + sqrt(log(classes / delta) / (2 * n))"),
    "occam_realizable": ("mpmath", "v = log(classes / delta) / n"),
    # isf, not ppf(1 - x): 1 - delta*2^-bits would lose the tail probability's low digits to rounding.
    "occam_binomial": ("scipy", "v = beta.isf(delta * 2.0**-bits, errors + 1, n - errors)"),
    "occam_kl": ("mpmath", "v = kl_inv_upper(risk, (bits * log(2) + log(1 / delta)) / n)"),
    "vc": ("mpmath", "v = risk + sqrt(2 * dim * log(e * n / dim) / n) + sqrt(log(1 / delta) / (2 * n))"),
    "vc_growth": (
        "mpmath",
        "growth = sum(comb(n, i) for i in range(min(dim, n) + 1))  # Sauer-Shelah, exact\n"
        "v = risk + sqrt(2 * log(growth) / n) + sqrt(log(1 / delta) / (2 * n))",
    ),
    "sauer_shelah": ("exact", "v = sum(comb(n, i) for i in range(min(dim, n) + 1))"),
    "vc_halfspaces": ("exact", "v = features + 1"),
    "rademacher": ("mpmath", "v = risk + 2 * complexity + sqrt(log(1 / delta) / (2 * n))"),
    "rademacher_empirical": ("mpmath", "v = risk + 2 * complexity + 3 * sqrt(log(2 / delta) / (2 * n))"),
    "massart": ("mpmath", "v = radius * sqrt(2 * log(classes)) / n"),
    "linear_rademacher": ("mpmath", "v = radius * norm / sqrt(n)"),
    "linear_margin": (
        "mpmath",
        "v = margin_risk + 2 * sqrt(radius**2 * norm**2 / (margin**2 * n)) + sqrt(log(1 / delta) / (2 * n))",
    ),
    "pac_bayes_kl": ("mpmath", "v = kl_inv_upper(risk, (kl + log(2 * sqrt(n) / delta)) / n)"),
    "pac_bayes_mcallester": ("mpmath", "v = risk + sqrt((kl + log(2 * sqrt(n) / delta)) / (2 * n))"),
    "pac_bayes_catoni": ("mpmath", "v = (1 - exp(-c * risk - (kl + log(1 / delta)) / n)) / (1 - exp(-c))"),
    "pac_bayes_lambda": (
        "mpmath",
        "v = risk / (1 - lam / 2) + (kl + log(2 * sqrt(n) / delta)) / (lam * (1 - lam / 2) * n)",
    ),
    "pac_bayes_kl_seeger": ("mpmath", "v = kl_inv_upper(risk, (kl + log(n / delta)) / (n - 1))"),
    "mc_risk": ("mpmath", "v = kl_inv_upper(mpf(errors) / samples, log(2 / delta) / samples)"),
    "kl_gaussian": (
        "mpmath",
        "v = log(std_p / std_q) + (std_q**2 + (mean_q - mean_p)**2) / (2 * std_p**2) - mpf(1) / 2",
    ),
    "ridgeless_risk": (
        "mpmath",
        "v = noise * gamma / (1 - gamma) if gamma < 1 else signal * (1 - 1 / gamma) + noise / (gamma - 1)",
    ),
    "kl_bernoulli": ("mpmath", "v = kl_bern(q, p)"),
    "kl_inv_upper": ("mpmath", "v = kl_inv_upper(q, c)"),
    "kl_inv_lower": ("mpmath", "v = kl_inv_lower(q, c)"),
    "binomial": ("exact", "v = comb(n, k)"),
    "log_binomial": ("mpmath", "v = log(comb(n, k))"),
    "binomial_cdf": (
        "mpmath",
        "t = (1 - p)**n  # the terms C(n,i) p^i (1-p)^(n-i) by their ratio; all positive, no cancellation\n"
        "v = t\n"
        "for i in range(k):\n"
        "    t = t * (n - i) / (i + 1) * p / (1 - p)\n"
        "    v += t",
    ),
    "lgamma": ("mpmath", "v = loggamma(x)"),
}

PRELUDE = {
    "mpmath": "from math import comb\nfrom mpmath import mp, mpf, sqrt, log, exp, e, findroot, loggamma\nmp.prec = 128",
    "scipy": "from scipy.stats import beta",
    "exact": "from math import comb",
}

KL_HELPERS = """
def kl_bern(q, p):
    return (q * log(q / p) if q else 0) + (1 - q) * log((1 - q) / (1 - p))
def kl_inv_upper(q, c):
    # Pinsker, kl(q||p) >= 2 (p-q)^2, puts the root in [q, q + sqrt(c/2)].
    hi = min(q + sqrt(c / 2), 1 - mpf(2)**-mp.prec)
    return findroot(lambda p: kl_bern(q, p) - c, (q, hi), solver="anderson")
def kl_inv_lower(q, c):
    lo = max(q - sqrt(c / 2), mpf(2)**-mp.prec)
    return findroot(lambda p: kl_bern(q, p) - c, (lo, q), solver="anderson")
""".strip()

PRINT = {
    "mpmath": "print(mp.nstr(v, 45))",
    "scipy": "print(repr(float(v)))",
    "exact": "print(v)",
}


def python_code(name, args):
    """The `python3 -c` program for one case: imports, helpers it uses, arguments, formula, print."""
    tool, formula = FORMULAS[name]
    lines = [PRELUDE[tool]]
    if "kl_" in formula:
        lines.append(KL_HELPERS)
    for key, value in args.items():
        variable = "lam" if key == "lambda" else key
        if isinstance(value, int):
            lines.append(f"{variable} = {value}")
        elif tool == "mpmath":
            lines.append(f"{variable} = mpf({value!r})")
        else:
            lines.append(f"{variable} = float({value!r})")
    lines += [formula, PRINT[tool]]
    return "\n".join(lines)


def boundbook_eval(name, args):
    return [str(BOUNDBOOK), "eval", name] + [f"{k}={v}" for k, v in args.items()] + [
        "--precision", str(BITS), "--format", "json"]


# ---------------------------------------------------------------- timing and checking


def timed(command, runs, timeout=None):
    """(median wall seconds of `runs` runs after one discarded run, that first run's stdout)."""
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if first.returncode != 0:
        raise RuntimeError(f"{command[:3]} failed ({first.returncode}): {first.stderr.strip()[-800:]}")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, capture_output=True, check=True, timeout=timeout)
        times.append(time.perf_counter() - start)
    return statistics.median(times), first.stdout


def sequence(commands):
    """Wall seconds of running `commands` one after another, each to completion."""
    start = time.perf_counter()
    for command in commands:
        subprocess.run(command, cwd=ROOT, capture_output=True, check=True)
    return time.perf_counter() - start


def check(tool, result, value):
    """(ok, text): Python's value against boundbook's enclosure [lower, upper]."""
    if tool == "exact":
        ok = result["lower"] == result["upper"] == value.strip()
        return ok, "✓ equal" if ok else "✗ differs"
    ok, relative = issue2.agreement(result["lower"], result["upper"], value.strip(), TOLERANCE[tool])
    return ok, f"{'✓' if ok else '✗'} {'inside' if relative == 0 else f'{relative:.0e}'}"


def ms(seconds):
    return f"{seconds * 1e3:,.1f}" if seconds < 10 else f"{seconds * 1e3:,.0f}"


def short(args):
    return " ".join(f"{k}={v}" for k, v in args.items())


# ---------------------------------------------------------------- task 1: all bounds once


def catalogue_task(runs, show_code):
    rows, disagreements = [], []
    for name, args in cases():
        code = python_code(name, args)
        tool = FORMULAS[name][0]
        issue2.log(f"{name} {short(args)}")
        if show_code:
            print(f"--- {name} {short(args)}\n{code}\n", flush=True)
        try:
            bb_time, bb_out = timed(boundbook_eval(name, args), runs)
            py_time, py_out = timed([sys.executable, "-c", code], runs)
        except RuntimeError as error:  # reported, left out of the sums, and the run goes on
            disagreements.append(f"{name} {short(args)}: {error}")
            continue
        result = json.loads(bb_out)
        ok, text = check(tool, result, py_out)
        if not ok:
            disagreements.append(f"{name} {short(args)}: boundbook [{result['lower']}, {result['upper']}], "
                                 f"{tool} {py_out.strip()}")
        rows.append(dict(name=name, args=args, tool=tool, bb=bb_time, py=py_time, ok=ok, check=text,
                         width=width(result), code=code, command=boundbook_eval(name, args)))
    issue2.log("all boundbook processes back to back, then all python3 processes, 3 times")
    combined_bb, combined_py = [], []
    for _ in range(3):
        combined_bb.append(sequence([r["command"] for r in rows]))
        combined_py.append(sequence([[sys.executable, "-c", r["code"]] for r in rows]))
    return rows, statistics.median(combined_bb), statistics.median(combined_py), disagreements


def width(result):
    """The enclosure's relative width, or 0 for an exact result."""
    with mpmath.workdps(60):
        lo, hi = mpmath.mpf(result["lower"]), mpmath.mpf(result["upper"])
        return float((hi - lo) / abs(hi)) if hi else float(hi - lo)


def catalogue_report(rows, combined_bb, combined_py, runs):
    lines = [f"All catalogue entries once at {BITS} bits, whole process: median of {runs} runs "
             "after one discarded run (ms)"]
    head = f"  {'entry':<22}{'arguments':<52}{'boundbook':>10}{'python3':>10}{'ratio':>8}  {'python':<7} agreement"
    lines.append(head)
    for r in rows:
        arguments = short(r["args"])
        if len(arguments) > 50:
            arguments = arguments[:47] + "..."
        lines.append(f"  {r['name']:<22}{arguments:<52}{ms(r['bb']):>10}{ms(r['py']):>10}"
                     f"{r['bb'] / r['py']:>7.2f}×  {r['tool']:<7} {r['check']}")
    bb, py = sum(r["bb"] for r in rows), sum(r["py"] for r in rows)
    lines.append(f"  {'sum of medians, all ' + str(len(rows)) + ' cases':<74}{ms(bb):>10}{ms(py):>10}{bb / py:>7.2f}×")
    for tool in ("mpmath", "scipy", "exact"):
        chosen = [r for r in rows if r["tool"] == tool]
        if chosen:
            b, p = sum(r["bb"] for r in chosen), sum(r["py"] for r in chosen)
            label = f"  of which python {tool} ({len(chosen)} cases)"
            lines.append(f"{label:<76}{ms(b):>10}{ms(p):>10}{b / p:>7.2f}×")
    label = "  all processes back to back (median of 3 sequences)"
    lines.append(f"{label:<76}{ms(combined_bb):>10}{ms(combined_py):>10}{combined_bb / combined_py:>7.2f}×")
    inexact = [r["width"] for r in rows if r["width"] > 0]
    agree = sum(r["ok"] for r in rows)
    lines.append(f"  agreement: {agree}/{len(cases())} ✓ (mpmath ≤ 1e-30 relative, scipy ≤ 1e-9, integers equal); "
                 f"boundbook's enclosures are at most {max(inexact):.1e} wide (relative)")
    per_entry = sorted(r["bb"] / r["py"] for r in rows)
    lines.append(f"  per-entry ratio boundbook/python: min {per_entry[0]:.2f}×, median "
                 f"{statistics.median(per_entry):.2f}×, max {per_entry[-1]:.2f}×")
    return lines + [""]


def baselines(runs):
    """Process start-up alone: what every row above pays before computing anything."""
    commands = [
        ("boundbook bounds (start-up, lists the catalogue)", [str(BOUNDBOOK), "bounds"]),
        ("python3 -c pass", [sys.executable, "-c", "pass"]),
        ("python3 -c 'import mpmath'", [sys.executable, "-c", "import mpmath"]),
        ("python3 -c 'from scipy.stats import beta'", [sys.executable, "-c", "from scipy.stats import beta"]),
    ]
    lines = [f"Start-up alone, for scale (median of {runs} runs after one discarded run)"]
    for label, command in commands:
        issue2.log(label)
        lines.append(f"  {label:<48}{issue2.us(timed(command, runs)[0]):>12}")
    return lines + [""]


# ---------------------------------------------------------------- task 2: the inversion for n

ERROR_COUNTS = [10, 100, 1000]
DELTA = "0.05"
TARGET = "0.02"
MPMATH_CAP_SECONDS = 300  # per process; a search past it is reported as "> 300 s"

# An exponential then binary search for the least n with ok(n), starting from n0 = floor(K/t): for
# n <= K/t the bound exceeds K/n >= t (the one-sided Clopper-Pearson limit exceeds k/n for
# delta < 1/2), so n0 fails. The search is the same for scipy and mpmath; only ok(n) differs.
# It prints the answer, how many times ok was evaluated, and the seconds spent searching.
SEARCH = """
import time
def least_n(ok, lo):
    hi = 2 * lo
    while not ok(hi):
        lo, hi = hi, 2 * hi
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return hi
count = 0
def counted(n):
    global count
    count += 1
    return ok(n)
start = time.perf_counter()
answer = least_n(counted, N0)
print(answer, count, time.perf_counter() - start)
"""

SCIPY_OK = """
import scipy.stats
K, delta, target = {K}, {delta}, {target}
def ok(n):
    return scipy.stats.beta.ppf(1 - delta, K + 1, n - K) <= target
"""

# The root of I_p(K+1, n-K) = 1 - delta at each step: issue 2's route (the positive 2F1 series of
# DLMF 8.17.8 in findroot, bracketed by k/n and Hoeffding's bound), with solver "pegasus":
# run.py's "anderson" stalls at |f| ~ 3e-18 for k = 100, n = 10^4, which this search visits.
MPMATH_OK = """
import mpmath
from mpmath import mpf
mpmath.mp.prec = {bits}
def binomial_upper(k, n, delta):
    a, b, target = k + 1, n - k, 1 - mpf(delta)
    norm = a * mpmath.beta(a, b)
    def f(p):
        return p**a * (1 - p)**b / norm * mpmath.hyp2f1(1, a + b, a + 1, p, maxterms=10**7) - target
    lo = mpf(k) / n
    hi = min(lo + mpmath.sqrt(mpmath.log(1 / mpf(delta)) / (2 * n)), mpf(1))
    return mpmath.findroot(f, (lo, hi), solver="pegasus")
K, delta, target = {K}, {delta!r}, mpf({target!r})
def ok(n):
    return binomial_upper(K, n, delta) <= target
"""

# Context, not the brief's method: bound(n) <= t iff P[Bin(n, t) <= K] <= delta, i.e.
# I_t(K+1, n-K) >= 1 - delta, one series evaluation per step and no root (DLMF 8.17.8).
MPMATH_TAIL_OK = """
import mpmath
from mpmath import mpf
mpmath.mp.prec = {bits}
K, delta, t = {K}, mpf({delta!r}), mpf({target!r})
def ok(n):
    a, b = K + 1, n - K
    tail = t**a * (1 - t)**b / (a * mpmath.beta(a, b)) * mpmath.hyp2f1(1, a + b, a + 1, t)
    return tail >= 1 - delta
"""


def inversion_programs(K):
    n0 = int(K / Fraction(TARGET))
    search = SEARCH.replace("N0", str(n0))
    return {
        "scipy": SCIPY_OK.format(K=K, delta=DELTA, target=TARGET) + search,
        "mpmath": MPMATH_OK.format(bits=BITS, K=K, delta=DELTA, target=TARGET) + search,
        "mpmath_tail": MPMATH_TAIL_OK.format(bits=BITS, K=K, delta=DELTA, target=TARGET) + search,
    }


def inversion_task(runs):
    columns = []
    for K in ERROR_COUNTS:
        issue2.log(f"inversion for n, errors = {K}")
        command = [str(BOUNDBOOK), "solve", "binomial_test", "--for", "n", "--target", TARGET,
                   f"errors={K}", f"delta={DELTA}", "--format", "json"]
        bb_time, bb_out = timed(command, runs)
        n = int(json.loads(bb_out)["value"])
        column = dict(K=K, bb=bb_time, n=n, at=bound(K, n), before=bound(K, n - 1))
        for key, program in inversion_programs(K).items():
            try:
                seconds, out = timed([sys.executable, "-c", program], runs, timeout=MPMATH_CAP_SECONDS)
            except subprocess.TimeoutExpired:
                column[key] = None
                continue
            answer, count, search_seconds = out.split()
            column[key] = dict(time=seconds, n=int(answer), count=int(count), search=float(search_seconds))
        columns.append(column)
    return columns


def bound(K, n):
    """boundbook's binomial_test(errors=K, n, delta) enclosure's upper end, as a decimal string."""
    command = boundbook_eval("binomial_test", dict(errors=K, n=n, delta=DELTA))
    return json.loads(subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout)["upper"]


def excess(upper):
    with mpmath.workdps(60):
        return f"{float(mpmath.mpf(upper) - mpmath.mpf(TARGET)):+.1e}"


def inversion_report(columns, runs):
    lines = [f"binomial_test inverted for n: the least n with binomial_test(errors=K, n, delta={DELTA}) <= {TARGET},",
             f"whole process, median of {runs} runs after one discarded run"]
    cell = 22
    lines.append(" " * 44 + "".join(f"{'K = ' + str(c['K']):>{cell}}" for c in columns))

    def row(label, cells):
        lines.append(f"  {label:<42}" + "".join(f"{x:>{cell}}" for x in cells))

    row("boundbook solve: n", [str(c["n"]) for c in columns])
    row("observed error K/n at that n", [f"{c['K'] / c['n']:.4f}" for c in columns])
    row("bound - target at n (at n - 1)", [f"{excess(c['at'])} ({excess(c['before'])})" for c in columns])
    row("boundbook solve, process", [issue2.us(c["bb"]) for c in columns])
    labels = {"scipy": "python3 -c scipy beta.ppf search", "mpmath": "python3 -c mpmath 2F1 root search",
              "mpmath_tail": "python3 -c mpmath tail test (context)"}
    for key, label in labels.items():
        row(label, [issue2.us(c[key]["time"]) if c[key] else f"> {MPMATH_CAP_SECONDS} s (capped)" for c in columns])
        row("  of which the search (evaluations)",
            [f"{issue2.us(c[key]['search'])} ({c[key]['count']})" if c[key] else "—" for c in columns])
    for key in labels:
        row(f"boundbook / {labels[key].split(' -c ')[1].split(' (')[0]}",
            [issue2.ratio(c["bb"], c[key]["time"]) if c[key] else "—" for c in columns])
    for key in labels:
        row(f"same n: {key}", [("✓ " if c[key]["n"] == c["n"] else "✗ ") + str(c[key]["n"]) if c[key] else "—"
                               for c in columns])
    return lines + [""]


# ---------------------------------------------------------------- main


def build():
    issue2.log("swift build -c release --product boundbook")
    result = subprocess.run(["swift", "build", "-c", "release", "--product", "boundbook"], cwd=ROOT,
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build of boundbook failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="reuse .build/release/boundbook")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per process (default 3)")
    parser.add_argument("--show-code", action="store_true", help="print each Python one-liner")
    args = parser.parse_args()
    if not args.no_build:
        build()
    if not BOUNDBOOK.exists():
        sys.exit(f"{BOUNDBOOK} is missing: run without --no-build")
    missing = sorted({name for name, _ in cases()} - FORMULAS.keys())
    if missing:
        sys.exit(f"no Python formula for {', '.join(missing)}")
    lines = [f"boundbook benchmarks, issue 3: the catalogue at {BITS} bits, whole processes, against Python"]
    lines += issue2.machine() + [""]
    rows, combined_bb, combined_py, disagreements = catalogue_task(args.runs, args.show_code)
    lines += catalogue_report(rows, combined_bb, combined_py, args.runs)
    lines += baselines(args.runs)
    lines += inversion_report(inversion_task(args.runs), args.runs)
    if disagreements:
        lines += ["disagreements:"] + [f"  {d}" for d in disagreements]
    text = "\n".join(lines).rstrip() + "\n"
    print(text, end="")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text)
    issue2.log(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Independent reference values for the issue-15 catalogue entries (the course entries).

Run from the package root:  python3 Tests/Fixtures/course_entries.py
Needs mpmath and scipy; writes Tests/BoundsTests/Fixtures/course-entries.json, which is
committed, so the Swift tests need neither.

Each case: {"bound", "args" (exact decimal strings), "value" (mpmath, 40 significant digits,
or "inf"), and for the binomial lower limits "scipy" (scipy.stats.beta.ppf as a double)}.
clopper_pearson cases carry "lower" and "upper" instead of "value".
The formulas are written here from CURRICULUM.md and the papers, not from the Swift code:
the binomial limits are Beta quantiles found by root finding on mpmath's regularized
incomplete beta function; the kl inverse by bisection on kl(q||p).
"""
import json
import os
from fractions import Fraction

import mpmath as mp
from scipy.stats import beta

mp.mp.dps = 60
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "BoundsTests", "Fixtures", "course-entries.json")


def s(x):
    if x == mp.inf:
        return "inf"
    return mp.nstr(mp.mpf(x), 40, min_fixed=-mp.inf, max_fixed=mp.inf) if x != 0 else "0"


def cp_lower(k, n, d):
    """min{p : P[Bin(n,p) >= k] >= d} = I^{-1}_d(k, n-k+1)."""
    if k == 0:
        return mp.mpf(0)
    if k == n:
        return mp.mpf(d) ** (mp.mpf(1) / n)
    f = lambda p: mp.betainc(k, n - k + 1, 0, p, regularized=True) - d
    lo, hi = mp.mpf(0), mp.mpf(1)
    guess = beta.ppf(float(d), k, n - k + 1)
    # bracket around scipy's guess, then bisect/anderson to full precision
    for scale in [1e-6, 1e-3, 1e-1]:
        a, b = max(mp.mpf(guess) * (1 - scale), mp.mpf(0)), min(mp.mpf(guess) * (1 + scale) + mp.mpf(10) ** -300, mp.mpf(1))
        if f(a) <= 0 <= f(b):
            lo, hi = a, b
            break
    return mp.findroot(f, (lo, hi), solver="anderson", tol=mp.mpf(10) ** -55)


def cp_lower_small_k(k, n, d):
    """The same limit for small k and any n: bisection on 1 - sum_{i<k} C(n,i) p^i (1-p)^(n-i)."""
    f = lambda p: 1 - sum(mp.binomial(n, i) * p**i * (1 - p) ** (n - i) for i in range(k)) - d
    lo, hi = mp.mpf(0), mp.mpf(1)
    for _ in range(260):
        mid = (lo + hi) / 2
        if f(mid) < 0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def kl(q, p):
    q, p = mp.mpf(q), mp.mpf(p)
    t1 = 0 if q == 0 else q * mp.log(q / p)
    t2 = 0 if q == 1 else (1 - q) * mp.log((1 - q) / (1 - p))
    return t1 + t2


def kl_lower(q, c):
    q = mp.mpf(q)
    if q == 0:
        return mp.mpf(0)
    if q == 1:
        return mp.e ** (-c)
    lo, hi = mp.mpf(0), q  # kl(q||.) decreasing on [0, q]
    for _ in range(400):
        mid = (lo + hi) / 2
        if kl(q, mid) > c:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


cases = []
D = lambda t: mp.mpf(Fraction(t).numerator) / Fraction(t).denominator

# --- lower test-set bounds -------------------------------------------------------------
grid = []
for n in [1, 2, 10, 100, 1000, 100000, 10000000]:
    ks = sorted({0, 1, n // 2, n - 1, n} | ({3, n // 20} if n >= 100 else set()))
    for k in ks:
        if 0 <= k <= n:
            for d in ["0.001", "0.05", "0.5", "0.999"] + (["0.000000000001"] if 10 <= n <= 1000 else []):
                grid.append((k, n, d))
for k, n, d in grid:
    dd = D(d)
    sp = float(beta.ppf(float(d), k, n - k + 1)) if k > 0 else 0.0
    case = {"bound": "binomial_test_lower", "args": {"errors": str(k), "n": str(n), "delta": d}, "scipy": repr(sp)}
    # mpmath's hypergeometric series does not converge for n >= 10^5 in the middle of the
    # range: there the case is checked against SciPy only (value absent).
    if n <= 1000 or k in (0, 1, n):
        case["value"] = s(cp_lower(k, n, dd))
    elif k <= 5:
        case["value"] = s(cp_lower_small_k(k, n, dd))
    cases.append(case)

for q, n, d in [("0", 100, "0.05"), ("0.1", 100, "0.05"), ("0.02", 1000, "0.01"), ("0.5", 10, "0.5"), ("1", 50, "0.05"), ("0.3", 100000, "0.001")]:
    c = mp.log(1 / D(d)) / n
    cases.append({"bound": "kl_test_lower", "args": {"risk": q, "n": str(n), "delta": d}, "value": s(kl_lower(D(q), c))})
    h = max(mp.mpf(0), D(q) - mp.sqrt(mp.log(1 / D(d)) / (2 * n)))
    cases.append({"bound": "hoeffding_test_lower", "args": {"risk": q, "n": str(n), "delta": d}, "value": s(h)})

# --- the two-sided Clopper–Pearson interval at delta/2 a side -------------------------------
for k, n, d in [(0, 20, "0.05"), (3, 20, "0.05"), (20, 20, "0.05"), (50, 1000, "0.01"), (7, 100, "0.1"), (1, 100000, "0.05")]:
    dd = D(d) / 2
    lower = cp_lower(k, n, dd)
    # upper: max{p : P[Bin(n,p) <= k] >= d/2} = 1 - lower limit at n-k
    upper = 1 - cp_lower(n - k, n, dd) if k < n else mp.mpf(1)
    cases.append({
        "bound": "clopper_pearson", "args": {"errors": str(k), "n": str(n), "delta": d},
        "lower": s(lower), "upper": s(upper),
        "scipy": [repr(float(beta.ppf(float(dd), k, n - k + 1)) if k > 0 else 0.0), repr(float(beta.ppf(1 - float(dd), k + 1, n - k)) if k < n else 1.0)],
    })

# --- double-descent predictions (CURRICULUM.md §1.1, §1.2) -------------------------------------
def frac(q):
    return f"{q.numerator}/{q.denominator}"


def finite_risk(n, p, r2, s2):
    if p < n - 1:
        return s2 * Fraction(p, n - p - 1)
    if p > n + 1:
        return r2 * (1 - Fraction(n, p)) + s2 * Fraction(n, p - n - 1)
    if s2 == 0:
        return Fraction(0) if p <= n else r2 * (1 - Fraction(n, p))
    return None


def finite_norm(n, p, r2, s2):
    if p < n - 1:
        return r2 + s2 * Fraction(p, n - p - 1)
    if p > n + 1:
        return r2 * Fraction(n, p) + s2 * Fraction(n, p - n - 1)
    if s2 == 0:
        return r2 if p <= n else r2 * Fraction(n, p)
    return None


def exact_case(bound, args, q):
    c = {"bound": bound, "args": args}
    if q is None:
        c["value"] = "inf"
    else:
        c["exact"] = frac(q)
        c["value"] = s(mp.mpf(q.numerator) / q.denominator)
    cases.append(c)


for n, p, r2, s2 in [(200, p, Fraction(1), Fraction(1, 4)) for p in [1, 100, 180, 197, 198, 199, 200, 201, 202, 203, 220, 400, 10000]] + [
    (200, 200, Fraction(1), Fraction(0)), (200, 201, Fraction(1), Fraction(0)), (3, 1, Fraction(2), Fraction(1)), (1, 3, Fraction(2), Fraction(1)), (1, 2, Fraction(2), Fraction(1))
]:
    args = {"n": str(n), "p": str(p), "signal": str(r2), "noise": str(s2)}
    exact_case("ridgeless_risk_finite", args, finite_risk(n, p, r2, s2))
    exact_case("ridgeless_norm_finite", dict(args), finite_norm(n, p, r2, s2))


def norm_asym(g, r2, s2):
    if g < 1:
        return r2 + s2 * g / (1 - g)
    if g > 1:
        return r2 / g + s2 / (g - 1)
    return None if s2 != 0 else r2


for g in ["0.5", "2", "5", "0.9", "1.1", "1", "0.001", "1000"]:
    G = Fraction(g)
    exact_case("ridgeless_norm", {"gamma": g, "signal": "1", "noise": "0.25"}, norm_asym(G, Fraction(1), Fraction(1, 4)))
    # the asymptotic risk (existing entry), the golden values of CURRICULUM.md §4
    r = None if G == 1 else (Fraction(1, 4) * G / (1 - G) if G < 1 else (1 - 1 / G) + Fraction(1, 4) / (G - 1))
    exact_case("ridgeless_risk", {"gamma": g, "signal": "1", "noise": "0.25"}, r)


def misspecified(g, r2, k, s2):
    miss = r2 * (1 - k)
    eff = miss + s2
    if g < 1:
        return miss + eff * g / (1 - g)
    if g > 1:
        return miss + r2 * k * (1 - 1 / g) + eff / (g - 1)
    return None


for g in ["0.1", "0.5", "0.9", "1.1", "2", "8", "1"]:
    exact_case("ridgeless_risk_misspecified", {"gamma": g, "signal": "1", "kappa": "0.8", "noise": "0.1"}, misspecified(Fraction(g), Fraction(1), Fraction(4, 5), Fraction(1, 10)))

for r2, s2 in [("1", "0.25"), ("4", "1"), ("1", "0.01"), ("1", "1"), ("1", "2"), ("2", "0")]:
    r, sg = mp.sqrt(D(r2)), mp.sqrt(D(s2))
    v = r / (r - sg) if sg < r else mp.inf
    cases.append({"bound": "ridgeless_best_gamma", "args": {"signal": r2, "noise": s2}, "value": s(v)})


def mp_density_risk(g, lam, r2, s2):
    """Ridge risk by integrating the Marchenko–Pastur law numerically (independent of the
    closed-form Stieltjes transform): s2*g*Int x/(x+l)^2 dF + r2*l^2*Int 1/(x+l)^2 dF."""
    g, lam = D(g), D(lam)
    a, b = (1 - mp.sqrt(g)) ** 2, (1 + mp.sqrt(g)) ** 2
    dens = lambda x: mp.sqrt((b - x) * (x - a)) / (2 * mp.pi * g * x)
    var = mp.quad(lambda x: x / (x + lam) ** 2 * dens(x), [a, (a + b) / 2, b])
    bias = mp.quad(lambda x: 1 / (x + lam) ** 2 * dens(x), [a, (a + b) / 2, b])
    if g > 1:  # the atom 1 - 1/g at 0
        bias += (1 - 1 / g) / lam ** 2
    return D(s2) * g * var + D(r2) * lam ** 2 * bias


mp.mp.dps = 45
for g, lam in [("0.5", "0.01"), ("0.5", "0.125"), ("1", "0.25"), ("2", "0.5"), ("2", "1"), ("4", "0.001"), ("0.9", "3")]:
    cases.append({"bound": "ridge_risk", "args": {"gamma": g, "lambda": lam, "signal": "1", "noise": "0.25"}, "value": s(mp_density_risk(g, lam, "1", "0.25"))})
for g in ["0.5", "0.9", "1", "1.1", "2", "4"]:
    lam = str(Fraction("0.25") * Fraction(g))  # lambda* = noise*gamma/signal
    cases.append({"bound": "ridge_risk_optimal", "args": {"gamma": g, "signal": "1", "noise": "0.25"}, "value": s(mp_density_risk(g, lam, "1", "0.25"))})
mp.mp.dps = 60


def mei_montanari(p1, p2, f1, tau2, fstar):
    z2 = mp.pi / (mp.pi - 2)  # ReLU: zeta = mu1/mu*, mu1 = 1/2, mu*^2 = 1/4 - 1/(2 pi)
    if p1 == p2:
        return mp.inf
    ps = min(p1, p2)
    t = ps * z2 - z2 - 1
    c = -(t + mp.sqrt(t * t + 4 * z2 * ps)) / (2 * z2)
    z4, z6 = z2 * z2, z2 ** 3
    e0 = (-c**5 * z6 + 3 * c**4 * z4 + (p1 * p2 - p2 - p1 + 1) * c**3 * z6 - 2 * c**3 * z4 - 3 * c**3 * z2
          + (p1 + p2 - 3 * p1 * p2 + 1) * c**2 * z4 + 2 * c**2 * z2 + c**2 + 3 * p1 * p2 * c * z2 - p1 * p2)
    e1 = p2 * c**3 * z4 - p2 * c**2 * z2 + p1 * p2 * c * z2 - p1 * p2
    e2 = (c**5 * z6 - 3 * c**4 * z4 + (p1 - 1) * c**3 * z6 + 2 * c**3 * z4 + 3 * c**3 * z2 - (p1 + 1) * c**2 * z4
          - 2 * c**2 * z2 - c**2)
    return f1 * e1 / e0 + (tau2 + fstar) * e2 / e0 + fstar


for p1, nl in [("0.9", "0"), ("1.5", "0"), ("6", "0"), ("30", "0"), ("2.999", "0"), ("3.001", "0"), ("3", "0"), ("6", "0.5"), ("0.3", "0")]:
    v = mei_montanari(D(p1), D(3), 1, D("0.2"), D(nl))
    args = {"psi1": p1, "psi2": "3", "signal": "1", "noise": "0.2"}
    if nl != "0":
        args["nonlinear"] = nl
    cases.append({"bound": "random_features_risk", "args": args, "value": s(v)})

# --- label proportions and label noise (CURRICULUM.md §3.4) -------------------------------------
def kl_upper(q, c):
    q = mp.mpf(q)
    if q == 1:
        return mp.mpf(1)
    lo, hi = q, mp.mpf(1)
    for _ in range(400):
        mid = (lo + hi) / 2
        if kl(q, mid) > c:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


def hoeff(d, m):
    return mp.sqrt(mp.log(1 / D(d)) / (2 * m))


for qs, ps, d in [(["0.9", "0.1", "0.5", "0.75"], ["1", "0", "0.5", "0.8"], "0.05"), (["0.2"] * 3 + ["0.8"] * 3, ["0.1"] * 3 + ["0.9"] * 3, "0.01")]:
    v = sum(min(1, abs(D(q) - D(p_)) + 2 * min(D(p_), 1 - D(p_))) for q, p_ in zip(qs, ps)) / len(qs) + hoeff(d, len(qs))
    cases.append({"bound": "llp_bag_test", "args": {"predicted": ",".join(qs), "proportions": ",".join(ps), "delta": d}, "value": s(v)})

for qs, al, k, prior, d in [(["0.5", "0", "1", "0.5"], ["0.5", "0", "1", "1"], 2, "0.3", "0.05"), (["0.1", "0.3", "0.2"], ["0.2", "0.2", "0.1"], 10, "0.5", "0.1")]:
    P = D(prior)
    tot = 0
    for q, a in zip(qs, al):
        c1 = k * (D(a) - P) + P
        c0 = 1 - c1
        tot += c0 + (c1 - c0) * (1 - D(q))
    v = tot / len(qs) + (1 + 2 * (k - 1) * max(P, 1 - P)) * hoeff(d, len(qs))
    cases.append({"bound": "llp_easy_test", "args": {"predicted": ",".join(qs), "proportions": ",".join(al), "size": str(k), "prior": prior, "delta": d}, "value": s(v)})

for qH, nH, gH, qL, nL, gL, prior, d in [("0.7", 140, "0.8", "0.25", 140, "0.2", None, "0.05"), ("0.95", 100, "1", "0.05", 120, "0", "0.37", "0.05")]:
    c = mp.log(2 / D(d))
    lcb = kl_lower(D(qH), c / nH)
    ucb = kl_upper(D(qL), c / nL)
    gap = D(gH) - D(gL)
    args = {"predicted_high": qH, "n_high": str(nH), "gamma_high": gH, "predicted_low": qL, "n_low": str(nL), "gamma_low": gL, "delta": d}
    if prior is None:
        v = mp.mpf(1) / 2 - (lcb - ucb) / (2 * gap)
    else:
        P = D(prior)
        args["prior"] = prior
        v = P + (P + D(gH) * (1 - 2 * P)) / gap * ucb - (P + D(gL) * (1 - 2 * P)) / gap * lcb
    cases.append({"bound": "llp_mcm_test", "args": args, "value": s(v)})

for risk, rp, rn, n, d in [("0.12", "0.2", "0.1", 500, "0.05"), ("-0.01", "0", "0", 100, "0.05"), ("0.3", "0.4", "0.1", 1000, "0.01")]:
    v = D(risk) + (1 + abs(D(rp) - D(rn))) / (1 - D(rp) - D(rn)) * hoeff(d, n)
    cases.append({"bound": "noise_test", "args": {"unbiased_risk": risk, "rho_pos": rp, "rho_neg": rn, "n": str(n), "delta": d}, "value": s(v)})

with open(OUT, "w") as f:
    json.dump(cases, f, indent=1)
    f.write("\n")
print(len(cases), "cases ->", OUT)

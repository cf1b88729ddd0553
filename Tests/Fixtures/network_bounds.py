#!/usr/bin/env python3
"""Reference values for the network margin bounds of CATALOGUE.md §6.3 (issue #6).

Run from the package root:  python3 Tests/Fixtures/network_bounds.py
Needs mpmath. Writes Tests/BoundsTests/Fixtures/network-bounds.json, which is committed, so the
Swift tests do not need Python.

The formulas are typed in again here from CATALOGUE.md §6.3, not translated from the Swift code:

  bartlett_spectral = margin_risk + 8/n
                      + 72·inputs_fro·sqrt(ln(2·width²))·ln(n)·complexity / (margin·n)
                      + 3·sqrt(ln(2/δ)/(2n))
  golowich_frobenius = margin_risk + c_k/margin · R + 3·sqrt(ln(2/δ)/(2n)),
                      R = (sqrt(2·ln2·depth) + 1)·frobenius_product·inputs_fro / n,
                      c_2 = 2 (binary), c_k = 4k for k ≥ 3 classes (default k = 2).

Every argument is a decimal string, parsed by mpmath at 400 bits (relative error < 1e-120, far
below the 1e-60 the Swift tests ask for). Each value is computed twice, at 400 and at 500 bits,
and the two must agree to 100 significant digits before the 90 digits written are trusted.
"""
import json
import os

from mpmath import mp, mpf, log, sqrt, nstr

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "BoundsTests", "Fixtures", "network-bounds.json")
DIGITS = 90


def bartlett_spectral(a):
    r, n, x = mpf(a["margin_risk"]), mpf(a["n"]), mpf(a["inputs_fro"])
    w, c, g, d = mpf(a["width"]), mpf(a["complexity"]), mpf(a["margin"]), mpf(a["delta"])
    capacity = 72 * x * sqrt(log(2 * w * w)) * log(n) * c / (g * n)
    return r + 8 / n + capacity + 3 * sqrt(log(2 / d) / (2 * n))


def golowich_frobenius(a):
    r, n, x = mpf(a["margin_risk"]), mpf(a["n"]), mpf(a["inputs_fro"])
    f, depth, g, d = mpf(a["frobenius_product"]), mpf(a["depth"]), mpf(a["margin"]), mpf(a["delta"])
    k = int(a.get("classes", "2"))
    rademacher = (sqrt(2 * log(2) * depth) + 1) * f * x / n
    factor = mpf(2) if k == 2 else mpf(4 * k)
    return r + factor / g * rademacher + 3 * sqrt(log(2 / d) / (2 * n))


BOUNDS = {"bartlett_spectral": bartlett_spectral, "golowich_frobenius": golowich_frobenius}

B = ["margin_risk", "n", "inputs_fro", "width", "complexity", "margin", "delta"]
G = ["margin_risk", "n", "inputs_fro", "frobenius_product", "depth", "margin", "delta", "classes"]

CASES = [
    # bartlett_spectral: margin_risk, n, inputs_fro, width, complexity, margin, delta
    ("bartlett_spectral", B, ["0.05", "60000", "2500.5", "784", "12.5", "1", "0.05"]),
    ("bartlett_spectral", B, ["0.01", "50000", "1250", "3072", "200", "10", "0.01"]),
    ("bartlett_spectral", B, ["0.125", "100", "10", "10", "1.5", "0.1", "0.5"]),
    ("bartlett_spectral", B, ["0.002", "10000000", "30000", "10000", "1e-3", "1e-3", "1e-10"]),
    ("bartlett_spectral", B, ["0.3", "1000", "31.625", "512", "0.75", "2.5", "1e-6"]),
    ("bartlett_spectral", B, ["0.07", "250000", "707.1", "64", "3.25", "0.02", "0.1"]),
    ("bartlett_spectral", B, ["0.0", "1797", "351.5", "64", "42", "0.5", "0.05"]),
    ("bartlett_spectral", B, ["1", "1797", "351.5", "64", "42", "0.5", "0.05"]),
    ("bartlett_spectral", B, ["0.2", "5000", "100", "100", "0", "1", "0.05"]),
    ("bartlett_spectral", B, ["0.1", "1", "1", "10", "1", "1", "0.05"]),
    ("bartlett_spectral", B, ["0", "2", "1.5", "1", "1", "1", "0.5"]),
    ("bartlett_spectral", B, ["0.33", "3", "2", "20", "0.5", "0.25", "0.999"]),
    ("bartlett_spectral", B, ["0.015625", "123457", "4096.0625", "1000", "7.7", "3", "1e-10"]),
    ("bartlett_spectral", B, ["0.5", "999999", "1e3", "4096", "1e-3", "7.5", "0.25"]),
    ("bartlett_spectral", B, ["0.04", "2000000", "12.5", "2048", "1e4", "10", "1e-4"]),
    ("bartlett_spectral", B, ["0.9", "400", "0", "300", "5", "0.001", "0.2"]),
    # golowich_frobenius: margin_risk, n, inputs_fro, frobenius_product, depth, margin, delta, classes
    ("golowich_frobenius", G, ["0.05", "60000", "2500.5", "35.2", "3", "1", "0.05", "10"]),
    ("golowich_frobenius", G, ["0.05", "60000", "2500.5", "35.2", "3", "1", "0.05", "2"]),
    ("golowich_frobenius", G, ["0.05", "60000", "2500.5", "35.2", "3", "1", "0.05", "3"]),
    ("golowich_frobenius", G, ["0.05", "60000", "2500.5", "35.2", "3", "1", "0.05", None]),
    ("golowich_frobenius", G, ["0.01", "100", "10", "2.5", "1", "0.1", "0.5", "2"]),
    ("golowich_frobenius", G, ["0.002", "10000000", "30000", "1e3", "20", "1e-3", "1e-10", "1000"]),
    ("golowich_frobenius", G, ["0.3", "1000", "31.625", "12.5", "8", "2.5", "1e-6", "3"]),
    ("golowich_frobenius", G, ["0.07", "250000", "707.1", "0.75", "5", "0.02", "0.1", "10"]),
    ("golowich_frobenius", G, ["0", "1797", "351.5", "120.25", "3", "0.5", "0.05", "10"]),
    ("golowich_frobenius", G, ["1", "1797", "351.5", "120.25", "3", "0.5", "0.05", "10"]),
    ("golowich_frobenius", G, ["0.2", "5000", "100", "0", "4", "1", "0.05", "2"]),
    ("golowich_frobenius", G, ["0.1", "1", "1", "1", "1", "1", "0.05", "2"]),
    ("golowich_frobenius", G, ["0.015625", "123457", "4096.0625", "7.7", "12", "3", "1e-10", "1000"]),
    ("golowich_frobenius", G, ["0.5", "999999", "1e3", "1e-3", "2", "7.5", "0.25", "2"]),
    ("golowich_frobenius", G, ["0.04", "2000000", "12.5", "1e4", "16", "10", "1e-4", "3"]),
    ("golowich_frobenius", G, ["0.9", "400", "0", "5", "6", "0.001", "0.999", "10"]),
]


def value(bound, args, prec):
    mp.prec = prec
    return BOUNDS[bound](args)


def main():
    out = []
    for bound, names, values in CASES:
        args = {k: v for k, v in zip(names, values) if v is not None}
        hi = value(bound, args, 500)
        lo = value(bound, args, 400)
        mp.prec = 500
        assert abs(hi - lo) <= abs(hi) * mpf("1e-100"), (bound, args)
        out.append({"bound": bound, "arguments": args, "value": nstr(hi, DIGITS, min_fixed=-6, max_fixed=12)})
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {len(out)} cases to {os.path.relpath(OUT, os.getcwd())}")


if __name__ == "__main__":
    main()

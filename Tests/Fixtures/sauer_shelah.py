#!/usr/bin/env python3
"""Writes Tests/BoundsTests/Fixtures/sauer-shelah.json: exact Sauer–Shelah sums
Π = Σ_{i=0}^{min(d,n)} C(n, i) from Python's integers (math.comb), for the tests of
Binomial.sauerShelah. Small and medium values are stored in full (decimal); the largest by
their bit length, their residues modulo the Mersenne primes 2^127 − 1 and 2^89 − 1, and their
first and last 60 decimal digits.

Run from the repository root: python3 Tests/Fixtures/sauer_shelah.py
"""
import json
import math
import sys

sys.set_int_max_str_digits(0)

FULL = [(9900, 9900), (10670, 7202), (10670, 3467), (10670, 5335), (10671, 5335), (5000, 2500),
        (20000, 100), (4097, 4096), (1, 0), (0, 5), (3000, 1499)]
DIGEST = [(1000000, 300000), (200000, 100001)]


def sauer_shelah(n, d):
    total = 0
    term = 1
    for i in range(0, min(d, n) + 1):
        if i > 0:
            term = term * (n - i + 1) // i
        total += term
    return total


def main():
    full = [{"n": n, "dim": d, "value": str(sauer_shelah(n, d))} for n, d in FULL]
    digests = []
    for n, d in DIGEST:
        v = sauer_shelah(n, d)
        s = str(v)
        digests.append({
            "n": n, "dim": d, "bits": v.bit_length(), "digits": len(s),
            "mod_m127": str(v % (2**127 - 1)), "mod_m89": str(v % (2**89 - 1)),
            "head": s[:60], "tail": s[-60:],
        })
    with open("Tests/BoundsTests/Fixtures/sauer-shelah.json", "w") as f:
        json.dump({"full": full, "digests": digests}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

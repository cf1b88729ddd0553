#!/usr/bin/env python3
"""Writes draws.json: NumPy's draws from Generator(Philox(key=seed)), for Sources/Bounds/Random.

Usage: python3 make-fixtures.py > draws.json   (NumPy 2; the file records the version)

Every case draws from a fresh generator, as the stateless Swift functions do. Doubles are
stored as the hex of their IEEE-754 bits, so the Swift tests compare bit for bit. Long runs
(100,000 normals, large permutations) are stored as an FNV-1a 64 hash of their little-endian
bytes plus the elements a test most wants to see: the first ones, every 997th, and — for
normals — every draw that left the ziggurat's fast path (beyond r = 3.654..., or in a wedge as
shown by a later word being consumed), which exercises the tail and wedge code.
"""
import json
import sys

import numpy as np

SEEDS = [0, 1, 42, 2**63 + 5, 2**64 - 1]
R = 3.6541528853610087963519472518


def gen(seed):
    return np.random.Generator(np.random.Philox(key=seed))


def bits(values):
    return ["%016x" % b for b in np.asarray(values, dtype=np.float64).view(np.uint64).tolist()]


def fnv1a64(array):
    h = 0xCBF29CE484222325
    for byte in np.ascontiguousarray(array).tobytes():
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


def summary(array, extra=()):
    flat = np.asarray(array).ravel()
    keep = sorted(set(range(min(16, flat.size))) | set(range(0, flat.size, 997)) | set(extra))
    if flat.dtype == np.float64:
        picked = [[i, "%016x" % int(flat[i:i + 1].view(np.uint64)[0])] for i in keep]
    else:
        picked = [[i, int(flat[i])] for i in keep]
    return {"count": int(flat.size), "fnv1a64": fnv1a64(flat.astype(flat.dtype.newbyteorder("<"))),
            "elements": picked}


def slow_path_indices(seed, count):
    """Indices of normals whose draw consumed more than one 64-bit word (tail or wedge)."""
    g = gen(seed)
    out = []
    for i in range(count):
        before = g.bit_generator.state["state"]["counter"][0] * 4 + g.bit_generator.state["buffer_pos"]
        g.standard_normal()
        after = g.bit_generator.state["state"]["counter"][0] * 4 + g.bit_generator.state["buffer_pos"]
        if after - before != 1:
            out.append(i)
    return out


def main():
    out = {"numpy": np.__version__, "raw": [], "uniform": [], "normal": [], "normal_large": [],
           "bernoulli": [], "permutation": [], "choice": []}
    for seed in SEEDS:
        out["raw"].append({"seed": str(seed), "words": ["%016x" % w for w in
                                                         gen(seed).bit_generator.random_raw(9).tolist()]})
        out["uniform"].append({"seed": str(seed), "count": 13, "bits": bits(gen(seed).random(13))})
        out["normal"].append({"seed": str(seed), "count": 40, "bits": bits(gen(seed).standard_normal(40))})
        for p in [0.3, 0.5]:
            out["bernoulli"].append({"seed": str(seed), "p": p, "count": 25,
                                     "values": (gen(seed).random(25) < p).astype(int).tolist()})
        for n in [0, 1, 2, 7, 100]:
            out["permutation"].append({"seed": str(seed), "n": n, "values": gen(seed).permutation(n).tolist()})
    for seed in [1, 2**64 - 1]:
        normals = gen(seed).standard_normal(100_000)
        slow = slow_path_indices(seed, 100_000)
        entry = {"seed": str(seed), **summary(normals, slow), "slow": slow,
                 "tail": [i for i in slow if abs(normals[i]) > R]}
        out["normal_large"].append(entry)
        perm = gen(seed).permutation(100_003)
        out["permutation"].append({"seed": str(seed), "n": 100_003, "summary": summary(perm.astype(np.int64))})
    cases = [
        # (population, size, replace): Floyd, tail shuffle, 32- and 64-bit Lemire, edges.
        (1, 5, True), (10, 0, False), (10, 10, False), (10, 4, False), (100, 30, True),
        (20_000, 100, False), (20_000, 401, False), (100_000, 5_000, False), (10_001, 10_001, False),
        (3_000_000_000, 300, True), (2**32, 50, True), (2**40, 200, True), (2**40, 20, False),
        (4_294_967_295, 20, False),
    ]
    for seed in [0, 42, 2**63 + 5]:
        for population, size, replace in cases:
            drawn = gen(seed).choice(population, size, replace=replace).astype(np.int64)
            case = {"seed": str(seed), "population": population, "size": size, "replace": replace}
            if size <= 400:
                case["values"] = drawn.tolist()
            else:
                case["summary"] = summary(drawn)
            out["choice"].append(case)
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

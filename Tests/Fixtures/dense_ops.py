#!/usr/bin/env python3
"""Writes Tests/BoundsTests/Fixtures/dense-ops.json: NumPy's results for the dense linear
algebra of issue 14 (DenseOps: matmul, solve, lstsq tall and wide, pinv, eigh, matpow) on small
fixed matrices, so the Swift tests compare against an independent implementation.

Run from the repository root: python3 Tests/Fixtures/dense_ops.py
"""
import json

import numpy as np

rng = np.random.default_rng(20261207)
tall = rng.standard_normal((6, 3))
wide = rng.standard_normal((3, 7))
b6 = rng.standard_normal(6)
b3 = rng.standard_normal(3)
square = rng.standard_normal((4, 4))
rhs = rng.standard_normal((4, 2))
m = rng.standard_normal((5, 5))
sym = m + m.T
rank_deficient = np.outer(rng.standard_normal(5), rng.standard_normal(4))
rank_deficient += np.outer(rng.standard_normal(5), rng.standard_normal(4))
b5 = rng.standard_normal(5)
mp = rng.standard_normal((3, 3)) / 2


def arr(x):
    x = np.asarray(x)
    return {"shape": list(x.shape), "values": [float(v) for v in x.reshape(-1)]}


w, v = np.linalg.eigh(sym)
cases = {
    "tall": arr(tall), "wide": arr(wide), "b6": arr(b6), "b3": arr(b3),
    "square": arr(square), "rhs": arr(rhs), "sym": arr(sym),
    "rank_deficient": arr(rank_deficient), "b5": arr(b5), "mp": arr(mp),
    "matmul_tall_wide": arr(tall @ wide),
    "matvec": arr(tall @ b3),
    "vecmat": arr(b6 @ tall),
    "dot": float(b6 @ b6),
    "solve_vector": arr(np.linalg.solve(square, rhs[:, 0])),
    "solve_matrix": arr(np.linalg.solve(square, rhs)),
    "lstsq_tall": arr(np.linalg.lstsq(tall, b6, rcond=None)[0]),
    "lstsq_wide": arr(np.linalg.lstsq(wide, b3, rcond=None)[0]),
    "lstsq_rank_deficient": arr(np.linalg.lstsq(rank_deficient, b5, rcond=None)[0]),
    "pinv_tall": arr(np.linalg.pinv(tall)),
    "pinv_rank_deficient": arr(np.linalg.pinv(rank_deficient)),
    "eigh_values": arr(w),
    "eigh_vectors": arr(v),
    "matpow_7": arr(np.linalg.matrix_power(mp, 7)),
    "norm_tall": float(np.linalg.norm(tall)),
}
with open("Tests/BoundsTests/Fixtures/dense-ops.json", "w") as f:
    json.dump(cases, f, indent=1)
    f.write("\n")

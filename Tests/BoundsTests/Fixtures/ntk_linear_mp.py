"""Writes ntk_linear_mp.json for NTKLinearEnclosureTests: the linearized NTK dynamics from f = 0
at 60 significant digits (mpmath), by explicit iteration v <- (I - eta H) v, no eigenvalues.

H is the exact H^inf of the stored double inputs (Arora et al. 2019, eq. 3):
c_ij = x_i.x_j / (|x_i| |x_j|), H_ij = c (pi - arccos c) / (2 pi), H_ii = 1/2.
loss(t) = 1/2 |(I - eta H)^t y|^2; distance(t) = sqrt(u^T H^{-1} u), u = (I - (I - eta H)^t) y,
computed with a high-precision solve (mpmath.lu_solve). Labels and eta are exact decimals.
Inputs are stored as hexadecimal doubles so that they are read back exactly.
Run: python3 ntk_linear_mp.py > ntk_linear_mp.json
"""
import json

import mpmath as mp
import numpy as np

mp.mp.dps = 60


def case(seed, n, d, labels, eta, record):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    x = [[mp.mpf(float(v)) for v in row] for row in X]
    norms = [mp.sqrt(mp.fsum(v * v for v in row)) for row in x]
    H = mp.matrix(n, n)
    for i in range(n):
        for j in range(n):
            if i == j:
                H[i, j] = mp.mpf(1) / 2
            else:
                c = mp.fsum(a * b for a, b in zip(x[i], x[j])) / (norms[i] * norms[j])
                H[i, j] = c * (mp.pi - mp.acos(c)) / (2 * mp.pi)
    e = mp.mpf(eta)
    A = mp.eye(n) - e * H
    y = mp.matrix([mp.mpf(s) for s in labels])
    v = y.copy()
    out = {}
    for t in range(max(record) + 1):
        if t in record:
            u = y - v
            z = mp.lu_solve(H, u)
            out[t] = (mp.fsum(a * a for a in v) / 2, mp.sqrt(mp.fsum(a * b for a, b in zip(u, z))))
        v = A * v
    ev = mp.eigsy(H)[0]
    return {
        "n": n, "d": d, "eta": eta, "labels": labels,
        "inputs": [float(v).hex() for v in X.ravel()],
        "lambda_min": mp.nstr(min(ev), 30), "lambda_max": mp.nstr(max(ev), 30),
        "steps": record,
        "loss": [mp.nstr(out[t][0], 40) for t in record],
        "distance": [mp.nstr(out[t][1], 40) for t in record],
    }


cases = [
    case(5, 8, 3, ["1", "-1", "1", "1", "-1", "0.3", "-0.7", "1"], "0.3", [0, 1, 5, 50, 500, 2000]),
    # eta near the stability limit 2/lambda_max = 1.379 (lambda_max of this H is 1.4505).
    case(7, 10, 3, ["1", "-1", "-1", "1", "1", "-1", "1", "-1", "1", "1"], "1.3", [0, 3, 40, 400, 3000]),
]
print(json.dumps(cases, indent=1))

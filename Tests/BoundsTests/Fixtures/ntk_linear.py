"""Writes ntk_linear.json for NTKLinearTests: the linearized NTK dynamics from f = 0 by
explicit matrix powers (not an eigendecomposition), with H^inf from the arccos formula
H_ij = c (pi - arccos c) / (2 pi), c = x_i.x_j for unit rows (Arora et al. 2019, eq. 3).
loss(t) = 1/2 |(I - eta H)^t y|^2; distance(t) = sqrt(u^T H^{-1} u), u = (I - (I - eta H)^t) y.
Run: python3 ntk_linear.py > ntk_linear.json
"""
import json

import numpy as np

rng = np.random.default_rng(3)
n, d, eta, T, k = 8, 3, 0.5, 50, 10
X = rng.standard_normal((n, d))
X /= np.linalg.norm(X, axis=1, keepdims=True)
y = np.where(rng.random(n) < 0.5, 1.0, -1.0)
C = np.clip(X @ X.T, -1, 1)
np.fill_diagonal(C, 1.0)
H = C * (np.pi - np.arccos(C)) / (2 * np.pi)
A = np.eye(n) - eta * H
steps, loss, distance = [], [], []
t = 0
while True:
    P = np.linalg.matrix_power(A, t)
    r = P @ y
    u = y - r
    steps.append(t)
    loss.append(0.5 * float(r @ r))
    distance.append(float(np.sqrt(u @ np.linalg.solve(H, u))))
    if t == T:
        break
    t = min(t + k, T)
print(json.dumps({"n": n, "d": d, "eta": eta, "steps": T, "record_every": k, "inputs": X.ravel().tolist(), "labels": y.tolist(),
                  "expected": {"steps": steps, "loss": loss, "distance": distance}}))

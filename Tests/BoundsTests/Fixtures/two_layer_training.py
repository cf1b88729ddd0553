"""Writes two_layer_training.json: NumPy runs of exactly the specification of issue 14 item 6
(Du, Zhai, Poczos & Singh, ICLR 2019), for TwoLayerTrainingTests.

f(x) = (1/sqrt(m)) sum_r a_r max(0, w_r.x); L = 1/2 sum_i (f(x_i) - y_i)^2;
W <- W - eta grad L, grad_{w_r} L = (1/sqrt(m)) a_r sum_i (f(x_i) - y_i) 1{w_r.x_i > 0} x_i.
Recorded at t = 0, k, 2k, ... and at T. W(0) and a are inputs here (any generator will do).
Run: python3 two_layer_training.py > two_layer_training.json
"""
import json

import numpy as np


def train(X, y, W0, a, eta, T, k):
    m = W0.shape[0]
    W = W0.copy()
    Z0 = X @ W0.T > 0
    out = {"steps": [], "loss": [], "distance": [], "flips": []}
    for t in range(T + 1):
        Z = X @ W.T
        f = (np.maximum(Z, 0) @ a) / np.sqrt(m)
        if t % k == 0 or t == T:
            out["steps"].append(t)
            out["loss"].append(0.5 * float(np.sum((f - y) ** 2)))
            out["distance"].append(float(np.linalg.norm(W - W0)))
            out["flips"].append(float(np.mean((Z > 0) != Z0)))
        if t == T:
            break
        G = (((f - y)[:, None] * (Z > 0)) * a[None, :]).T @ X / np.sqrt(m)
        W = W - eta * G
    out["W"] = W.ravel().tolist()
    out["outputs"] = f.tolist()
    return out


def case(seed, n, d, m, eta, T, k, antisymmetric):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    y = rng.standard_normal(n)
    if antisymmetric:
        half = rng.standard_normal((m // 2, d))
        W0 = np.vstack([half, half])
        a = np.concatenate([np.ones(m // 2), -np.ones(m // 2)])
    else:
        W0 = rng.standard_normal((m, d))
        a = np.where(rng.random(m) < 0.5, 1.0, -1.0)
    result = train(X, y, W0, a, eta, T, k)
    return {
        "n": n, "d": d, "m": m, "eta": eta, "steps": T, "record_every": k,
        "inputs": X.ravel().tolist(), "labels": y.tolist(), "W0": W0.ravel().tolist(), "a": a.tolist(),
        "expected": result,
    }


if __name__ == "__main__":
  cases = [
      case(1, n=20, d=5, m=40, eta=0.2, T=150, k=25, antisymmetric=True),
      case(2, n=12, d=3, m=31, eta=0.1, T=110, k=25, antisymmetric=False),
  ]
  print(json.dumps(cases))

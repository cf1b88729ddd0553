#!/usr/bin/env python3
"""Monte Carlo check of `random_features_risk` (issue 15 item 1: "test it against a simulation too").

Simulates ridgeless (minimum-norm) random ReLU features regression in the setting of
Mei & Montanari (CPAM 2022, arXiv 1908.05355) as CURRICULUM.md §1.2 states it:

- inputs x_i and feature weights theta_a uniform on the sphere of radius sqrt(d);
- features relu(<theta_a, x> / sqrt(d)), a = 1..N, N = psi1 * d; n = psi2 * d examples;
- target y = <beta1, x> + f_NL(x) + eps with ||beta1||^2 = signal (F1^2), E f_NL^2 = nonlinear
  (F*^2) and Var eps = noise (tau^2); f_NL(x) = F* (x_1^2 - 1) / sqrt(Var x_1^2), a centred
  degree-2 polynomial (orthogonal to constants and linear functions on the sphere);
- the minimum-norm least-squares coefficients (numpy lstsq, SVD);
- the test error E_x (f(x) - fhat(x))^2, f = <beta1, x> + f_NL(x) (no noise term), estimated
  on an independent test set of TEST points per trial.

Each row of the output is one (d, psi1, psi2, signal, noise, nonlinear) point: the mean test
error over `trials` independent trials (fresh x, theta, beta1, noise, test set) and its standard
error sd / sqrt(trials). The points stay away from the interpolation peak psi1 = psi2 (where the
expectation is infinite at finite size). Two sizes d = 100 and d = 200 show the finite-size gap
shrinking; the Swift test (RandomFeaturesSimulationTests) compares the catalogue with each row.

Needs numpy only. Writes Tests/BoundsTests/Fixtures/random-features-sim.json. Runtime: a few
minutes on one core (OPENBLAS_NUM_THREADS=1).
"""

import json
import math
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "BoundsTests", "Fixtures", "random-features-sim.json")
TEST = 2000


def sphere(rng, rows, d):
    g = rng.standard_normal((rows, d))
    return g * (math.sqrt(d) / np.linalg.norm(g, axis=1, keepdims=True))


def trial(rng, d, psi1, psi2, signal, noise, nonlinear):
    n, big_n = round(psi2 * d), round(psi1 * d)
    theta = sphere(rng, big_n, d)
    beta = rng.standard_normal(d)
    beta *= math.sqrt(signal) / np.linalg.norm(beta)
    # Var x_1^2 on the sphere of radius sqrt(d): E x_1^4 - 1 = 3d/(d+2) - 1.
    nl_scale = math.sqrt(nonlinear / (3 * d / (d + 2) - 1))

    def target(x):
        return x @ beta + nl_scale * (x[:, 0] ** 2 - 1)

    def features(x):
        return np.maximum(x @ theta.T / math.sqrt(d), 0)

    x = sphere(rng, n, d)
    y = target(x) + math.sqrt(noise) * rng.standard_normal(n)
    a = np.linalg.lstsq(features(x), y, rcond=None)[0]
    xt = sphere(rng, TEST, d)
    return float(np.mean((target(xt) - features(xt) @ a) ** 2))


def point(seed, trials, d, psi1, psi2, signal, noise, nonlinear):
    rng = np.random.default_rng(seed)
    errors = np.array([trial(rng, d, psi1, psi2, signal, noise, nonlinear) for _ in range(trials)])
    return {
        "d": d,
        "n": round(psi2 * d),
        "N": round(psi1 * d),
        "args": {"psi1": str(psi1), "psi2": str(psi2), "signal": str(signal), "noise": str(noise), "nonlinear": str(nonlinear)},
        "trials": trials,
        "test_points": TEST,
        "mean": repr(float(errors.mean())),
        "stderr": repr(float(errors.std(ddof=1) / math.sqrt(trials))),
    }


# (psi1, psi2, signal, noise, nonlinear): both sides of the peak psi1 = psi2 = 3, never at it.
POINTS = [
    (0.3, 3, 1, 0.2, 0),
    (0.9, 3, 1, 0.2, 0),
    (1.5, 3, 1, 0.2, 0),
    (6, 3, 1, 0.2, 0),
    (12, 3, 1, 0.2, 0),
    (6, 3, 1, 0.2, 0.5),
    (1.5, 3, 1, 0.2, 0.5),
]
SIZES = [(100, 100), (200, 40)]  # (d, trials)


def main():
    rows = []
    seed = 20261207
    for d, trials in SIZES:
        for psi1, psi2, signal, noise, nonlinear in POINTS:
            seed += 1
            row = point(seed, trials, d, psi1, psi2, signal, noise, nonlinear)
            row["seed"] = seed
            rows.append(row)
            print(d, psi1, psi2, nonlinear, row["mean"], row["stderr"], file=sys.stderr, flush=True)
    with open(OUT, "w") as f:
        json.dump({"generator": "Tests/Fixtures/random_features_sim.py", "numpy": np.__version__, "rows": rows}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

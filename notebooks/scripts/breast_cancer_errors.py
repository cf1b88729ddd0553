"""Test-set errors of two simple classifiers on the Wisconsin breast-cancer data.

Run once (python3 notebooks/scripts/breast_cancer_errors.py) to regenerate
notebooks/data/breast_cancer_test.csv and notebooks/data/breast_cancer_predictions.csv; the
notebooks read the CSVs, so CI needs no Python.

The split is fixed and documented: a permutation of the 569 rows drawn with
numpy.random.default_rng(20261126); the first 399 rows train, the last 170 test.
Features are standardized with the training set's mean and standard deviation.
Classifiers: nearest centroid, and logistic regression fitted by 2000 steps of
gradient descent (step 0.1, L2 penalty 1e-3) — deterministic, no library beyond NumPy.
"""
import csv
import pathlib

import numpy as np

here = pathlib.Path(__file__).resolve().parent.parent / "data"
rows = list(csv.reader(open(here / "breast_cancer.csv")))[1:]  # skip the "569,30,..." line
data = np.array(rows, dtype=float)
x, y = data[:, :30], data[:, 30].astype(int)

order = np.random.default_rng(20261126).permutation(len(y))
train, test = order[:399], order[399:]
mean, std = x[train].mean(axis=0), x[train].std(axis=0)
z = (x - mean) / std

# Nearest centroid.
c0, c1 = z[train][y[train] == 0].mean(axis=0), z[train][y[train] == 1].mean(axis=0)
pred_nc = (np.linalg.norm(z[test] - c1, axis=1) < np.linalg.norm(z[test] - c0, axis=1)).astype(int)

# Logistic regression by gradient descent.
w, b = np.zeros(30), 0.0
for _ in range(2000):
    p = 1 / (1 + np.exp(-(z[train] @ w + b)))
    g = p - y[train]
    w -= 0.1 * (z[train].T @ g / len(train) + 1e-3 * w)
    b -= 0.1 * g.mean()
pred_lr = ((z[test] @ w + b) > 0).astype(int)

with open(here / "breast_cancer_test.csv", "w", newline="") as f:
    out = csv.writer(f)
    out.writerow(["classifier", "n_train", "n_test", "errors"])
    out.writerow(["nearest_centroid", len(train), len(test), int((pred_nc != y[test]).sum())])
    out.writerow(["logistic_regression", len(train), len(test), int((pred_lr != y[test]).sum())])

# Per-patient predictions on the 170 test patients, in the permutation's order (so consecutive
# rows are a random order of the test patients). 1 = malignant, the positive class of
# notebooks/label-proportions.md (the data's own label is 0 = malignant, 1 = benign).
with open(here / "breast_cancer_predictions.csv", "w", newline="") as f:
    out = csv.writer(f)
    out.writerow(["patient", "malignant", "logistic_regression", "nearest_centroid"])
    for i, row in enumerate(test):
        out.writerow([int(row), int(y[row] == 0), int(pred_lr[i] == 0), int(pred_nc[i] == 0)])
print(open(here / "breast_cancer_test.csv").read())

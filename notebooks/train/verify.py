"""Check the exported family against itself (python3 notebooks/train/verify.py; NumPy only).

For every run: recompute the logits from the exported float32 weights and the exported inputs
(x -> W3 relu(W2 relu(W1 x)), in float64) and compare with the exported float32 logits;
recompute the error counts of runs.csv (margin <= 0 counts as an error). Then print each
layer's spectral norm (largest singular value) and Frobenius norm for width 64, noise 0 —
the cross-check values in notebooks/train/README.md. If the `safetensors` package is
installed, the files are also read with it, to check the hand-written format.
"""
import csv
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from train import OUT, errors, forward, read_safetensors  # noqa: E402

try:
    from safetensors.numpy import load_file
except ImportError:
    load_file = None

KEYS = ["fc1.weight", "fc2.weight", "fc3.weight"]


def load(path):
    ours = read_safetensors(path)
    if load_file is not None:
        theirs = load_file(str(path))
        assert set(theirs) == set(ours), path
        for k in ours:
            assert theirs[k].dtype == ours[k].dtype and np.array_equal(theirs[k], ours[k]), (path, k)
    return ours


def main():
    tr, te = load(OUT / "digits_train.safetensors"), load(OUT / "digits_test.safetensors")
    for name, d in [("train", tr), ("test", te)]:
        norms = np.linalg.norm(d["inputs"], axis=1)
        print(f"{name}: inputs {d['inputs'].shape} {d['inputs'].dtype}, row norms in "
              f"[{norms.min():.17g}, {norms.max():.17g}], ||X||_F = {np.linalg.norm(d['inputs']):.17g}")
    worst = 0.0
    for row in csv.DictReader(open(OUT / "runs.csv")):
        name = f"w{row['width']}_n{row['noise']}"
        net, init, lg = load(OUT / f"{name}.safetensors"), load(OUT / f"{name}_init.safetensors"), \
            load(OUT / f"{name}_logits.safetensors")
        ws = [net[k].astype(np.float64) for k in KEYS]
        assert [w.dtype for w in net.values()] == [np.float32] * 3
        assert [init[k].shape for k in KEYS] == [w.shape for w in ws]
        y = tr[f"labels_n{row['noise']}"]
        for part, x, z, labels, count in [("train", tr["inputs"], lg["train_logits"], y, row["train_errors"]),
                                          ("test", te["inputs"], lg["test_logits"], te["labels"], row["test_errors"])]:
            ours = forward(ws, x)
            assert np.array_equal(ours.astype(np.float32), z), (name, part)  # bit-exact after rounding
            rel = np.max(np.abs(ours - z) / np.maximum(np.abs(ours), 1e-30))
            worst = max(worst, rel)
            assert errors(ours, labels) == int(count) == errors(z.astype(np.float64), labels), (name, part)
        print(f"{name}: logits and error counts match (train {row['train_errors']}/{row['n_train']}, "
              f"test {row['test_errors']}/{row['n_test']})")
    print(f"largest relative difference between float64 logits and the exported float32 logits: {worst:.3g}")

    net = load(OUT / "w64_n0.safetensors")
    init = load(OUT / "w64_n0_init.safetensors")
    print("w64_n0, float32 weights read exactly as float64:")
    print("| layer | shape | spectral norm | Frobenius norm | spectral norm at init | Frobenius norm at init |")
    print("|---|---|---|---|---|---|")
    for k in KEYS:
        w, w0 = net[k].astype(np.float64), init[k].astype(np.float64)
        print(f"| `{k}` | {w.shape[0]}×{w.shape[1]} | {np.linalg.norm(w, 2):.12f} | {np.linalg.norm(w):.12f} | "
              f"{np.linalg.norm(w0, 2):.12f} | {np.linalg.norm(w0):.12f} |")
    print("verified" + (" (also read with the safetensors package)" if load_file else ""))


if __name__ == "__main__":
    main()

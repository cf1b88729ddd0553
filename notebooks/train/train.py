"""Train a family of small bias-free fully connected ReLU networks on the digits data set.

Regenerate everything (from the repository root):

    python3 notebooks/train/train.py

NumPy only; the safetensors files are written by hand (see `write_safetensors`), so no other
package is needed. Outputs go to notebooks/train/runs/ (see notebooks/train/README.md).

The family (issue #6): input (64) -> width -> width -> 10, ReLU, no biases, weights
`fc1.weight` (width, 64), `fc2.weight` (width, width), `fc3.weight` (10, width), stored
(out, in) as PyTorch exports them. The forward pass is x -> W3 relu(W2 relu(W1 x)).

Data: notebooks/data/digits.csv.gz, 1797 rows (64 pixels 0-16, then the class 0-9).
Preprocessing: every row of pixels is divided by its Euclidean norm (unit-norm rows, float64);
no row is all zero. Split: a permutation drawn with numpy.random.default_rng(SPLIT_SEED);
its first 1000 rows train, the remaining 797 test.
Label noise: for noise level 20, exactly 200 training rows (a subset drawn with
default_rng(NOISE_SEED)) get a class drawn uniformly from the 9 *other* classes, so exactly
20% of the training labels are wrong. Test labels are never corrupted.

Training: float64, He (Kaiming) normal initialization N(0, 2/fan_in), cross-entropy,
minibatch SGD with momentum 0.9 (v <- 0.9 v + g; W <- W - lr v), batch 50, learning rate 0.1
for epochs 1-1000 and 0.01 afterwards; stop at the end of the first epoch at which the
exported network (weights rounded to float32) has zero training error on the labels it was
trained on, or after MAX_EPOCHS. The initial weights and the minibatch order depend only on
the width (default_rng([RUN_SEED, width])), so the two noise levels of one width start from
the same initial network and see the same minibatch order.
"""
import csv
import gzip
import json
import pathlib
import struct
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent  # notebooks/
DATA = ROOT / "data" / "digits.csv.gz"
OUT = ROOT / "train" / "runs"

SPLIT_SEED = 6
NOISE_SEED = 60
RUN_SEED = 600
N_TRAIN = 1000
WIDTHS = [16, 32, 64, 128, 256, 512]
NOISES = [0, 20]  # percent of training labels replaced by a different class
BATCH = 50
MOMENTUM = 0.9
LR = 0.1
LR_DROP_EPOCH = 1000  # lr becomes LR / 10 after this epoch
MAX_EPOCHS = 2000

# --------------------------------------------------------------------------------------------
# safetensors, by hand: 8-byte little-endian header length, JSON header, raw little-endian data.

_ST_DTYPE = {np.dtype("<f4"): "F32", np.dtype("<f8"): "F64", np.dtype("<i8"): "I64"}


def write_safetensors(path, tensors, metadata=None):
    """tensors: name -> ndarray (float32, float64 or int64), written C-contiguous little-endian."""
    arrays = {k: np.ascontiguousarray(v, dtype=v.dtype.newbyteorder("<")) for k, v in tensors.items()}
    # Larger elements first so every tensor starts at an offset that is a multiple of its size.
    names = sorted(arrays, key=lambda k: (-arrays[k].dtype.itemsize, k))
    header, offset = {}, 0
    for k in names:
        a = arrays[k]
        header[k] = {"dtype": _ST_DTYPE[a.dtype], "shape": list(a.shape),
                     "data_offsets": [offset, offset + a.nbytes]}
        offset += a.nbytes
    if metadata:
        header["__metadata__"] = {k: str(v) for k, v in metadata.items()}
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)  # pad so the data starts 8-byte aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for k in names:
            f.write(arrays[k].tobytes())


def read_safetensors(path):
    """The inverse of write_safetensors (used to check the files): name -> ndarray."""
    raw = pathlib.Path(path).read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    header.pop("__metadata__", None)
    dt = {v: k for k, v in _ST_DTYPE.items()}
    out = {}
    for k, h in header.items():
        b, e = h["data_offsets"]
        out[k] = np.frombuffer(raw[8 + n + b:8 + n + e], dtype=dt[h["dtype"]]).reshape(h["shape"])
    return out


# --------------------------------------------------------------------------------------------
# data


def load_data():
    with gzip.open(DATA, "rt") as f:
        a = np.loadtxt(f, delimiter=",", dtype=np.int64)
    assert a.shape == (1797, 65)
    pixels, labels = a[:, :64].astype(np.float64), a[:, 64].astype(np.int64)
    inputs = pixels / np.linalg.norm(pixels, axis=1, keepdims=True)
    order = np.random.default_rng(SPLIT_SEED).permutation(len(labels))
    tr, te = order[:N_TRAIN], order[N_TRAIN:]
    return inputs[tr], labels[tr], inputs[te], labels[te], tr, te


def noisy_labels(labels, percent):
    y = labels.copy()
    if percent == 0:
        return y
    rng = np.random.default_rng(NOISE_SEED)
    k = len(y) * percent // 100
    idx = rng.choice(len(y), size=k, replace=False)
    y[idx] = (y[idx] + rng.integers(1, 10, size=k)) % 10  # a uniformly random *other* class
    assert (y != labels).sum() == k
    return y


# --------------------------------------------------------------------------------------------
# the network


def forward(ws, x):
    """Logits of x -> W3 relu(W2 relu(W1 x)) for the rows of x (float64)."""
    h = x
    for w in ws[:-1]:
        h = np.maximum(h @ w.T, 0.0)
    return h @ ws[-1].T


def margins(logits, labels):
    """f_y - max_{j != y} f_j per row."""
    n = len(labels)
    fy = logits[np.arange(n), labels]
    other = logits.copy()
    other[np.arange(n), labels] = -np.inf
    return fy - other.max(axis=1)


def errors(logits, labels):
    """Number of rows whose margin is <= 0 (argmax != label, ties count as errors)."""
    return int((margins(logits, labels) <= 0).sum())


def as_exported(ws):
    """The weights as they are written (float32), back in float64 for exact forward passes."""
    return [w.astype(np.float32).astype(np.float64) for w in ws]


def train(width, x, y):
    rng = np.random.default_rng([RUN_SEED, width])
    shapes = [(width, 64), (width, width), (10, width)]
    ws = [rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(o, fan_in)) for o, fan_in in shapes]
    init = [w.copy() for w in ws]
    vs = [np.zeros_like(w) for w in ws]
    n = len(y)
    for epoch in range(1, MAX_EPOCHS + 1):
        lr = LR if epoch <= LR_DROP_EPOCH else LR / 10
        order = rng.permutation(n)
        for b in range(0, n, BATCH):
            i = order[b:b + BATCH]
            xb = x[i]
            h1 = np.maximum(xb @ ws[0].T, 0.0)
            h2 = np.maximum(h1 @ ws[1].T, 0.0)
            z = h2 @ ws[2].T
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(i)), y[i]] -= 1.0
            d3 = p / len(i)  # d(mean cross-entropy)/dz
            d2 = (d3 @ ws[2]) * (h2 > 0)
            d1 = (d2 @ ws[1]) * (h1 > 0)
            grads = [d1.T @ xb, d2.T @ h1, d3.T @ h2]
            for k in range(3):
                vs[k] = MOMENTUM * vs[k] + grads[k]
                ws[k] -= lr * vs[k]
        if errors(forward(as_exported(ws), x), y) == 0:
            break
    return init, ws, epoch


def mean_cross_entropy(logits, labels):
    z = logits - logits.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(z).sum(axis=1)) - z[np.arange(len(labels)), labels]))


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    x_tr, y_tr, x_te, y_te, idx_tr, idx_te = load_data()
    noisy = {p: noisy_labels(y_tr, p) for p in NOISES}

    train_file = {"inputs": x_tr, "labels": y_tr, "rows": idx_tr.astype(np.int64)}
    for p in NOISES:
        train_file[f"labels_n{p}"] = noisy[p]
    common = {"preprocessing": "pixels (0-16) / Euclidean norm of the row", "split_seed": SPLIT_SEED,
              "source": "notebooks/data/digits.csv.gz"}
    write_safetensors(OUT / "digits_train.safetensors", train_file,
                      {**common, "labels": "clean labels", "labels_nP": "labels trained on at noise P%",
                       "rows": "0-based row numbers in digits.csv.gz"})
    write_safetensors(OUT / "digits_test.safetensors",
                      {"inputs": x_te, "labels": y_te, "rows": idx_te.astype(np.int64)},
                      {**common, "rows": "0-based row numbers in digits.csv.gz"})

    rows = []
    started = time.time()
    for width in WIDTHS:
        for p in NOISES:
            t0 = time.time()
            init, ws, epochs = train(width, x_tr, noisy[p])
            name = f"w{width}_n{p}"
            meta = {"width": width, "noise_percent": p, "epochs": epochs,
                    "architecture": "x -> fc3 relu(fc2 relu(fc1 x)), no biases, weights (out, in)"}
            keys = ["fc1.weight", "fc2.weight", "fc3.weight"]
            write_safetensors(OUT / f"{name}_init.safetensors",
                              {k: w.astype(np.float32) for k, w in zip(keys, init)},
                              {**meta, "what": "initial weights"})
            write_safetensors(OUT / f"{name}.safetensors",
                              {k: w.astype(np.float32) for k, w in zip(keys, ws)},
                              {**meta, "what": "final weights"})
            exported = as_exported(ws)
            z_tr, z_te = forward(exported, x_tr), forward(exported, x_te)
            write_safetensors(OUT / f"{name}_logits.safetensors",
                              {"train_logits": z_tr.astype(np.float32), "test_logits": z_te.astype(np.float32)},
                              {**meta, "what": "logits of the final float32 weights, computed in float64, "
                                               "rounded to float32; train rows and labels as in digits_train"})
            e_tr, e_clean, e_te = errors(z_tr, noisy[p]), errors(z_tr, y_tr), errors(z_te, y_te)
            n_tr, n_te = len(y_tr), len(y_te)
            row = {"width": width, "noise": p, "params": sum(w.size for w in ws), "epochs": epochs,
                   "train_errors": e_tr, "n_train": n_tr, "train_error": f"{e_tr / n_tr:.6f}",
                   "train_error_clean": f"{e_clean / n_tr:.6f}",
                   "test_errors": e_te, "n_test": n_te, "test_error": f"{e_te / n_te:.6f}",
                   "gap": f"{e_te / n_te - e_tr / n_tr:.6f}",
                   "train_loss": f"{mean_cross_entropy(z_tr, noisy[p]):.6f}"}
            rows.append(row)
            print(", ".join(f"{k}={v}" for k, v in row.items()), f"({time.time() - t0:.1f} s)", flush=True)

    with open(OUT / "runs.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print(f"total {time.time() - started:.1f} s")


if __name__ == "__main__":
    main()

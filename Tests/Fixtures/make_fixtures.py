#!/usr/bin/env python3
"""Writes the tensor-file fixtures of the BoundsDataTests target.

Run from the package root:  python3 Tests/Fixtures/make_fixtures.py
Needs numpy and the `safetensors` package (pip install safetensors); the outputs are
committed, so the Swift tests need neither.

Everything is deterministic: values are a formula of the element's C-order index (no random
numbers), chosen to be exactly representable in their dtype and in a double, with each
dtype's extremes (subnormals, the largest finite value, the integer bounds) at the ends.
`expected.json` records, for every fixture and tensor, the dtype, shape and C-order values
as text (Python's repr of the double, or the integer), so the Swift tests compare exactly.
"""
import json
import os
import struct

import numpy as np
from numpy.lib import format as npformat
from safetensors.numpy import save_file

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "BoundsDataTests", "Fixtures", "tensors")

DTYPES = ["f2", "f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"]

# Extremes placed at the first and last element: exactly representable as doubles.
EXTREMES = {
    "f2": (2.0**-24, 65504.0),
    "f4": (2.0**-149, float(np.finfo(np.float32).max)),
    "f8": (5e-324, 1.7976931348623157e308),
    "i1": (-128, 127),
    "i2": (-32768, 32767),
    "i4": (-2**31, 2**31 - 1),
    "i8": (-2**63, 2**62),
    "u1": (0, 255),
    "u2": (0, 65535),
    "u4": (0, 2**32 - 1),
    "u8": (0, 2**63),
}


def values(code, shape):
    """The C-order array of dtype `code` (little-endian) and shape `shape`."""
    n = int(np.prod(shape, dtype=np.int64))
    i = np.arange(n)
    if code == "b1":
        return (i % 3 == 0).reshape(shape)
    if code[0] == "f":
        a = ((i - 5) * 0.375).astype("<" + code)
    elif code[0] == "i":
        a = (i * 3 - 7).astype("<" + code)
    else:
        a = (i * 5 + 1).astype("<" + code)
    if n >= 2:
        lo, hi = EXTREMES[code]
        a[0], a[-1] = lo, hi
    return a.reshape(shape)


def as_text(a):
    """The C-order values of `a` as exact text."""
    flat = np.ascontiguousarray(a).reshape(-1)
    if a.dtype.kind == "f":
        return [repr(float(x)) for x in flat]
    return [str(int(x)) for x in flat]


def describe(a, order="c"):
    return {"dtype": a.dtype.name, "shape": list(a.shape), "order": order, "values": as_text(a)}


def write_npy(name, a, version=None):
    with open(os.path.join(OUT, name), "wb") as f:
        npformat.write_array(f, a, version=version, allow_pickle=False)


def main():
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        os.remove(os.path.join(OUT, old))
    expected = {}

    # Every dtype, both byte orders, C and Fortran order, shape (2, 3, 4).
    for code in DTYPES:
        a = values(code, (2, 3, 4))
        orders = ["<", ">"] if a.dtype.itemsize > 1 else ["|"]
        for bo in orders:
            typed = a.astype(a.dtype.newbyteorder(bo)) if bo != "|" else a
            for mem in ["c", "f"]:
                arr = np.asfortranarray(typed) if mem == "f" else np.ascontiguousarray(typed)
                name = f"{code}-{'be' if bo == '>' else 'le'}-{mem}.npy"
                write_npy(name, arr)
                expected[name] = {"": describe(a, mem)}

    # Ranks 0 to 3 and an empty array.
    for name, shape in [("rank0.npy", ()), ("rank1.npy", (5,)), ("rank2.npy", (3, 2)), ("rank3.npy", (2, 1, 3)), ("empty.npy", (0, 3))]:
        a = values("f8", shape) if shape else np.array(2.5)
        write_npy(name, a)
        expected[name] = {"": describe(a)}

    # Format versions 1.0, 2.0 and 3.0 of one array.
    a = values("i4", (3, 4))
    for version in [(1, 0), (2, 0), (3, 0)]:
        name = f"version{version[0]}.npy"
        write_npy(name, a, version=version)
        expected[name] = {"": describe(a)}

    # Non-finite values: NaN at [1, 2] in C order; +inf at [0, 1] in a Fortran-order file;
    # -inf in a big-endian float16 file at [2].
    nan = np.arange(6, dtype="<f4").reshape(2, 3)
    nan[1, 2] = np.nan
    write_npy("nan.npy", nan)
    inf = np.asfortranarray(np.arange(6, dtype="<f8").reshape(2, 3))
    inf[0, 1] = np.inf
    write_npy("inf-fortran.npy", inf)
    write_npy("neginf-be.npy", np.array([1, 2, -np.inf, 4], dtype=">f2"))

    # npz archives, stored and deflated, with mixed byte and memory orders.
    members = {
        "w": values("f4", (3, 4)),
        "b": values("f8", (4,)),
        "big": values("i2", (2, 3)).astype(">i2"),
        "fortran": np.asfortranarray(values("f8", (2, 3))),
        "flag": values("b1", (5,)),
    }
    np.savez(os.path.join(OUT, "stored.npz"), **members)
    np.savez_compressed(os.path.join(OUT, "deflated.npz"), **members)
    for name in ["stored.npz", "deflated.npz"]:
        expected[name] = {k: describe(v, "f" if k == "fortran" else "c") for k, v in members.items()}
    nonfinite = {"ok": np.ones(2), "bad": np.array([[0.0, 1.0], [np.nan, 3.0]], dtype="<f4")}
    np.savez(os.path.join(OUT, "nan-stored.npz"), **nonfinite)
    np.savez_compressed(os.path.join(OUT, "nan-deflated.npz"), **nonfinite)

    # safetensors: every dtype numpy has (the writer orders entries by alignment, then name).
    tensors = {}
    for code in DTYPES:
        tensors["t_" + code] = values(code, (2, 3))
    tensors["scalar"] = np.array(0.5, dtype="<f4")
    tensors["empty"] = np.zeros((0, 4), dtype="<f4")
    # One metadata entry only: the writer's (Rust) map would order several differently each run.
    save_file(tensors, os.path.join(OUT, "dtypes.safetensors"), metadata={"format": "np"})
    expected["dtypes.safetensors"] = {k: describe(v) for k, v in tensors.items()}

    # BF16 by hand (numpy has no bfloat16): the top halves of float32 values that bfloat16
    # holds exactly, then an F32 tensor whose data comes first in the file.
    bf = np.array([1.0, -2.5, 0.0078125, 1.5 * 2.0**127, 2.0**-133, -0.0], dtype="<f4").reshape(2, 3)
    assert not (bf.view("<u4") & 0xFFFF).any(), "every value must be exact in bfloat16"
    bf_bytes = (bf.view("<u4") >> 16).astype("<u2").tobytes()
    f32 = np.array([1.5, -1.5], dtype="<f4")
    header = {
        "z_first": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
        "a_bf16": {"dtype": "BF16", "shape": [2, 3], "data_offsets": [8, 8 + len(bf_bytes)]},
        "__metadata__": {"written_by": "hand", "note": "bfloat16 \u00e9"},
    }
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(os.path.join(OUT, "bf16.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + f32.tobytes() + bf_bytes)
    expected["bf16.safetensors"] = {
        "z_first": describe(f32),
        "a_bf16": {"dtype": "bfloat16", "shape": [2, 3], "order": "c", "values": [repr(float(x)) for x in bf.reshape(-1)]},
    }
    save_file({"bad": np.array([0.0, np.inf, 2.0], dtype="<f8")}, os.path.join(OUT, "inf.safetensors"))

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(OUT, p)) for p in os.listdir(OUT))
    print(f"wrote {len(os.listdir(OUT))} files, {total} bytes, to {OUT}")


if __name__ == "__main__":
    main()

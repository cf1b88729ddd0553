"""Binary ±1 labels for the NTK term of notebooks/04-digits-networks.md (NumPy only).

Writes train/runs/digits_binary.safetensors with
  inputs   float64 (200, 64)  the first 200 training inputs of digits_train.safetensors
  parity   float64 (200,)     +1 for an even digit, −1 for an odd one (clean labels)
  random   float64 (200,)     ±1 drawn with numpy.random.default_rng(7), independent of the images
Run from the repository root after train.py: python3 notebooks/train/binary_labels.py
"""
import json
import struct
from pathlib import Path

import numpy as np

RUNS = Path(__file__).resolve().parent / "runs"


def read_safetensors(path):
    data = path.read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    base = 8 + n
    out = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        dtype = {"F64": "<f8", "F32": "<f4", "I64": "<i8"}[entry["dtype"]]
        out[name] = np.frombuffer(data[base + begin:base + end], dtype=dtype).reshape(entry["shape"])
    return out


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, array in tensors.items():
        raw = np.ascontiguousarray(array, dtype="<f8").tobytes()
        header[name] = {"dtype": "F64", "shape": list(array.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    path.write_bytes(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def main():
    train = read_safetensors(RUNS / "digits_train.safetensors")
    inputs = np.array(train["inputs"][:200], dtype=np.float64)
    digits = np.array(train["labels"][:200])
    parity = np.where(digits % 2 == 0, 1.0, -1.0)
    random = np.where(np.random.default_rng(7).random(200) < 0.5, 1.0, -1.0)
    write_safetensors(RUNS / "digits_binary.safetensors", {"inputs": inputs, "parity": parity, "random": random})


if __name__ == "__main__":
    main()

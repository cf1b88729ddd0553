"""Writes digits200.json for NTKLinearEnclosureTests: the first 200 images of the bundled
digits data (notebooks/data/digits.csv.gz: 64 pixel values 0..16, then the digit), and the
parity labels +1 (even digit) / -1 (odd). The rows are not normalized here; the test scales
them to unit norm in double precision.
Run: python3 digits200.py > digits200.json
"""
import csv
import gzip
import json
import pathlib

path = pathlib.Path(__file__).resolve().parents[3] / "notebooks" / "data" / "digits.csv.gz"
with gzip.open(path, "rt") as f:
    rows = [list(map(int, r)) for r in csv.reader(f)][:200]
print(json.dumps({"pixels": [r[:64] for r in rows], "parity": [1 if r[64] % 2 == 0 else -1 for r in rows]}))

"""train_two_layer beside NumPy (issue 14, Performance): 200 inputs of dimension 64, width 1000,
1000 steps of full-batch gradient descent on the first layer (Du et al. 2019), the same
deterministic data on both sides (see benchmarks/Harness/TrainTwoLayer.swift). Prints both
wall times and CPU times (user + sys of the process, BLAS threads included: the figure a shared
machine disturbs least), the ratios boundbook / NumPy (the target is at most 2), the final
losses and the load average. OPENBLAS_NUM_THREADS is set for both sides (--blas-threads, default
1: on a loaded machine idle BLAS threads spin and multiply wall times); `default` leaves it unset.

    swift build -c release --product bench && python3 benchmarks/train_two_layer.py [--repeat 3]
"""
import argparse
import json
import os
import pathlib
import subprocess
import time

BLAS_THREADS = next((a.split("=", 1)[1] for a in __import__("sys").argv if a.startswith("--blas-threads=")), "1")
if BLAS_THREADS != "default":
    os.environ["OPENBLAS_NUM_THREADS"] = BLAS_THREADS  # before numpy loads OpenBLAS

import numpy as np


def data(n, d, m):
    X = np.sin(0.37 * np.arange(n * d) + 0.1).reshape(n, d)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    y = np.cos(1.3 * np.arange(n))
    half = np.sin(0.11 * np.arange(m // 2 * d) + 2).reshape(m // 2, d)
    W0 = np.vstack([half, half])
    a = np.concatenate([np.ones(m // 2), -np.ones(m // 2)])
    return X, y, W0, a


def train(X, y, W0, a, eta, T):
    m = W0.shape[0]
    W = W0.copy()
    for t in range(T + 1):
        Z = X @ W.T
        f = (np.maximum(Z, 0) @ a) / np.sqrt(m)
        if t == T:
            return 0.5 * float(np.sum((f - y) ** 2))
        G = (((f - y)[:, None] * (Z > 0)) * a[None, :]).T @ X / np.sqrt(m)
        W -= eta * G


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=200)
    p.add_argument("--d", type=int, default=64)
    p.add_argument("--m", type=int, default=1000)
    p.add_argument("--steps", type=int, default=1000)
    p.add_argument("--eta", type=float, default=0.001)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--blas-threads", default="1", help="OPENBLAS_NUM_THREADS for both sides (write --blas-threads=N)")
    p.add_argument("--bench", default=str(pathlib.Path(__file__).resolve().parent.parent / ".build/release/bench"))
    args = p.parse_args()
    X, y, W0, a = data(args.n, args.d, args.m)
    times, cpu = [], []
    load = [os.getloadavg()[0]]
    for _ in range(args.repeat):
        start, cpu_start = time.perf_counter(), time.process_time()
        numpy_loss = train(X, y, W0, a, args.eta, args.steps)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    numpy_s = sorted(times)[len(times) // 2]
    numpy_cpu = sorted(cpu)[len(cpu) // 2]
    out = subprocess.run(
        [args.bench, "train_two_layer", "--n", str(args.n), "--d", str(args.d), "--m", str(args.m), "--steps", str(args.steps),
         "--eta", str(args.eta), "--repeat", str(args.repeat)], check=True, capture_output=True, text=True)
    swift = json.loads(out.stdout)
    load.append(os.getloadavg()[0])
    print(json.dumps({"numpy_s": numpy_s, "boundbook_s": swift["median_s"], "ratio": swift["median_s"] / numpy_s,
                      "numpy_cpu_s": numpy_cpu, "boundbook_cpu_s": swift["median_cpu_s"],
                      "cpu_ratio": swift["median_cpu_s"] / numpy_cpu, "numpy_loss": numpy_loss,
                      "boundbook_loss": swift["final_loss"], "load_average": [min(load), max(load)],
                      "openblas_num_threads": BLAS_THREADS}))


if __name__ == "__main__":
    main()

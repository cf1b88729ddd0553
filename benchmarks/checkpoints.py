"""Checkpoint-scale checking (issue 20): 1,000 generated notebooks, each over its own small
exported network, checked by one process with `--jobs 2` and by a 4-task Slurm job array
(scripts/slurm-check.sbatch) on a one-node cluster, then merged.

    python3 benchmarks/checkpoints.py [--no-build] [--count 1000] [--tasks 4]

(BOUNDBOOK=path/to/boundbook uses that binary instead of building a release one.)

Each notebook loads a shared data file (200 inputs of dimension 16, 4 classes) and one
network 16 → 32 → 32 → 4 near a linear teacher (float32 safetensors written with numpy), computes its logits,
margins, error rate and path norm, a Bartlett–Foster–Telgarsky posterior bound under a δ
budget, and checks three claims. `update` writes the output regions first (not timed).
Prints notebooks per second for each way and the array's overhead against `--jobs`
(wall time of `sbatch --wait` plus the merge, over the single process's wall time).
The Slurm part needs root (scripts/slurm-cluster); elsewhere it says why it is skipped.
"""
import json
import os
import platform
import shutil
import struct
import subprocess
import sys
import tempfile
import time

import numpy as np

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def option(name, default):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


count = option("--count", 1000)
tasks = option("--tasks", 4)
binary = os.environ.get("BOUNDBOOK") or os.path.join(root, ".build", "release", "boundbook")
if "--no-build" not in sys.argv and not os.environ.get("BOUNDBOOK"):
    subprocess.run(["swift", "build", "-c", "release", "--product", "boundbook"], cwd=root, check=True)


def safetensors(path, tensors):
    """Writes float32 or int64 tensors in the safetensors format (header, then raw little-endian data)."""
    header, blobs, offset = {}, [], 0
    for name, array in tensors.items():
        dtype = {np.float32: "F32", np.int64: "I64"}[array.dtype.type]
        data = np.ascontiguousarray(array).astype(array.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": dtype, "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


NOTEBOOK = """# Checkpoint {i}

```bound
budget 0.05
assume iid_sample, lipschitz_activations
let d = load("data.safetensors")
let X = d["inputs"]
let y = d["labels"]
let net = layers(load("nets/net{i:04d}.safetensors"))
let f = logits(net, X)
let γ = percentile(margins(f, y), 25)
let err = error_rate(f, y)
path_norm(net)
let b = bartlett_spectral_posterior(net, X, y, margin: γ, delta: 0.05)
claim err <= 1
claim γ > 0
claim b >= err
```
"""


def generate(folder):
    rng = np.random.default_rng(20)
    os.makedirs(os.path.join(folder, "nets"))
    inputs = rng.standard_normal((200, 16)).astype(np.float32)
    inputs /= np.linalg.norm(inputs, axis=1, keepdims=True)
    teacher = rng.standard_normal((4, 16)).astype(np.float32)
    labels = np.argmax(inputs @ teacher.T, axis=1).astype(np.int64)
    safetensors(os.path.join(folder, "data.safetensors"), {"inputs": inputs, "labels": labels})
    for i in range(count):
        # A network near the teacher (relu(t·x) − relu(−t·x) = t·x) plus noise that grows with
        # i, so the margins are mostly positive and the checkpoints differ.
        noise = 0.02 + 0.08 * (i % 10) / 10
        fc1 = rng.standard_normal((32, 16)) * noise
        fc1[0:4] += teacher
        fc1[4:8] -= teacher
        fc2 = rng.standard_normal((32, 32)) * noise
        fc2[0:8, 0:8] += np.eye(8)
        fc3 = rng.standard_normal((4, 32)) * noise
        fc3[:, 0:4] += np.eye(4)
        fc3[:, 4:8] -= np.eye(4)
        layers = {"fc1.weight": fc1.astype(np.float32), "fc2.weight": fc2.astype(np.float32), "fc3.weight": fc3.astype(np.float32)}
        safetensors(os.path.join(folder, "nets", f"net{i:04d}.safetensors"), layers)
        with open(os.path.join(folder, f"ck{i:04d}.md"), "w") as f:
            f.write(NOTEBOOK.format(i=i))


def statuses(text):
    return [json.loads(line)["status"] for line in text.splitlines() if line.strip()]


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{platform.node()}: {cpu}, {os.cpu_count()} cores, load average {load:.1f} at the start"


with tempfile.TemporaryDirectory(prefix="boundbook-checkpoints-") as work:
    folder = os.path.join(work, "ck")
    os.makedirs(folder)
    print(machine())
    print(f"generating {count} notebooks and networks ...", flush=True)
    generate(folder)
    start = time.perf_counter()
    subprocess.run([binary, "update", folder, "--jobs", "2"], capture_output=True)
    print(f"update (writes the output regions, not compared): {time.perf_counter() - start:.1f} s", flush=True)

    start = time.perf_counter()
    single = subprocess.run([binary, "check", folder, "--jobs", "2", "--format", "jsonl"], capture_output=True, text=True)
    single_time = time.perf_counter() - start
    found = statuses(single.stdout)
    assert len(found) == count and single.returncode == 0, (single.returncode, single.stderr[-2000:])
    print(f"check --jobs 2: {single_time:.1f} s, {count / single_time:.1f} notebooks/s (all {count} pass)", flush=True)

    cluster = subprocess.run([os.path.join(root, "scripts", "slurm-cluster"), "start"], capture_output=True, text=True)
    if cluster.returncode != 0:
        print(cluster.stdout.strip() or f"skipped: scripts/slurm-cluster start exited {cluster.returncode}")
        sys.exit(0)
    try:
        def array(wait, results):
            """Runs the array; returns (seconds until Slurm reports it done, seconds until the last report was written)."""
            command = ["sbatch", f"--array=0-{tasks - 1}", "--cpus-per-task=1", f"--output={work}/task-%a.log",
                       f"--export=ALL,BOUNDBOOK={binary},RESULTS={results}", os.path.join(root, "scripts", "slurm-check.sbatch"), "ck"]
            start, submitted = time.perf_counter(), time.time()
            if wait:
                done = subprocess.run(command[:1] + ["--wait", "--quiet"] + command[1:], cwd=work, capture_output=True, text=True)
                assert done.returncode == 0, done.stderr
            else:
                job = subprocess.run(command[:1] + ["--parsable"] + command[1:], cwd=work, capture_output=True, text=True, check=True)
                job_id = job.stdout.strip().split(";")[0]
                while subprocess.run(["squeue", "-h", "-j", job_id], capture_output=True, text=True).stdout.strip():
                    time.sleep(0.25)
            elapsed = time.perf_counter() - start
            last = max(os.path.getmtime(os.path.join(results, f"{k}.jsonl")) for k in range(tasks)) - submitted
            return elapsed, last

        results = os.path.join(work, "results")
        array_time, last = array(False, results)
        start = time.perf_counter()
        merge = subprocess.run([binary, "merge", results, "--expect", "ck", "--format", "jsonl"], cwd=work, capture_output=True, text=True)
        merge_time = time.perf_counter() - start
        assert merge.returncode == 0, merge.stderr[-2000:]
        assert statuses(merge.stdout) == found
        per_task = [sum(1 for _ in open(os.path.join(results, f"{k}.jsonl"))) for k in range(tasks)]
        total = array_time + merge_time
        print(f"{tasks}-task array (1 CPU each, {per_task} notebooks), watched with squeue every 0.25 s: {array_time:.1f} s "
              f"(last report written at {last:.1f} s), merge {merge_time:.1f} s; {count / total:.1f} notebooks/s", flush=True)
        print(f"array overhead against --jobs 2: {total - single_time:+.1f} s ({(total / single_time - 1) * 100:+.0f} %)", flush=True)
        wait_time, wait_last = array(True, os.path.join(work, "results-wait"))
        print(f"the same array with sbatch --wait: {wait_time:.1f} s (last report written at {wait_last:.1f} s; the rest is "
              f"sbatch's polling interval)")
    finally:
        subprocess.run([os.path.join(root, "scripts", "slurm-cluster"), "stop"])

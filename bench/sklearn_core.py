"""scikit-learn side of bench/kmeans.bench.ts and bench/silhouette.bench.ts, one measurement per process.

  .venv/bin/python bench/sklearn_core.py kmeans <data.bin> <init.bin> <d> <max_iter> <repeats>
  .venv/bin/python bench/sklearn_core.py kmeans-e2e <data.bin> <k> <d> <seed> <repeats>
  .venv/bin/python bench/sklearn_core.py kmeans-init <data.bin> <k> <d> <seed> <repeats>
  .venv/bin/python bench/sklearn_core.py silhouette <data.bin> <labels.bin> <d> <repeats>
`kmeans`: Lloyd from the given centres, tol = 0. `kmeans-e2e`: k-means++ then Lloyd with the defaults
(max_iter 300, tol 1e-4), n_init = 1, one fit per seed (seed, seed + 1, …; the median iterations are reported).
`kmeans-init`: `kmeans_plusplus` alone (seeded). Prints one JSON line: {"times": [...ms], "peakMb": ..., "blas": ..., ...}.
Uses scikit-learn's default threading (all cores); run it through bench/reference.ts for a fair environment.
"""
import json
import resource
import sys
import time

import numpy as np
from sklearn.cluster import KMeans, kmeans_plusplus
from sklearn.metrics import silhouette_score

from blas_info import blas_info

mode, data_file, aux, d = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
X = np.fromfile(data_file, dtype="<f8").reshape(-1, d)
times = []
out = {}
if mode == "kmeans":
    max_iter, repeats = int(sys.argv[5]), int(sys.argv[6])
    init = np.fromfile(aux, dtype="<f8").reshape(-1, d)
    for _ in range(repeats):
        t0 = time.perf_counter()
        km = KMeans(n_clusters=len(init), init=init, n_init=1, algorithm="lloyd", max_iter=max_iter, tol=0).fit(X)
        times.append((time.perf_counter() - t0) * 1000)
    out = {"iterations": int(km.n_iter_), "inertia": float(km.inertia_)}
elif mode == "kmeans-e2e":
    k, seed, repeats = int(aux), int(sys.argv[5]), int(sys.argv[6])
    iterations, inertia = [], None
    for r in range(repeats):  # one fit per seed, as bench/kmeans-child.ts does
        t0 = time.perf_counter()
        km = KMeans(n_clusters=k, init="k-means++", n_init=1, algorithm="lloyd", random_state=seed + r).fit(X)
        times.append((time.perf_counter() - t0) * 1000)
        iterations.append(int(km.n_iter_))
        inertia = float(km.inertia_) if inertia is None else inertia
    out = {"iterations": sorted(iterations)[repeats // 2], "inertia": inertia}
elif mode == "kmeans-init":
    k, seed, repeats = int(aux), int(sys.argv[5]), int(sys.argv[6])
    for _ in range(repeats):
        t0 = time.perf_counter()
        kmeans_plusplus(X, k, random_state=seed)
        times.append((time.perf_counter() - t0) * 1000)
    out = {"iterations": 0, "inertia": 0.0}
elif mode == "silhouette":
    repeats = int(sys.argv[5])
    labels = np.fromfile(aux, dtype="<i4")
    for _ in range(repeats):
        t0 = time.perf_counter()
        score = silhouette_score(X, labels)
        times.append((time.perf_counter() - t0) * 1000)
    out = {"score": float(score)}
else:
    raise SystemExit(f"unknown mode {mode}")
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"times": times, "peakMb": peak_mb, "blas": blas_info(), **out}))

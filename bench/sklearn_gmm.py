"""scikit-learn side of bench/gmm.bench.ts, one measurement per process.

  .venv/bin/python bench/sklearn_gmm.py <data.bin> <init.json> <d> <max_iter> <repeats> [<covariance_type>]
Fits GaussianMixture(covariance_type=<covariance_type, default "full">, tol=0) from the given weights/means/precisions; init_params is
"random_from_data" so that the (overridden) default start costs one M-step, not a k-means run.
Prints one JSON line: {"times": [...ms], "peakMb": ..., "iterations": ..., "score": ..., "blas": ...}.
Run it through bench/reference.ts for a fair environment.
"""
import json
import resource
import sys
import time
import warnings

import numpy as np
from sklearn.mixture import GaussianMixture

from blas_info import blas_info

data_file, init_file, d, max_iter, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
X = np.fromfile(data_file, dtype="<f8").reshape(-1, d)
covariance_type = sys.argv[6] if len(sys.argv) > 6 else "full"
init = json.loads(open(init_file).read())
warnings.simplefilter("ignore")  # tol=0 never converges: silence the ConvergenceWarning
times = []
for _ in range(repeats):
    t0 = time.perf_counter()
    gm = GaussianMixture(
        n_components=len(init["weights"]),
        covariance_type=covariance_type,
        tol=0,
        max_iter=max_iter,
        init_params="random_from_data",
        weights_init=np.array(init["weights"]),
        means_init=np.array(init["means"]),
        precisions_init=np.array(init["precisions"]),
        random_state=0,
    ).fit(X)
    times.append((time.perf_counter() - t0) * 1000)
score = float(gm.score(X))
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"times": times, "peakMb": peak_mb, "iterations": int(gm.n_iter_), "score": score, "blas": blas_info()}))

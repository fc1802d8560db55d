"""Time lifetimes' BetaGeoFitter.fit on a purchase-history CSV (frequency, recency, T); prints one JSON line
{ times, peakMb, params, logLikelihood, blas } on stdout. Run it through bench/reference.ts (fair environment).
    .venv/bin/python bench/lifetimes_bgnbd.py <history.csv> <repeats>
"""
import json
import resource
import sys
import time
import warnings

import numpy as np
import pandas as pd
from lifetimes import BetaGeoFitter

from blas_info import blas_info

warnings.filterwarnings("ignore")
data = pd.read_csv(sys.argv[1])
times = []
for _ in range(int(sys.argv[2])):
    t0 = time.perf_counter()
    bgf = BetaGeoFitter().fit(data["frequency"], data["recency"], data["T"])
    times.append((time.perf_counter() - t0) * 1000)
ll = float(-bgf._negative_log_likelihood_ * len(data) + np.log(bgf._scale) * data["frequency"].sum())
print(json.dumps({
    "times": times,
    "peakMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "params": {k: float(v) for k, v in bgf.params_.items()},
    "logLikelihood": ll,
    "blas": blas_info(),
}))

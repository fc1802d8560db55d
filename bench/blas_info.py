"""The BLAS / OpenMP libraries a reference process runs with, as threadpoolctl sees them (call after the imports
that load them): one string such as "openblas SkylakeX 2 threads; openmp 2 threads"."""
from threadpoolctl import threadpool_info


def blas_info():
    parts = []
    for pool in threadpool_info():
        kernel = pool.get("architecture") or ""
        parts.append(" ".join(p for p in (pool["internal_api"], kernel, f"{pool['num_threads']} threads") if p))
    return "; ".join(parts)

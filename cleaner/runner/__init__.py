"""Running many records: per-item cleaning, the worker pool, output shards and resume, signals, the
Dask engine, progress.
"""

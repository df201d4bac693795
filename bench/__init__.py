"""Benchmarks (`make bench`): throughput, latency and memory of the runners; never in tests."""

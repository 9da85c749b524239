"""Benchmarks: `make bench` runs every bench/bench_*.py; each prints `name: value unit` lines."""

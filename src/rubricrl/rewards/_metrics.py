"""Prometheus metrics of one service instance (own registry: several apps may share a process)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest


class ServiceMetrics:
    """Counters, a latency histogram and gauges, exported at ``/metrics``."""

    def __init__(self) -> None:
        """Create the metrics in a fresh registry."""
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "rubricrl_requests",
            "HTTP requests by endpoint and status code.",
            ["endpoint", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "rubricrl_request_seconds",
            "Request latency by endpoint.",
            ["endpoint"],
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
            registry=self.registry,
        )
        self.samples = Counter(
            "rubricrl_samples",
            "Graded samples by outcome (scored or abstained).",
            ["outcome"],
            registry=self.registry,
        )
        self.inflight = Gauge(
            "rubricrl_inflight_samples", "Samples being graded now.", registry=self.registry
        )
        self.cache_hits = Gauge(
            "rubricrl_row_cache_hits", "Reward-row cache hits.", registry=self.registry
        )
        self.judge_calls = Gauge(
            "rubricrl_judge_calls", "Judge calls made by the engine.", registry=self.registry
        )

    def render(self) -> bytes:
        """The text exposition format."""
        return generate_latest(self.registry)

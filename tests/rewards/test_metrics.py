from __future__ import annotations

from rubricrl.rewards._metrics import ServiceMetrics


def test_each_instance_has_its_own_registry_and_renders_text() -> None:
    first, second = ServiceMetrics(), ServiceMetrics()
    first.requests.labels("score", "200").inc()
    first.samples.labels("abstained").inc(3)
    text = first.render().decode()
    assert 'rubricrl_requests_total{endpoint="score",status="200"} 1.0' in text
    assert 'rubricrl_samples_total{outcome="abstained"} 3.0' in text
    assert "rubricrl_requests_total{" not in second.render().decode()

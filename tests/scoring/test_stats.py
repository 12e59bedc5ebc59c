from rubricrl.scoring import RunStats


def test_summary_percentiles() -> None:
    stats = RunStats()
    for i in range(1, 101):
        stats.record_latency(i / 100)
    summary = stats.summary()
    assert abs(float(summary["latency_p50_s"]) - 0.505) < 1e-9  # type: ignore[arg-type]
    assert "latencies_s" not in summary

"""Load benchmark of `rubricrl serve` on the cache-hit path (8-sample batches).

The server runs as its own process (fake judge; rows already graded, so requests are answered
from the row cache); this script is the aiohttp client in a separate process. For each
concurrency level it sends requests for a fixed duration and records requests/s and latency
percentiles. Baseline in the same run: GET /health at the same concurrency (the HTTP stack's
floor on this machine). Target from issue 4: >= 1,000 requests/s at p99 <= 50 ms.

    python benchmarks/service_load.py [--duration 10] [--concurrency 8 16 32]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
import numpy as np

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "service_load.json"
BATCH = 8
DISTINCT_BATCHES = 64


def start_server(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    config = {
        "port": 0,
        "rubric_dir": [str(REPO / "rubrics")],
        "judge": "fake:approve",
        "log_level": "warning",
        "max_inflight_samples": 100_000,
    }
    (tmp / "serve.json").write_text(json.dumps(config))
    out = (tmp / "stdout").open("wb")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("RUBRICRL_SERVE_TOKEN", None)
    cmd = [sys.executable, "-m", "rubricrl", "serve", "--config", str(tmp / "serve.json")]
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        text = (tmp / "stdout").read_text()
        if "\n" in text:
            return proc, text.split("\n", 1)[0].removeprefix("listening on ")
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError("server did not start")


def bodies() -> list[bytes]:
    result = []
    for b in range(DISTINCT_BATCHES):
        samples = [
            {"id": str(i), "prompt": f"Write about topic {b}.", "response": f"Answer {b}-{i}."}
            for i in range(BATCH)
        ]
        result.append(json.dumps({"rubric": "writing_quality", "samples": samples}).encode())
    return result


async def load(
    url: str, method: str, payloads: list[bytes], concurrency: int, duration_s: float
) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + duration_s
    connector = aiohttp.TCPConnector(limit=concurrency)
    headers = {"Content-Type": "application/json"}
    async with aiohttp.ClientSession(connector=connector, headers=headers) as session:

        async def worker(offset: int) -> None:
            nonlocal errors
            n = offset
            while time.perf_counter() < stop:
                start = time.perf_counter()
                body = payloads[n % len(payloads)] if payloads else None
                async with session.request(method, url, data=body) as resp:
                    await resp.read()
                    if resp.status != 200:
                        errors += 1
                latencies.append(time.perf_counter() - start)
                n += 1

        began = time.perf_counter()
        await asyncio.gather(*(worker(i) for i in range(concurrency)))
        elapsed = time.perf_counter() - began
    lat_ms = np.asarray(latencies) * 1000
    return {
        "concurrency": concurrency,
        "requests": len(latencies),
        "errors": errors,
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(float(np.percentile(lat_ms, 50)), 2),
        "p99_ms": round(float(np.percentile(lat_ms, 99)), 2),
    }


async def warm(url: str, payloads: list[bytes]) -> None:
    async with aiohttp.ClientSession(headers={"Content-Type": "application/json"}) as session:
        for body in payloads:
            async with session.post(url, data=body) as resp:
                assert resp.status == 200, await resp.text()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[8, 16, 32])
    args = parser.parse_args()
    payloads = bodies()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        proc, base = start_server(Path(tmp))
        try:
            asyncio.run(warm(base + "/v1/score", payloads))
            runs = []
            for concurrency in args.concurrency:
                health = asyncio.run(load(base + "/health", "GET", [], concurrency, args.duration))
                score = asyncio.run(
                    load(base + "/v1/score", "POST", payloads, concurrency, args.duration)
                )
                runs.append({"baseline_health": health, "score_cache_hit": score})
                print(json.dumps(runs[-1]), flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    best = max(
        (r["score_cache_hit"] for r in runs if r["score_cache_hit"]["p99_ms"] <= 50),
        key=lambda r: r["requests_per_s"],
        default=None,
    )
    result = {
        "benchmark": "service_load",
        "path": "cache hit, 8-sample batches, POST /v1/score",
        "target": {"requests_per_s": 1000, "p99_ms": 50},
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_1m_before_after": [
                round(load_before[0], 1),
                round(os.getloadavg()[0], 1),
            ],
        },
        "duration_s_per_level": args.duration,
        "runs": runs,
        "best_within_p99_target": best,
        "meets_target": bool(best and best["requests_per_s"] >= 1000),
        "note": "client and server share this machine's CPUs",
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({"best": best, "meets_target": result["meets_target"]}))


if __name__ == "__main__":
    main()

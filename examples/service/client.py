"""Runnable: start `rubricrl serve` with the fake judge, score a batch, print the rows.

PYTHONPATH=src python examples/service/client.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.request

server = subprocess.Popen(
    [sys.executable, "-m", "rubricrl", "serve", "--rubric", "rubrics", "--judge", "fake:random",
     "--port", "0"],
    stdout=subprocess.PIPE, text=True,
)  # fmt: skip
try:
    url = server.stdout.readline().split()[-1] if server.stdout else ""
    body = {
        "rubric": "writing_quality",
        "samples": [
            {"id": "a", "prompt": "Write a haiku about snow.", "response": "Snow on quiet pines."},
            {"id": "b", "prompt": "Write a haiku about snow.", "response": "ok"},
        ],
    }
    request = urllib.request.Request(
        url + "/v1/score", json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request) as reply:
        rows = json.load(reply)["rows"]
    for row in rows:
        print(row["id"], row["reward"], [c["score"] for c in row["criteria"]])
    print(f"{(time.perf_counter() - started) * 1000:.1f} ms")
finally:
    server.terminate()
    server.wait(timeout=30)

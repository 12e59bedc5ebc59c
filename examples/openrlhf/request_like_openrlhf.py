"""Runnable: send what OpenRLHF sends to --remote_rm_url and print what it gets back.

Starts `rubricrl serve` with the fake judge on a free port, then POSTs OpenRLHF's remote
reward-model body (`query` = prompt + response text, `prompts`, `labels`).

    PYTHONPATH=src python examples/openrlhf/request_like_openrlhf.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request

server = subprocess.Popen(
    [sys.executable, "-m", "rubricrl", "serve", "--rubric", "rubrics", "--judge", "fake:random",
     "--port", "0", "--openrlhf-rubric", "writing_quality"],
    stdout=subprocess.PIPE, text=True,
)  # fmt: skip
try:
    url = server.stdout.readline().split()[-1] if server.stdout else ""
    prompt = "<|user|>Write a haiku about snow.<|assistant|>"
    body = {
        "query": [prompt + "Snow on quiet pines, the hush of the world at rest."],
        "prompts": [prompt],
        "labels": ["writing_quality"],
    }
    request = urllib.request.Request(
        url + "/v1/openrlhf", json.dumps(body).encode(), {"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request) as reply:
        print(json.dumps(json.load(reply), indent=2))
finally:
    server.terminate()
    server.wait(timeout=30)

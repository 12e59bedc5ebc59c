"""Offline test helpers: a loopback OpenAI-compatible fake judge server with fault injection.

Use it to test rubrics, retries and abstention without a model:
:class:`FakeOpenAIServer` runs in the current event loop, :class:`FakeServerProcess` as a child
process (``python -m rubricrl.testing.fake_openai_server`` prints its URL on the first line).
"""

from rubricrl.testing._faults import CONTENT_FAULTS, DEFAULT_FAULT_MIX, FAULT_KINDS, FaultPlan
from rubricrl.testing._process import FakeServerProcess
from rubricrl.testing._server import FakeOpenAIServer, FakeServerConfig, serve

__all__ = [
    "CONTENT_FAULTS",
    "DEFAULT_FAULT_MIX",
    "FAULT_KINDS",
    "FakeOpenAIServer",
    "FakeServerConfig",
    "FakeServerProcess",
    "FaultPlan",
    "serve",
]

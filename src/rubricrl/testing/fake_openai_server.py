"""Command-line entry point of the fake OpenAI-compatible judge server.

``python -m rubricrl.testing.fake_openai_server --port 0 --latency-ms 50 --policy approve``
prints the server's ``/v1`` URL as the first stdout line, then serves until SIGTERM/SIGINT.
``--help`` lists every flag (one per :class:`~rubricrl.testing.FakeServerConfig` field).
"""

import sys

from rubricrl.testing._server import FakeOpenAIServer, FakeServerConfig, main, serve

__all__ = ["FakeOpenAIServer", "FakeServerConfig", "main", "serve"]

if __name__ == "__main__":
    sys.exit(main())

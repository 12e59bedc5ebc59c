"""The HTTP reward service (``rubricrl serve``): public entry point.

``create_app(config)`` builds the FastAPI app (``POST /v1/score``, ``POST /v1/openrlhf``,
``GET /health``, ``/ready``, ``/metrics``, ``/openapi.json``); ``serve(config)`` runs it under
uvicorn with a graceful shutdown. Needs the ``serve`` extra (fastapi, uvicorn,
prometheus-client).
"""

from rubricrl.rewards._app import ScoreReply, ScoreRequest, create_app
from rubricrl.rewards._serve import serve
from rubricrl.rewards._service import Admission, RewardService, RowCache

__all__ = [
    "Admission",
    "RewardService",
    "RowCache",
    "ScoreReply",
    "ScoreRequest",
    "create_app",
    "serve",
]

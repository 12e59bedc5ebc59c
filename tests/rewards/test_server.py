"""The app in-process (FastAPI TestClient, lifespan included): fast checks of the routes."""

from __future__ import annotations

from fastapi.testclient import TestClient

from rubricrl.rewards import ServeConfig
from rubricrl.rewards.server import create_app
from tests.rewards.conftest import RUBRICS


def test_routes_lifespan_and_scoring_in_process() -> None:
    app = create_app(ServeConfig(rubric_dir=[RUBRICS], judge="fake:approve"))
    with TestClient(app) as client:
        assert client.get("/ready").json() == {"status": "ready"}
        reply = client.post(
            "/v1/score",
            json={
                "rubric": "plain_narrative",
                "samples": [{"id": "a", "prompt": "P", "response": "R."}],
            },
        )
        assert reply.status_code == 200 and reply.json()["rows"][0]["id"] == "a"
        dup = {
            "rubric": "plain_narrative",
            "samples": [{"id": "a", "prompt": "", "response": ""}] * 2,
        }
        assert client.post("/v1/score", json=dup).status_code == 400
        schema = client.get("/openapi.json").json()
        body = schema["paths"]["/v1/score"]["post"]["requestBody"]
        assert "samples" in str(body)
    assert app.state.service.engine is None  # closed by the lifespan


def test_inline_rubrics_can_be_disabled() -> None:
    config = ServeConfig(rubric_dir=[RUBRICS], judge="fake:approve", allow_inline_rubrics=False)
    with TestClient(create_app(config)) as client:
        inline = {"id": "i", "criteria": [{"id": "c", "description": "C."}]}
        reply = client.post(
            "/v1/score",
            json={"rubric": inline, "samples": [{"id": "a", "prompt": "", "response": ""}]},
        )
        assert reply.status_code == 400 and "disabled" in reply.json()["error"]

import pytest

from rubricrl.judges import FakeJudge, JudgeSpecError, OpenAIJudge, resolve_judge


def test_fake_and_openai_specs() -> None:
    assert isinstance(resolve_judge("fake:reject"), FakeJudge)
    judge = resolve_judge("openai:qwen@http://127.0.0.1:8000/v1")
    assert isinstance(judge, OpenAIJudge) and judge.model == "qwen"
    assert judge.base_url == "http://127.0.0.1:8000/v1"


@pytest.mark.parametrize(
    "spec", ["nope", "fake:maybe", "openai:qwen", "openai:@http://x", "openai:m@ftp://x"]
)
def test_bad_specs(spec: str) -> None:
    with pytest.raises(JudgeSpecError):
        resolve_judge(spec)


def test_api_key_not_in_repr_or_id(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUBRICRL_API_KEY", "sk-secret-123")
    judge = resolve_judge("openai:m@http://127.0.0.1:1/v1")
    assert "sk-secret" not in repr(judge) and "sk-secret" not in judge.id

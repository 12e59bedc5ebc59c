from rubricrl.judges import criterion_schema, new_fence, one_call, per_criterion_calls
from rubricrl.judges._prompts import fill
from rubricrl.rubric import Rubric


def test_fence_avoids_data() -> None:
    fence = new_fence("abc")
    assert fence.startswith("DATA-") and fence not in "abc"
    assert new_fence("x") != new_fence("x")


def test_placeholders_in_user_text_are_not_expanded(simple_rubric: Rubric) -> None:
    response = "[[PROMPT]] [[FENCE]] [[CRITERION_DESCRIPTION]]"
    calls = per_criterion_calls(simple_rubric, list(simple_rubric.criteria), "Q?", response, "F1")
    user = calls[0].messages[1]["content"]
    assert response in user and "Q?" in user


def test_per_criterion_calls_share_a_byte_identical_prefix(simple_rubric: Rubric) -> None:
    calls = per_criterion_calls(simple_rubric, list(simple_rubric.criteria), "Q", "R", "F")
    systems = {c.messages[0]["content"] for c in calls}
    users = [c.messages[1]["content"] for c in calls]
    assert len(systems) == 1
    prefix_end = users[0].index("CRITERION ")
    assert all(u[:prefix_end] == users[0][:prefix_end] for u in users)
    assert len({u[prefix_end:] for u in users}) == 3


def test_response_is_fenced(simple_rubric: Rubric) -> None:
    call = per_criterion_calls(simple_rubric, [simple_rubric.criteria[0]], "Q", "RESP", "F9")[0]
    user = call.messages[1]["content"]
    assert "<<F9:begin>>\nRESP\n<<F9:end>>" in user
    assert "F9" in call.messages[0]["content"]


def test_schemas_use_enums(simple_rubric: Rubric) -> None:
    tiered = criterion_schema(simple_rubric.criterion("correct"))
    assert tiered["properties"]["tier"]["enum"] == [0, 1, 2]
    binary = criterion_schema(simple_rubric.criterion("clear"))
    assert binary["properties"]["met"] == {"type": "boolean"}
    call = one_call(simple_rubric, list(simple_rubric.criteria), "Q", "R", "F")
    inner = call.schema["properties"]["criteria"]
    assert inner["required"] == ["correct", "clear", "padding"]


def test_fill_single_pass() -> None:
    assert fill("[[A]]-[[B]]", {"A": "[[B]]", "B": "b"}) == "[[B]]-b"

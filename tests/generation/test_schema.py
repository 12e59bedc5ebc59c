import pytest

from rubricrl.generation import GenerationError, rubric_from_reply, rubric_schema

HEADER = {"id": "g", "granularity": "dataset"}


def slot(text, importance="essential", **extra):
    return {"description": text, "importance": importance, **extra}


def test_schema_is_enum_constrained_with_fixed_slots():
    schema = rubric_schema(3, tiered=True)
    slots = schema["properties"]["criteria"]["properties"]
    assert list(slots) == ["c1", "c2", "c3"]
    assert slots["c1"]["properties"]["importance"]["enum"][0] == "omit"
    assert slots["c1"]["properties"]["tiers"]["required"] == ["poor", "fair", "good"]
    assert schema["additionalProperties"] is False


def test_importance_sets_weight_and_omit_skips():
    obj = {
        "description": "d",
        "criteria": {
            "c1": slot("Names the capital city."),
            "c2": slot("", "omit"),
            "c3": slot("Invents a population figure.", "pitfall"),
        },
    }
    rubric = rubric_from_reply(obj, HEADER, tiered=False)
    assert [(c.id, c.weight) for c in rubric.criteria] == [("c1", 3.0), ("c3", -2.0)]


@pytest.mark.parametrize(
    ("criteria", "reason"),
    [
        ({"c1": slot("")}, "empty_description"),
        ({"c1": slot("short")}, "empty_description"),
        ({"c1": slot("", "omit")}, "no_criteria"),
        ({"c1": slot("Invents statistics freely.", "pitfall")}, "no_positive_criterion"),
        ({"c1": slot("Names the city.", "critical")}, "bad_importance"),
        ({"c1": slot("Uses {{ user }} template syntax.")}, "invalid_rubric"),
        ({"c1": "not an object"}, "wrong_type"),
        (
            {"c1": slot("SAMPLE PROMPT 1: SAMPLE PROMPT 2: SAMPLE PROMPT 3: SAMPLE PROMPT 4")},
            "degenerate_text",
        ),
    ],
)
def test_invalid_replies_are_rejected_with_reason(criteria, reason):
    with pytest.raises(GenerationError) as info:
        rubric_from_reply({"description": "", "criteria": criteria}, HEADER, tiered=False)
    assert info.value.reason == reason


def test_verbatim_repeats_keep_the_first_copy():
    obj = {
        "description": "",
        "criteria": {
            "c1": slot("Names the city."),
            "c2": slot("names the  city"),
            "c3": slot("Is polite always."),
        },
    }
    rubric = rubric_from_reply(obj, HEADER, tiered=False)
    assert [c.id for c in rubric.criteria] == ["c1", "c3"]


def test_tiered_reply_needs_tier_texts():
    tiers = {"poor": "Wrong city.", "fair": "Right country.", "good": "Paris."}
    obj = {"description": "", "criteria": {"c1": slot("Names the capital.", tiers=tiers)}}
    criterion = rubric_from_reply(obj, HEADER, tiered=True).criteria[0]
    assert criterion.kind == "tiered" and criterion.tier_scores == [0, 1, 2]
    obj["criteria"]["c1"]["tiers"]["fair"] = " "
    with pytest.raises(GenerationError, match="empty_description"):
        rubric_from_reply(obj, HEADER, tiered=True)

import json
import time
from pathlib import Path

import pytest

from rubricrl.rubric import (
    RubricError,
    dump_rubric_yaml,
    load_rubric,
    load_rubrics,
    loads_rubric,
    rubric_json_schema,
)

from ..conftest import REPO

GOOD = """
id: demo
criteria:
  - id: c1
    description: Is correct.
    kind: tiered
    tiers:
      - {score: 0, description: wrong}
      - {score: 1, description: right}
"""


def test_load_good_yaml_and_json_agree() -> None:
    rubric = loads_rubric(GOOD)
    again = loads_rubric(json.dumps(rubric.model_dump(mode="json")), fmt="json")
    assert again.content_hash == rubric.content_hash


def test_yaml_round_trip_keeps_hash() -> None:
    rubric = loads_rubric(GOOD)
    assert loads_rubric(dump_rubric_yaml(rubric)).content_hash == rubric.content_hash


@pytest.mark.parametrize("path", sorted((REPO / "rubrics").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_rubrics_load(path: Path) -> None:
    assert load_rubric(path).criteria


def test_error_names_path_inside_file(tmp_path: Path) -> None:
    bad = GOOD.replace("{score: 1, description: right}", "{score: x, description: right}")
    file = tmp_path / "bad.yaml"
    file.write_text(bad)
    with pytest.raises(RubricError) as error:
        load_rubric(file)
    message = str(error.value)
    assert str(file) in message and "criteria[0].tiers[1].score" in message
    assert "\n" not in message


HOSTILE = {
    "alias_bomb": "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n",
    "python_tag": "id: !!python/object/apply:os.system ['echo hi']\ncriteria: []\n",
    "duplicate_key": "id: a\nid: b\ncriteria: []\n",
    "nan_weight": "id: r\ncriteria:\n  - {id: c, description: d, weight: .nan}\n",
    "inf_weight": "id: r\ncriteria:\n  - {id: c, description: d, weight: .inf}\n",
    "template": "id: r\ncriteria:\n  - {id: c, description: 'Say {% raw %}'}\n",
    "deep_nesting": "id: r\ncriteria: " + "[" * 5000 + "]" * 5000 + "\n",
    "not_mapping": "- just\n- a list\n",
    "extra_field": "id: r\nevil: 1\ncriteria:\n  - {id: c, description: d}\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_yaml_rejected_quickly(name: str) -> None:
    started = time.perf_counter()
    with pytest.raises(RubricError) as error:
        loads_rubric(HOSTILE[name], source=name)
    assert time.perf_counter() - started < 5
    assert str(error.value).startswith(name) and "\n" not in str(error.value)


def test_python_tag_does_not_execute(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = f"id: !!python/object/apply:os.system ['touch {marker}']\ncriteria: []\n"
    with pytest.raises(RubricError):
        loads_rubric(text)
    assert not marker.exists()


def test_json_nan_and_duplicates_rejected() -> None:
    with pytest.raises(RubricError, match="NaN"):
        loads_rubric(
            '{"id": "r", "criteria": [{"id": "c", "description": "d", "weight": NaN}]}', fmt="json"
        )
    with pytest.raises(RubricError, match="duplicate key"):
        loads_rubric('{"id": "r", "id": "s", "criteria": []}', fmt="json")


def test_invalid_utf8_and_huge_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"id: r\xff\xfe\n")
    with pytest.raises(RubricError, match="UTF-8"):
        load_rubric(bad)
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"#" * (3 * 1024 * 1024))
    with pytest.raises(RubricError, match="larger than"):
        load_rubric(huge)


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(RubricError, match="cannot read"):
        load_rubric(tmp_path / "nope.yaml")


def test_load_rubrics_directory_and_duplicate_ids(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD)
    assert list(load_rubrics([tmp_path])) == ["demo"]
    (tmp_path / "b.yaml").write_text(GOOD)
    with pytest.raises(RubricError, match="loaded twice"):
        load_rubrics([tmp_path])


def test_json_schema_exported() -> None:
    schema = rubric_json_schema()
    assert "criteria" in schema["properties"]

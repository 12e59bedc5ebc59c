import sqlite3

import pytest

from rubricrl.rubric import Criterion, Rubric
from rubricrl.rubric._bank_store import INSERT_SQL, connect, entries_for, row_values


def test_schema_has_indexes_and_checks_source(tmp_path):
    db = connect(tmp_path / "s.db")
    indexes = {row[1] for row in db.execute("SELECT * FROM sqlite_master WHERE type='index'")}
    assert {"rubrics_hash", "rubrics_source", "tags_rid"} <= indexes
    rubric = Rubric(id="r", criteria=[Criterion(id="c", description="Is polite.")])
    values = list(row_values(rubric, "p"))
    values[3] = "alien"
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(INSERT_SQL, values)


def test_entries_keep_requested_order_and_tags(tmp_path):
    db = connect(tmp_path / "s.db")
    rids = []
    for name in ("a", "b"):
        rubric = Rubric(id=name, criteria=[Criterion(id="c", description="Is polite.")])
        rids.append(db.execute(INSERT_SQL, row_values(rubric, None)).lastrowid)
    db.execute("INSERT INTO tags (tag, rid) VALUES ('x', ?)", (rids[1],))
    entries = entries_for(db, [rids[1], rids[0], 999])
    assert [e.id for e in entries] == ["b", "a"] and entries[0].tags == ("x",)
    assert entries_for(db, []) == []

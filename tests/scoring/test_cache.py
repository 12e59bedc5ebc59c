import sqlite3
from pathlib import Path

from rubricrl.rubric import CriterionScore
from rubricrl.scoring import GradingCache, cache_key


def test_cache_key_is_length_prefixed() -> None:
    assert cache_key("ab", "c") != cache_key("a", "bc")
    assert cache_key("x") == cache_key("x")


def test_put_get_flush_and_persist(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    cache = GradingCache(path, flush_every=2)
    score = CriterionScore(id="c", score=0.5, tier=1)
    cache.put("k1", score)
    got = cache.get_many(["k1", "k2"])  # served from the pending buffer
    assert list(got) == ["k1"] and got["k1"].cached and got["k1"].score == 0.5
    cache.put("k2", score)  # triggers a flush
    cache.put("bad", CriterionScore.unscored("c", "timeout"))  # never stored
    cache.close()
    again = GradingCache(path)
    assert set(again.get_many(["k1", "k2", "bad"])) == {"k1", "k2"} and len(again) == 2
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_item_entries_round_trip_and_skip_failures(tmp_path: Path) -> None:
    cache = GradingCache(tmp_path / "c.db")
    scores = [CriterionScore(id="a", score=1.0), CriterionScore(id="b", score=0.0)]
    cache.put_item("item", scores)
    cache.put_item("bad", [scores[0], CriterionScore.unscored("b", "timeout")])
    cache.close()
    again = GradingCache(tmp_path / "c.db")
    got = again.get_item("item")
    assert got is not None and [s.id for s in got] == ["a", "b"] and all(s.cached for s in got)
    assert again.get_item("bad") is None

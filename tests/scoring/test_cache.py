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

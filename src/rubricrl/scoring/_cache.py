"""SQLite cache of criterion grades (WAL), keyed by everything that determines a grade.

Key = sha256(judge id, template version, mode, rubric hash, prompt, response) + ":" + criterion id.
Only ``ok`` grades are stored: an abstention is retried on the next run, never replayed.
Writes are buffered and committed in batches (one transaction per flush), because a commit per
grade would dominate the cost; reads fetch all criteria of one response in one query. The
SQLite calls are short local-disk operations made from the event-loop thread on purpose: a
thread hop would cost more than the call (measured in benchmarks/engine_throughput.py).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from rubricrl.rubric import CriterionScore

_SCHEMA = """
CREATE TABLE IF NOT EXISTS grades (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
"""


def cache_key(*parts: str) -> str:
    """sha256 over length-prefixed parts (so ("ab","c") and ("a","bc") differ)."""
    digest = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8", errors="surrogatepass")
        digest.update(len(encoded).to_bytes(8, "little"))
        digest.update(encoded)
    return digest.hexdigest()


class GradingCache:
    """A persistent map from cache key to CriterionScore."""

    def __init__(self, path: str | Path, flush_every: int = 256) -> None:
        """Open (creating if needed) the cache database at ``path``."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)
        self._pending: dict[str, str] = {}
        self.flush_every = flush_every

    def get_many(self, keys: list[str]) -> dict[str, CriterionScore]:
        """Return the cached grades among ``keys`` (pending writes included)."""
        found: dict[str, CriterionScore] = {}
        missing = []
        for key in keys:
            if key in self._pending:
                found[key] = CriterionScore.model_validate_json(self._pending[key])
            else:
                missing.append(key)
        if missing:
            marks = ",".join("?" * len(missing))
            query = f"SELECT key, value FROM grades WHERE key IN ({marks})"  # noqa: S608
            for key, value in self._db.execute(query, missing):
                found[key] = CriterionScore.model_validate_json(value)
        return found

    def put(self, key: str, score: CriterionScore) -> None:
        """Buffer one ok grade; flushed in batches."""
        if score.status != "ok":
            return
        # Stored already marked as cached, so the hot read path needs no copy.
        self._pending[key] = score.model_copy(update={"cached": True}).model_dump_json()
        if len(self._pending) >= self.flush_every:
            self.flush()

    def put_many(self, entries: Iterable[tuple[str, CriterionScore]]) -> None:
        """Buffer several grades."""
        for key, score in entries:
            self.put(key, score)

    def flush(self) -> None:
        """Write buffered grades in one transaction."""
        if not self._pending:
            return
        rows = list(self._pending.items())
        self._db.execute("BEGIN")
        self._db.executemany("INSERT OR REPLACE INTO grades (key, value) VALUES (?, ?)", rows)
        self._db.execute("COMMIT")
        self._pending.clear()

    def __len__(self) -> int:
        self.flush()
        count: int = self._db.execute("SELECT COUNT(*) FROM grades").fetchone()[0]
        return count

    def close(self) -> None:
        """Flush and close."""
        self.flush()
        self._db.close()

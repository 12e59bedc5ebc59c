"""SQLite schema and row mapping for the rubric bank (WAL journal, real indexes)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rubricrl.rubric._models import Rubric

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rubrics (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    version TEXT NOT NULL,
    hash TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('human', 'llm', 'hybrid')),
    granularity TEXT NOT NULL,
    task TEXT,
    prompt_id TEXT,
    prompt TEXT,
    parent_id TEXT,
    parent_version TEXT,
    note TEXT,
    n_criteria INTEGER NOT NULL,
    created_at REAL NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (id, version)
);
CREATE INDEX IF NOT EXISTS rubrics_hash ON rubrics (hash);
CREATE INDEX IF NOT EXISTS rubrics_source ON rubrics (source);
CREATE INDEX IF NOT EXISTS rubrics_task ON rubrics (task);
CREATE INDEX IF NOT EXISTS rubrics_prompt_id ON rubrics (prompt_id);
CREATE TABLE IF NOT EXISTS tags (
    tag TEXT NOT NULL,
    rid INTEGER NOT NULL REFERENCES rubrics (rid) ON DELETE CASCADE,
    PRIMARY KEY (tag, rid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tags_rid ON tags (rid);
CREATE TABLE IF NOT EXISTS embeddings (
    embedder TEXT NOT NULL,
    rid INTEGER NOT NULL REFERENCES rubrics (rid) ON DELETE CASCADE,
    vec BLOB NOT NULL,
    PRIMARY KEY (embedder, rid)
) WITHOUT ROWID;
"""

ENTRY_COLUMNS = (
    "rid, id, version, hash, source, granularity, task, prompt_id, prompt, parent_id, "
    "parent_version, note, n_criteria, created_at"
)


class BankEntry(BaseModel):
    """Catalogue data of one stored rubric version (the rubric itself via ``bank.get``)."""

    model_config = ConfigDict(frozen=True)

    rid: int = Field(description="Row id; increases with insertion order.")
    id: str
    version: str
    hash: str = Field(description="Content hash (sha256 of the canonical JSON).")
    source: str = Field(description="Provenance: human | llm | hybrid.")
    granularity: str
    task: str | None = None
    prompt_id: str | None = None
    prompt: str | None = Field(default=None, description="Prompt an instance rubric was for.")
    parent_id: str | None = None
    parent_version: str | None = None
    note: str | None = None
    n_criteria: int
    created_at: float
    tags: tuple[str, ...] = ()


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (and create) a bank database in WAL mode with foreign keys on."""
    connection = sqlite3.connect(str(path))
    connection.execute("PRAGMA foreign_keys = ON")
    if str(path) != ":memory:":
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
    connection.executescript(SCHEMA)
    connection.execute(
        "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
    )
    connection.commit()
    return connection


def row_values(rubric: Rubric, prompt: str | None) -> tuple[Any, ...]:
    """Column values (after ``rid``) for one rubric, in ``ENTRY_COLUMNS`` order plus body."""
    provenance = rubric.provenance
    return (
        rubric.id,
        rubric.version,
        rubric.content_hash,
        provenance.source,
        rubric.granularity,
        rubric.task,
        rubric.prompt_id,
        prompt,
        provenance.parent_id,
        provenance.parent_version,
        provenance.note,
        len(rubric.criteria),
        time.time(),
        rubric.canonical_json(),
    )


INSERT_SQL = (
    "INSERT INTO rubrics (id, version, hash, source, granularity, task, prompt_id, prompt, "
    "parent_id, parent_version, note, n_criteria, created_at, body) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def entries_for(connection: sqlite3.Connection, rids: list[int]) -> list[BankEntry]:
    """Load entries (with tags) for ``rids``, in the given order."""
    if not rids:
        return []
    marks = ",".join("?" * len(rids))
    rows = connection.execute(
        f"SELECT {ENTRY_COLUMNS} FROM rubrics WHERE rid IN ({marks})", rids
    ).fetchall()
    tags: dict[int, list[str]] = {}
    for tag, rid in connection.execute(
        f"SELECT tag, rid FROM tags WHERE rid IN ({marks}) ORDER BY tag", rids
    ):
        tags.setdefault(rid, []).append(tag)
    names = [name.strip() for name in ENTRY_COLUMNS.split(",")]
    by_rid = {
        row[0]: BankEntry(**dict(zip(names, row, strict=True)), tags=tuple(tags.get(row[0], [])))
        for row in rows
    }
    return [by_rid[rid] for rid in rids if rid in by_rid]

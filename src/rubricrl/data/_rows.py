"""One row format for prompts, read and written as JSONL, Parquet and Hugging Face datasets.

A :class:`PromptRow` is what every later step consumes: rollouts sample it, the filter groups by
its id, tagging adds to its ``tags``, the scoring engine reads its rubric. Nested fields (chat
messages, inline rubrics, verifier arguments, metadata) are stored as JSON text in Parquet and
datasets columns, because their keys differ from row to row and a columnar schema would either
reject them or pad them with nulls.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from rubricrl.rubric import Rubric, format_validation_error, rubric_from_data
from rubricrl.scoring import InputError, iter_json_lines

MAX_LINE_BYTES = 16 * 1024 * 1024
_JSON_COLUMNS = ("prompt", "rubric", "verifier", "metadata")


class DataError(ValueError):
    """Bad data input or output; the message is one line naming the file (and line)."""


class PromptRow(BaseModel):
    """One training or evaluation prompt.

    ``prompt`` is plain text or a list of chat messages (``{"role", "content"}``). ``rubric`` is a
    rubric id (a reference into a bank) or an inline instance rubric as a dict. ``verifier``
    holds arguments for programmatic checks (e.g. IFEval's ``instruction_id_list`` and
    ``kwargs``). Tags are ``axis:label`` strings such as ``task:writing``.

    >>> PromptRow(id="p1", prompt="Write a haiku.", task="writing").text
    'Write a haiku.'
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, max_length=256, description="Unique prompt id.")
    prompt: str | list[dict[str, str]] = Field(description="Text or chat messages.")
    task: str | None = Field(default=None, max_length=128, description="Task type.")
    tags: tuple[str, ...] = Field(default=(), description="'axis:label' tags.")
    rubric: str | dict[str, Any] | None = Field(
        default=None, description="Rubric id, or an inline instance rubric."
    )
    reference: str | None = Field(default=None, description="Optional reference answer.")
    verifier: dict[str, Any] = Field(default_factory=dict, description="Verifier arguments.")
    source: str | None = Field(default=None, max_length=128, description="Importer name.")
    metadata: dict[str, Any] = Field(default_factory=dict, description="Anything else.")

    @field_validator("prompt")
    @classmethod
    def _messages_well_formed(cls, value: str | list[dict[str, str]]) -> str | list[dict[str, str]]:
        if isinstance(value, list):
            if not value:
                raise ValueError("a chat prompt needs at least one message")
            for message in value:
                if set(message) - {"role", "content", "name"} or "content" not in message:
                    raise ValueError("each message has 'role' and 'content' only")
        return value

    @property
    def messages(self) -> list[dict[str, str]]:
        """The prompt as chat messages (a text prompt becomes one user message)."""
        if isinstance(self.prompt, str):
            return [{"role": "user", "content": self.prompt}]
        return [dict(message) for message in self.prompt]

    @property
    def text(self) -> str:
        """The prompt as text (the last user message of a chat; what dedup compares)."""
        if isinstance(self.prompt, str):
            return self.prompt
        users = [m["content"] for m in self.prompt if m.get("role", "user") == "user"]
        return users[-1] if users else self.prompt[-1]["content"]

    def tag_values(self, axis: str) -> list[str]:
        """Labels of one tag axis, e.g. ``tag_values("domain")``."""
        prefix = f"{axis}:"
        return [tag[len(prefix) :] for tag in self.tags if tag.startswith(prefix)]

    def inline_rubric(self) -> Rubric | None:
        """The inline rubric as a validated :class:`Rubric` (None for an id or no rubric)."""
        if not isinstance(self.rubric, dict):
            return None
        return rubric_from_data(self.rubric, f"row {self.id}")


def row_from_data(data: dict[str, Any], where: str) -> PromptRow:
    """Validate one row; errors become a one-line :class:`DataError` naming ``where``."""
    try:
        return PromptRow.model_validate(data)
    except ValidationError as error:
        raise DataError(f"{where}: {format_validation_error(error)}") from None


def iter_jsonl(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(where, object)`` for each non-blank line; bad JSON is a :class:`DataError`."""
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    try:
        for number, obj in iter_json_lines(
            path, MAX_LINE_BYTES
        ):  # one JSONL reader, shared with grading
            yield f"{path}:{number}", obj
    except InputError as error:
        raise DataError(str(error)) from None


def read_prompts(path: Path) -> list[PromptRow]:
    """Read prompt rows from ``.jsonl`` or ``.parquet``; ids must be unique.

    Raises:
        DataError: Missing file, bad row, duplicate id or unknown extension.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "p.jsonl"
    >>> write_prompts([PromptRow(id="a", prompt="hi")], p)
    >>> [row.id for row in read_prompts(p)]
    ['a']
    """
    if path.suffix == ".parquet":
        rows = [row_from_data(data, f"{path}:{i + 1}") for i, data in enumerate(_parquet(path))]
    elif path.suffix in (".jsonl", ".json"):
        rows = [row_from_data(data, where) for where, data in iter_jsonl(path)]
    else:
        raise DataError(f"{path}: unknown format (use .jsonl or .parquet)")
    _check_unique(rows, str(path))
    return rows


def _check_unique(rows: Iterable[PromptRow], where: str) -> None:
    seen: set[str] = set()
    for row in rows:
        if row.id in seen:
            raise DataError(f"{where}: duplicate prompt id {row.id!r}")
        seen.add(row.id)


def write_prompts(rows: Iterable[PromptRow], path: Path) -> None:
    """Write prompt rows to ``.jsonl`` or ``.parquet`` (replacing the file)."""
    rows = list(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".parquet":
        _write_parquet(rows, path)
        return
    if path.suffix not in (".jsonl", ".json"):
        raise DataError(f"{path}: unknown format (use .jsonl or .parquet)")
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(row.model_dump_json(exclude_defaults=True) + "\n")


def to_columns(rows: Iterable[PromptRow]) -> dict[str, list[Any]]:
    """Rows as flat columns (nested fields as JSON text), for Arrow and datasets."""
    columns: dict[str, list[Any]] = {name: [] for name in PromptRow.model_fields}
    for row in rows:
        data = row.model_dump(mode="json")
        for name in columns:
            value = data[name]
            if name in _JSON_COLUMNS:
                value = json.dumps(value, ensure_ascii=False)
            columns[name].append(list(value) if name == "tags" else value)
    return columns


def from_records(records: Iterable[dict[str, Any]], where: str) -> list[PromptRow]:
    """Rows back from flat records (the inverse of :func:`to_columns`)."""
    rows = []
    for index, record in enumerate(records, start=1):
        data = dict(record)
        for name in _JSON_COLUMNS:
            if isinstance(data.get(name), str):
                data[name] = _json_or_text(data[name], name)
        data = {key: value for key, value in data.items() if value is not None}
        rows.append(row_from_data(data, f"{where}:{index}"))
    return rows


def _json_or_text(value: str, name: str) -> Any:
    try:
        decoded = json.loads(value)
    except json.JSONDecodeError:
        decoded = None
    if name == "prompt" and not isinstance(decoded, str | list):
        return value  # a plain-text prompt column from someone else's dataset
    if decoded is None and value != "null":
        raise DataError(f"column {name!r} holds text that is not JSON")
    return decoded


def _parquet(path: Path) -> list[dict[str, Any]]:
    pq = _pyarrow_parquet()
    try:
        table = pq.read_table(path)
    except (OSError, ValueError) as error:
        raise DataError(f"{path}: unreadable Parquet ({error.__class__.__name__})") from None
    return [dict(record) for record in _decode_records(table.to_pylist(), str(path))]


def _decode_records(records: list[dict[str, Any]], where: str) -> list[dict[str, Any]]:
    return [row.model_dump() for row in from_records(records, where)]


def _write_parquet(rows: list[PromptRow], path: Path) -> None:
    pq = _pyarrow_parquet()
    import pyarrow as pa

    pq.write_table(pa.table(to_columns(rows)), path)


def _pyarrow_parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise DataError("Parquet needs pyarrow: pip install 'rubricrl[data]'") from None
    return pq


def to_hf_dataset(rows: Iterable[PromptRow]) -> Any:
    """Rows as a Hugging Face ``datasets.Dataset`` (nested fields as JSON text columns).

    Raises:
        DataError: If the ``datasets`` package is not installed.
    """
    try:
        import datasets
    except ImportError:
        raise DataError("needs the datasets package: pip install 'rubricrl[data]'") from None
    return datasets.Dataset.from_dict(to_columns(rows))


def from_hf_dataset(dataset: Iterable[dict[str, Any]]) -> list[PromptRow]:
    """Rows from a ``datasets.Dataset`` written by :func:`to_hf_dataset` (or any record list)."""
    rows = from_records(dataset, "dataset")
    _check_unique(rows, "dataset")
    return rows

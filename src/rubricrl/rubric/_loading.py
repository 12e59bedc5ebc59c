"""Safe loading of rubric files (YAML or JSON) with one-line, located errors.

Threat model: a rubric file may come from anyone. We never construct arbitrary objects (only
``yaml.SafeLoader`` nodes), refuse anchors/aliases outright (alias bombs), duplicate keys,
NaN/Infinity, oversized or deeply nested documents and invalid UTF-8, and we check the size
before parsing so a hostile file is rejected quickly.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from rubricrl.rubric._models import Rubric

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
RUBRIC_SUFFIXES = (".yaml", ".yml", ".json")


class RubricError(ValueError):
    """A rubric that cannot be loaded; ``str()`` is a single line naming file and path."""


class _StrictSafeLoader(yaml.SafeLoader):
    """SafeLoader without aliases and without duplicate mapping keys."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.YAMLError(
                f"anchors and aliases are not allowed (line {event.start_mark.line + 1})"
            )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.YAMLError(f"duplicate key {key!r} (line {key_node.start_mark.line + 1})")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_StrictSafeLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _StrictSafeLoader.construct_mapping
)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _check_depth(value: Any, depth: int = 0) -> None:
    if depth > MAX_DEPTH:
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels")
    if isinstance(value, dict):
        for item in value.values():
            _check_depth(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_depth(item, depth + 1)


def _parse_text(text: str, fmt: str) -> Any:
    if fmt == "json":
        return json.loads(
            text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys
        )
    # Nesting depth is bounded before composing: PyYAML recurses per level.
    if _max_bracket_depth(text) > MAX_DEPTH * 2:
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels")
    return yaml.load(text, Loader=_StrictSafeLoader)  # noqa: S506 - strict SafeLoader subclass


def _max_bracket_depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


def format_validation_error(error: ValidationError) -> str:
    """Render the first pydantic error as ``path: message``, e.g. ``criteria[3].tiers[1].score``."""
    first = error.errors()[0]
    path = ""
    for part in first["loc"]:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    message = first["msg"].removeprefix("Value error, ")
    more = error.error_count() - 1
    suffix = f" (+{more} more)" if more else ""
    return f"{path or '<root>'}: {message}{suffix}"


def rubric_from_data(data: Any, source: str = "<data>") -> Rubric:
    """Validate parsed data (a dict) into a Rubric.

    Raises:
        RubricError: One line: ``source: path: message``.
    """
    if not isinstance(data, dict):
        raise RubricError(f"{source}: a rubric must be a mapping, got {type(data).__name__}")
    try:
        _check_depth(data)
        return Rubric.model_validate(data)
    except ValidationError as error:
        raise RubricError(f"{source}: {format_validation_error(error)}") from None
    except ValueError as error:
        raise RubricError(f"{source}: {error}") from None


def loads_rubric(text: str | bytes, fmt: str = "yaml", source: str = "<string>") -> Rubric:
    r"""Parse and validate a rubric from YAML (default) or JSON text.

    Args:
        text: The document; bytes must be UTF-8.
        fmt: ``"yaml"`` or ``"json"``.
        source: Name used in error messages.

    Returns:
        The validated, immutable Rubric.

    Raises:
        RubricError: On any problem, with a one-line message.

    >>> loads_rubric("id: r\ncriteria:\n  - {id: c, description: Is concise.}").criteria[0].id
    'c'
    """
    if isinstance(text, bytes):
        if len(text) > MAX_FILE_BYTES:
            raise RubricError(f"{source}: larger than {MAX_FILE_BYTES} bytes")
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise RubricError(f"{source}: not valid UTF-8 (byte {error.start})") from None
    if len(text) > MAX_FILE_BYTES:
        raise RubricError(f"{source}: larger than {MAX_FILE_BYTES} bytes")
    try:
        data = _parse_text(text, fmt)
    except (yaml.YAMLError, ValueError, RecursionError) as error:
        detail = " ".join(str(error).split())[:300]
        raise RubricError(f"{source}: cannot parse {fmt.upper()}: {detail}") from None
    return rubric_from_data(data, source)


def load_rubric(path: str | Path) -> Rubric:
    """Load a rubric file; the format follows the suffix (``.json``, else YAML).

    Raises:
        RubricError: If the file is missing, unreadable, hostile or invalid.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RubricError(f"{path}: larger than {MAX_FILE_BYTES} bytes")
        raw = path.read_bytes()
    except OSError as error:
        raise RubricError(f"{path}: cannot read ({error.strerror or error})") from None
    fmt = "json" if path.suffix.lower() == ".json" else "yaml"
    return loads_rubric(raw, fmt=fmt, source=str(path))


def load_rubrics(paths: list[Path]) -> dict[str, Rubric]:
    """Load rubric files, or every *.yaml/*.yml/*.json in given directories, keyed by id.

    Raises:
        RubricError: On a bad file or two rubrics with one id.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml", ".json")
            )
        else:
            files.append(path)
    rubrics: dict[str, Rubric] = {}
    for file in files:
        rubric = load_rubric(file)
        if rubric.id in rubrics:
            raise RubricError(f"{file}: rubric id {rubric.id!r} is loaded twice")
        rubrics[rubric.id] = rubric
    if not rubrics:
        raise RubricError("no rubric files found in " + ", ".join(map(str, paths)))
    return rubrics


def shipped_rubric_names() -> list[str]:
    """Names of the example rubrics shipped with the package (``rubrics/`` in the repo)."""
    folder = resources.files("rubricrl") / "assets" / "rubrics"
    return sorted(
        entry.name.rsplit(".", 1)[0] for entry in folder.iterdir() if entry.name.endswith(".yaml")
    )


def shipped_rubric(name: str) -> Rubric:
    """Load a shipped example rubric by name (e.g. ``"writing_quality"``).

    Raises:
        RubricError: If no shipped rubric has that name.

    >>> shipped_rubric("writing_quality").id
    'writing_quality'
    """
    entry = resources.files("rubricrl") / "assets" / "rubrics" / f"{name}.yaml"
    if not entry.is_file():
        valid = ", ".join(shipped_rubric_names())
        raise RubricError(f"no shipped rubric {name!r}; valid: {valid}")
    return loads_rubric(entry.read_bytes(), source=f"rubricrl:{name}")


def dump_rubric_yaml(rubric: Rubric) -> str:
    """Serialise a rubric as YAML (safe dumper, no tags, keys in model order)."""
    return yaml.safe_dump(
        rubric.model_dump(mode="json", exclude_defaults=True),
        sort_keys=False,
        allow_unicode=True,
    )


def rubric_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of the rubric format."""
    return Rubric.model_json_schema()

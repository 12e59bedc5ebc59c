"""One registry helper for judges, verifiers, aggregators and detectors.

A name maps to exactly one object per kind: registering a second object under a taken name is
an error (silent shadowing hides bugs), and looking up an unknown name lists the valid ones.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_REGISTRIES: dict[str, dict[str, Any]] = {}


class RegistryError(KeyError):
    """An unknown name, or a second registration of a taken name."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "registry error"


def register(kind: str, name: str) -> Callable[[T], T]:
    """Decorator that registers an object under ``kind``/``name``.

    Args:
        kind: The registry, e.g. ``"verifier"`` or ``"aggregator"``.
        name: The unique name users write in rubrics, specs and configs.

    Returns:
        A decorator returning the object unchanged.

    Raises:
        RegistryError: If ``name`` is already registered to another object.

    >>> @register("example", "double")
    ... def double(x: int) -> int:
    ...     return 2 * x
    >>> lookup("example", "double")(3)
    6
    """

    def decorator(obj: T) -> T:
        table = _REGISTRIES.setdefault(kind, {})
        existing = table.get(name)
        if existing is not None and _identity(existing) != _identity(obj):
            raise RegistryError(f"{kind} {name!r} is already registered")
        table[name] = obj
        return obj

    return decorator


def _identity(obj: Any) -> tuple[str, str] | int:
    # A module imported twice (doctest collection, importlib.reload) re-registers the "same"
    # object; only a different definition under a taken name is a conflict.
    module, qualname = getattr(obj, "__module__", None), getattr(obj, "__qualname__", None)
    if module and qualname:
        return (module.rsplit(".", 1)[-1], qualname)
    return id(obj)


def lookup(kind: str, name: str) -> Any:
    """Return the object registered as ``kind``/``name``.

    Raises:
        RegistryError: If no such name exists; the message lists the valid names.
    """
    table = _REGISTRIES.get(kind, {})
    if name not in table:
        valid = ", ".join(sorted(table)) or "none"
        raise RegistryError(f"unknown {kind} {name!r}; valid: {valid}")
    return table[name]


def names(kind: str) -> list[str]:
    """Return the sorted names registered under ``kind``."""
    return sorted(_REGISTRIES.get(kind, {}))

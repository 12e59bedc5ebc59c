"""Judge specs: ``local``, ``local:PATH.gguf``, ``openai:MODEL@URL``, ``fake:POLICY``.

``local:ALIAS`` names a model shipped in PyPI packages: ``local:smollm2-135m`` (the default,
same as ``local``) or ``local:qwen2.5-coder-1.5b`` (extra ``rubricrl[local-qwen]``, assembled
once from its 22 parts). ``openai:`` takes ``structured_output=`` as an option, or
``$RUBRICRL_STRUCTURED_OUTPUT`` (``auto`` by default; ``json_object`` for ``llama_cpp.server``).

Each prefix resolves through the registry to a factory; heavy dependencies (llama_cpp) are
imported inside the factory so ``import rubricrl`` stays light.
"""

from __future__ import annotations

from typing import Any

from rubricrl._registry import RegistryError, lookup, names, register
from rubricrl.judges._protocol import BaseJudge


class JudgeSpecError(ValueError):
    """A judge spec that cannot be resolved; the message is one line."""


@register("judge", "fake")
def _fake_factory(argument: str, **options: Any) -> BaseJudge:
    from rubricrl.judges._fake import FakeJudge

    if argument not in ("approve", "reject", "random"):
        raise JudgeSpecError(
            f"fake judge policy must be approve, reject or random, not {argument!r}"
        )
    return FakeJudge(argument, **options)  # type: ignore[arg-type]


@register("judge", "openai")
def _openai_factory(argument: str, **options: Any) -> BaseJudge:
    from rubricrl.judges._openai import OpenAIJudge

    model, sep, url = argument.rpartition("@")
    if not sep or not model or not url.startswith(("http://", "https://")):
        raise JudgeSpecError(
            "openai judge spec is openai:MODEL@URL, e.g. openai:qwen@http://127.0.0.1:8000/v1"
        )
    return OpenAIJudge(model, url, **options)


@register("judge", "local")
def _local_factory(argument: str, **options: Any) -> BaseJudge:
    from rubricrl.judges._local import LlamaCppJudge

    return LlamaCppJudge(argument or None, **options)


def resolve_judge(spec: str, **options: Any) -> BaseJudge:
    """Build a judge from its spec string.

    Args:
        spec: ``local``, ``local:PATH.gguf``, ``local:ALIAS`` (``smollm2-135m``,
            ``qwen2.5-coder-1.5b``), ``openai:MODEL@URL`` or ``fake:POLICY``.
        **options: Passed to the judge's constructor (e.g. ``timeout_s``).

    Raises:
        JudgeSpecError: On an unknown prefix or a malformed argument.

    >>> resolve_judge("fake:approve").id
    'fake:approve'
    """
    prefix, _, argument = spec.partition(":")
    try:
        factory = lookup("judge", prefix)
    except RegistryError:
        raise JudgeSpecError(
            f"unknown judge {spec!r}; valid prefixes: {', '.join(names('judge'))}"
        ) from None
    judge: BaseJudge = factory(argument, **options)
    return judge

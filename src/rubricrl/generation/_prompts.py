"""Generation prompts from versioned template files, filled by single-pass substitution.

User text (prompts, reference answers, example responses, criteria to decompose) is fenced as
data between markers carrying a random nonce that occurs in none of it. Changing a template
file means bumping ``GENERATION_TEMPLATE_VERSION``; generated rubrics record it in their note.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

from rubricrl.judges import fill, new_fence

GENERATION_TEMPLATE_VERSION = "v1"
Messages = tuple[dict[str, str], ...]


@cache
def template(name: str) -> str:
    """Text of ``templates/<name>_<version>.txt`` without its final newline."""
    folder = resources.files("rubricrl.generation") / "templates"
    path = folder / f"{name}_{GENERATION_TEMPLATE_VERSION}.txt"
    return path.read_text(encoding="utf-8").rstrip("\n")


def _messages(fence: str, user: str) -> Messages:
    system = fill(template("system"), {"FENCE": fence})
    return ({"role": "system", "content": system}, {"role": "user", "content": user})


def _tiered_note(tiered: bool) -> str:
    return template("tiered_note") if tiered else ""


def instance_messages(
    prompt: str, reference: str | None, max_criteria: int, tiered: bool
) -> Messages:
    """Messages asking for an instance rubric for one prompt (and reference answer)."""
    fence = new_fence(prompt, reference or "")
    block = ""
    if reference:
        block = fill(template("reference"), {"FENCE": fence, "REFERENCE": reference})
    user = fill(
        template("instance"),
        {
            "FENCE": fence,
            "PROMPT": prompt,
            "REFERENCE_BLOCK": block,
            "MAX_CRITERIA": str(max_criteria),
            "TIERED_NOTE": _tiered_note(tiered),
        },
    )
    return _messages(fence, user)


def contrastive_messages(
    prompt: str, better: Sequence[str], worse: Sequence[str], max_criteria: int, tiered: bool
) -> Messages:
    """Messages asking for a rubric that separates preferred from worse responses."""
    fence = new_fence(prompt, *better, *worse)
    labelled = [(f"PREFERRED RESPONSE {i}", text) for i, text in enumerate(better, start=1)]
    labelled += [(f"WORSE RESPONSE {i}", text) for i, text in enumerate(worse, start=1)]
    items = "\n\n".join(
        fill(template("contrastive_item"), {"FENCE": fence, "LABEL": label, "RESPONSE": text})
        for label, text in labelled
    )
    user = fill(
        template("contrastive"),
        {
            "FENCE": fence,
            "PROMPT": prompt,
            "RESPONSES": items,
            "MAX_CRITERIA": str(max_criteria),
            "TIERED_NOTE": _tiered_note(tiered),
        },
    )
    return _messages(fence, user)


def task_messages(task: str, prompts: Sequence[str], max_criteria: int, tiered: bool) -> Messages:
    """Messages asking for one task-level rubric from sample prompts of the task."""
    fence = new_fence(task, *prompts)
    items = "\n\n".join(
        fill(template("task_item"), {"FENCE": fence, "NUMBER": str(i), "PROMPT": text})
        for i, text in enumerate(prompts, start=1)
    )
    user = fill(
        template("task"),
        {
            "TASK": " ".join(task.split())[:100],
            "PROMPTS": items,
            "MAX_CRITERIA": str(max_criteria),
            "TIERED_NOTE": _tiered_note(tiered),
        },
    )
    return _messages(fence, user)


def decompose_messages(criterion: str, context: str, max_criteria: int) -> Messages:
    """Messages asking to split one broad criterion into narrower ones."""
    fence = new_fence(criterion, context)
    user = fill(
        template("decompose"),
        {
            "FENCE": fence,
            "CRITERION": criterion,
            "CONTEXT": " ".join(context.split())[:200] or "prompt",
            "MAX_CRITERIA": str(max_criteria),
        },
    )
    return _messages(fence, user)


def retry_message(reason: str) -> dict[str, str]:
    """The user message appended for the single retry, naming why the reply was rejected."""
    return {"role": "user", "content": fill(template("retry"), {"REASON": reason[:300]})}

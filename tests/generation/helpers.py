import json
from typing import Any


def reply(*criteria: tuple[str, str], description: str = "A rubric.", slots: int = 6) -> str:
    """A generated-rubric reply with the given (description, importance) slots, rest omitted."""
    filled: dict[str, Any] = {}
    for index in range(1, slots + 1):
        text, importance = criteria[index - 1] if index <= len(criteria) else ("", "omit")
        filled[f"c{index}"] = {"description": text, "importance": importance}
    return json.dumps({"description": description, "criteria": filled})

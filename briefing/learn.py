"""Small learned decisions: logistic regression over named features, weights as plain JSON.

Every learned decision of the analysis (is this span an actor, and of which kind;
is this sentence background; who said this quotation ...) is a `LinearModel`:
features are a dict of name -> number made by the module that decides, the
model standardises them and scores them with its weights. A model file is JSON
(`briefing/models/<name>.json`) written by a training script in `scripts/` from
the dev annotations only; it names its features, so a file that no longer fits
the code is refused rather than silently misread. `fit_logistic` is the one
fitter the training scripts share (Newton's method, L2 penalty, deterministic).
Multi-class decisions are one model per class, one against the rest.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

Features = Mapping[str, float]


@dataclass(frozen=True)
class LinearModel:
    """Logistic regression over named features (standardised with the training set's mean and scale)."""

    name: str
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float = 0.5  # probability at and above which the decision is yes
    about: str = ""  # how it was trained: data, examples, held-out figures

    def vector(self, features: Features) -> np.ndarray:
        """The feature vector in the model's order (a feature not given is 0)."""
        return np.array([float(features.get(name, 0.0)) for name in self.features])

    def logit(self, features: Features) -> float:
        x = (self.vector(features) - np.array(self.mean)) / np.array(self.scale)
        return float(x @ np.array(self.weights) + self.bias)

    def probability(self, features: Features) -> float:
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, self.logit(features)))))

    def probabilities(self, matrix: np.ndarray) -> np.ndarray:
        """Probabilities for the rows of a matrix whose columns are `features`, in order."""
        x = (matrix - np.array(self.mean)) / np.array(self.scale)
        return 1.0 / (1.0 + np.exp(-np.clip(x @ np.array(self.weights) + self.bias, -50, 50)))

    def decide(self, features: Features) -> bool:
        return self.probability(features) >= self.threshold

    def to_json(self) -> str:
        data = {"name": self.name, "about": self.about, "threshold": self.threshold, "bias": self.bias,
                "features": list(self.features), "mean": list(self.mean), "scale": list(self.scale),
                "weights": list(self.weights)}
        return json.dumps(data, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> LinearModel:
        data = json.loads(text)
        return cls(name=data["name"], features=tuple(data["features"]), mean=tuple(data["mean"]),
                   scale=tuple(data["scale"]), weights=tuple(data["weights"]), bias=float(data["bias"]),
                   threshold=float(data.get("threshold", 0.5)), about=data.get("about", ""))


@cache
def model(name: str, features: tuple[str, ...] | None = None) -> LinearModel:
    """The shipped model `briefing/models/<name>.json`; with `features`, checked to expect exactly those."""
    text = resources.files("briefing").joinpath("models", f"{name}.json").read_text(encoding="utf-8")
    found = LinearModel.from_json(text)
    if features is not None and found.features != tuple(features):
        raise ValueError(f"models/{name}.json does not match the code's features; retrain it")
    return found


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, w: np.ndarray | None = None,
                 steps: int = 100) -> tuple[np.ndarray, float]:
    """Weighted L2-penalised logistic regression by Newton's method (bias unpenalised): (weights, bias)."""
    w = np.ones(len(x)) if w is None else w
    design = np.column_stack([x, np.ones(len(x))])
    beta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ beta, -50, 50)))
        gradient = design.T @ (w * (p - y)) + penalty * beta
        hessian = (design * (w * p * (1 - p))[:, None]).T @ design + np.diag(penalty) + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return beta[:-1], float(beta[-1])


def train(name: str, rows: Sequence[Features], labels: Sequence[int | bool], *, l2: float = 1.0,
          weights: Sequence[float] | None = None, features: Iterable[str] | None = None,
          threshold: float = 0.5, about: str = "") -> LinearModel:
    """A LinearModel fitted on feature dicts and 0/1 labels (features: every name seen, sorted, unless given)."""
    names = tuple(features) if features is not None else tuple(sorted({k for row in rows for k in row}))
    x = np.array([[float(row.get(n, 0.0)) for n in names] for row in rows])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    coef, bias = fit_logistic((x - mean) / scale, np.array(labels, dtype=float), l2,
                              None if weights is None else np.array(weights, dtype=float))
    return LinearModel(name, names, tuple(mean.round(9)), tuple(scale.round(9)), tuple(coef.round(9)),
                       round(bias, 9), threshold, about)

"""The learned decision: is a name an actor, and of which kind: a person, an organisation, a place, or none.

One logistic regression per kind, one against the rest (`briefing.learn`), over
the name's features (`features.FEATURES`); the weights are
`briefing/models/actors_<kind>.json`, written by `scripts/train_actors.py` from
the dev annotations only. A name takes the kind of highest probability when
that probability reaches the kind's threshold (also in the model file), and no
kind otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping

from ...learn import Features, LinearModel, model
from .features import FEATURES
from .names import ORGANIZATION, PERSON, PLACE

KINDS = (PERSON, ORGANIZATION, PLACE)
Models = Mapping[str, LinearModel]


def shipped() -> dict[str, LinearModel]:
    """The shipped models, one per kind."""
    return {kind: model(f"actors_{kind}", FEATURES) for kind in KINDS}


def probabilities(features: Features, models: Models | None = None) -> dict[str, float]:
    """The probability of each kind for one name."""
    models = models or shipped()
    return {kind: models[kind].probability(features) for kind in KINDS}


def decide(features: Features, models: Models | None = None) -> str | None:
    """The kind of a name, or None when it is no actor and no place."""
    models = models or shipped()
    p = probabilities(features, models)
    best = max(KINDS, key=lambda kind: p[kind])
    return best if p[best] >= models[best].threshold else None

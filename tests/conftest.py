"""Shared fixtures: the example article and its parsed document."""

from __future__ import annotations

import os
from pathlib import Path

# One BLAS thread: a sum's order, and so the last bit of an SVD (LSA), does not depend on the machine's load.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import pytest  # noqa: E402 (after the BLAS threads are set)

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "baghdad-airport-strike.txt"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_briefing():
    import briefing

    return briefing.brief(EXAMPLE)

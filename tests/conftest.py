"""Shared fixtures: the example article and its parsed document."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "baghdad-airport-strike.txt"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_briefing():
    import briefing

    return briefing.brief(EXAMPLE)

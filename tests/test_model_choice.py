"""BRIEFING_SPACY_MODEL: choosing the spaCy model without a code change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy

from briefing.errors import UsageError
from briefing.nlp.entities import MODEL_VARIABLE, MODELS, load_nlp, model_for


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    """load_nlp caches per process: start and end each test without a loaded model."""
    load_nlp.cache_clear()
    yield
    load_nlp.cache_clear()


def blank_model(tmp_path: Path, lang: str) -> Path:
    """A tiny model directory (a blank pipeline: tokenizer only) of language `lang`."""
    path = tmp_path / f"blank-{lang}"
    spacy.blank(lang).to_disk(path)
    return path


def test_unset_or_empty_keeps_the_order_of_preference(monkeypatch: pytest.MonkeyPatch) -> None:
    default = next((p for p in MODELS["english"] if spacy.util.is_package(p)), None)
    monkeypatch.delenv(MODEL_VARIABLE, raising=False)
    assert model_for("english") == default
    monkeypatch.setenv(MODEL_VARIABLE, "  ")
    assert model_for("en") == default
    assert model_for("german") is None


def test_a_model_directory_is_used_for_its_own_language(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = blank_model(tmp_path, "en")
    monkeypatch.setenv(MODEL_VARIABLE, str(path))
    assert model_for("English") == str(path)
    nlp = load_nlp("en")
    assert nlp is not None and nlp.lang == "en" and nlp.pipe_names == []
    assert load_nlp("german") is None


def test_a_model_of_another_language_leaves_english_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = blank_model(tmp_path, "de")
    monkeypatch.setenv(MODEL_VARIABLE, str(path))
    assert model_for("de") == str(path)
    assert model_for("english") == next((p for p in MODELS["english"] if spacy.util.is_package(p)), None)
    german = load_nlp("german")
    assert german is not None and german.lang == "de"


@pytest.mark.parametrize("value", ["no_such_spacy_model_xyz", "pytest"])  # not installed; installed but no model
def test_a_name_that_is_no_model_is_an_error(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(MODEL_VARIABLE, value)
    with pytest.raises(UsageError, match=MODEL_VARIABLE):
        load_nlp("english")

"""The shape of the code: one parse per document, word lists as data, no private names across modules,
a thin CLI that calls the library for every command."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import briefing
from briefing import lexicon
from briefing.cli import app
from briefing.nlp.entities import load_nlp

PACKAGE = Path(briefing.__file__).parent
DAILY = Path(__file__).parent / "data" / "daily"
EXAMPLE = Path(__file__).parents[1] / "examples" / "baghdad-airport-strike.txt"


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_private_name_is_imported_across_modules() -> None:
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("briefing")):
                found += [f"{path.relative_to(PACKAGE)}: {a.name}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.value.id in {"vectors", "native", "stems", "lexicon", "dates", "history"} \
                    and node.attr.startswith("_") and not node.attr.startswith("__"):
                found.append(f"{path.relative_to(PACKAGE)}: {node.value.id}.{node.attr}")
    assert found == []


def test_the_cli_is_thin() -> None:
    assert len((PACKAGE / "cli.py").read_text(encoding="utf-8").splitlines()) <= 300


_GRAMMAR_OK = {  # closed classes and labels that stay in code: exact, not vocabulary
    "_COUNTED", "_LOCATIVE", "_NP_LEFT", "_AFFILIATION", "_PERFECT_AUX", "_LABELS", "_NO_PERSON_TYPES", "_FIRST_PERSON",
    "NER_KIND", "DEMONSTRATIVES", "__all__", "PRIORITY", "_LOOSE", "_OPEN", "_DANGLING_TAGS",
    "_RELATIVE", "ROLE_FEATURES",  # relative pronouns; names of features
    "BASE_FEATURES", "SCORERS", "SUMMARIZERS", "FEATURES", "CATEGORIES", "MODELS",  # names of features and methods
}


@pytest.mark.parametrize("folder", ["analysis", "sections", "rank", "stories"])
def test_word_lists_are_data(folder: str) -> None:
    """No module keeps a list of five or more words of its own: they live in briefing/lexicon."""
    found = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.Assign | ast.AnnAssign):
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            name = getattr(target, "id", "")
            value = node.value.args[0] if isinstance(node.value, ast.Call) and node.value.args else node.value
            items = getattr(value, "elts", None) or getattr(value, "keys", None) or []
            words = [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)
                     and re.fullmatch(r"[a-z][a-z' -]*", i.value)]
            if len(words) >= 5 and name not in _GRAMMAR_OK:
                found.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert found == []


def test_every_word_list_says_what_it_is_for_and_is_used() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in _modules())
    for concept in lexicon.concepts():
        text = (PACKAGE / "lexicon" / "english" / f"{concept}.txt").read_text(encoding="utf-8")
        assert text.startswith(f"# {concept}: "), concept
        assert f'"{concept}"' in source, f"{concept} is used nowhere"
        entries = lexicon.ordered(concept)
        assert entries and len(set(entries)) == len(entries), f"{concept}: empty or repeated entries"


def test_one_list_per_concept() -> None:
    from briefing.analysis import dating, quotes
    from briefing.analysis.actors import kinds, words
    from briefing.analysis.quotes import speakers
    from briefing.nlp.tokenize import TITLE_ABBREVIATIONS

    assert dating.SPEECH is quotes.SPEECH and "deny" in quotes.SPEECH  # three lists used to differ
    assert dating.SPEECH <= kinds.PERSON_VERBS
    assert set(speakers.ABBREVIATIONS) <= TITLE_ABBREVIATIONS and "pres" in TITLE_ABBREVIATIONS
    assert set(speakers.NATIONALITY_NOUNS) <= words.DEMONYMS and {"finn", "scot", "brit"} <= words.DEMONYMS


def test_a_language_name_never_reads_a_path() -> None:
    assert lexicon.words("openers", "../english") == frozenset()
    assert lexicon.words("openers", "german") == frozenset()


@pytest.mark.skipif(load_nlp("english") is None, reason="no English spaCy model installed")
def test_one_parse_per_document_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = load_nlp("english")
    calls: list[str] = []
    real = nlp.make_doc

    def counting(text: str):  # parse() makes each document's spaCy Doc once
        calls.append(text[:40])
        return real(text)

    monkeypatch.setattr(nlp, "make_doc", counting)
    briefing.brief(EXAMPLE)
    assert len(calls) == 1
    calls.clear()
    files = [DAILY / "flood-herald.txt", DAILY / "flood-tribune.txt", DAILY / "launch-wire.txt"]
    result = briefing.daily_brief(files, template="standard")
    assert len(calls) == 3 == sum(len(s.sources) for s in result.stories)
    assert len(set(calls)) == 3


def _invoke(*args: str):
    return CliRunner().invoke(app, list(args), env={"NO_COLOR": "1"})


@pytest.mark.parametrize(("args", "function"), [
    (["brief", str(EXAMPLE)], "run_brief"),
    (["preview", str(EXAMPLE)], "run_brief"),
    (["daily", str(DAILY), "--no-history"], "run_daily"),
    (["summarize", str(EXAMPLE)], "summary"),
])
def test_every_article_command_is_one_library_call(monkeypatch: pytest.MonkeyPatch, args: list[str],
                                                   function: str) -> None:
    import briefing.api

    calls: list[tuple] = []

    class Stop(Exception):
        pass

    def record(*a, **k):
        calls.append((a, k))
        raise Stop

    monkeypatch.setattr(briefing.api, function, record)
    result = _invoke(*args)
    assert isinstance(result.exception, Stop) or "internal error: Stop" in result.output
    assert len(calls) == 1


@pytest.mark.parametrize(("args", "module", "function"), [
    (["methods"], "briefing.rank", "describe_methods"),
    (["templates"], "briefing.templates", "describe_templates"),
    (["templates", "show", "standard"], "briefing.templates", "load_template"),
    (["templates", "copy", "standard", "x"], "briefing.templates", "copy_template"),
    (["history", "--history", "h.sqlite3"], "briefing.history", "describe_history"),
    (["eval", "data.jsonl"], "briefing.evaluate", "run_eval"),
])
def test_every_other_command_is_one_library_call(monkeypatch: pytest.MonkeyPatch, args: list[str], module: str,
                                                 function: str) -> None:
    import importlib

    calls: list[tuple] = []
    monkeypatch.setattr(importlib.import_module(module), function,
                        lambda *a, **k: calls.append((a, k)) or "", raising=True)
    result = _invoke(*args)
    assert len(calls) == 1, result.output

"""The library is the orchestrator: what the CLI does, the API does the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import briefing
from briefing.cli import app
from briefing.errors import OutputError, UsageError
from briefing.executors import executor_for
from briefing.options import MAX_FETCH_BYTES, MIB, RankOptions, ReadOptions, bundles

EXAMPLE = Path(__file__).parents[1] / "examples" / "baghdad-airport-strike.txt"


def test_summarize_takes_the_same_length_as_the_command() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    by_words = briefing.summarize(text, method="lead", words=200)
    result = CliRunner().invoke(app, ["summarize", str(EXAMPLE), "-m", "lead", "--words", "200"])
    assert result.exit_code == 0
    assert result.output.splitlines() == by_words
    assert len(by_words) > 3  # a word budget alone is not cut to three sentences
    assert len(briefing.summarize(text, method="lead")) == 3


def test_one_read_options_and_one_unit() -> None:
    assert ReadOptions().max_fetch_bytes == MAX_FETCH_BYTES == 5 * MIB
    options = bundles({"max_input_mb": 2.0, "max_fetch_mb": 1.5, "language": "EN", "method": "lead"})
    assert options["read_options"].max_input_bytes == 2 * MIB
    assert options["read_options"].max_fetch_bytes == int(1.5 * MIB)
    assert options["rank_options"] == RankOptions(method="lead")
    assert briefing.brief("One sentence here. And another one.", read_options=options["read_options"]).stories


def test_the_language_is_normalised_when_the_article_is_made() -> None:
    assert briefing.Article(id="a", text="x", language="EN").language == "english"
    assert briefing.Article(id="a", text="x", language="de").language == "german"


def test_brief_carries_on_past_a_bad_input(tmp_path: Path) -> None:
    errors: list[tuple[str, str]] = []
    result = briefing.brief([tmp_path / "missing.txt", EXAMPLE], on_error=lambda s, m: errors.append((s, m)))
    assert len(result.stories) == 1 and errors and errors[0][0].endswith("missing.txt")
    with pytest.raises(briefing.InputError):
        briefing.brief([tmp_path / "missing.txt", EXAMPLE])  # without on_error the first bad one raises


def test_a_brief_is_written_in_the_template_it_was_made_with(tmp_path: Path) -> None:
    from briefing.templates import copy_template

    folder = copy_template("sitrep", tmp_path / "mine")
    spec = folder / "template.toml"
    spec.write_text(spec.read_text(encoding="utf-8").replace('title = "Situation"', 'title = "Where things stand"'),
                    encoding="utf-8")
    made = briefing.brief(EXAMPLE, template=folder)
    out = briefing.write(made, tmp_path / "out.md")
    assert "Where things stand" in out.read_text(encoding="utf-8")


def test_write_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    made = briefing.brief(article)
    with pytest.raises(OutputError, match="overwrite an input"):
        briefing.write(made, tmp_path / "a.txt")
    (tmp_path / "sub").mkdir()
    with pytest.raises(OutputError, match="overwrite an input"):
        briefing.write(made, tmp_path / "sub" / ".." / "a.txt")  # the same file by another path
    assert article.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


def test_the_executor_is_chosen_by_the_library() -> None:
    with executor_for(1) as none:
        assert none is None
    with executor_for(2) as pool:
        assert list(pool.map(abs, [-1, -2])) == [1, 2]
    with pytest.raises(UsageError, match="Dask"), executor_for(1, "tcp://127.0.0.1:9"):
        pass

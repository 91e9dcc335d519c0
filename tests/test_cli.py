"""The command line, through click's test runner: every command and every bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from briefing.cli import app

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input, env={"NO_COLOR": None, "COLUMNS": "100"})


def test_brief_to_docx_has_word_styles_and_sections(example_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.docx"
    result = run("brief", str(example_path), "-o", str(out), "--story-words", "0")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for name in ("Situation", "Actors", "Background"):
        assert name in headings
    styles = {p.style.name for p in document.paragraphs}
    assert {"Title", "List Bullet"} <= styles
    cells = {c.text for table in document.tables for row in table.rows for c in row.cells}
    assert "Qassim Soleimani" in cells
    assert document.core_properties.title.startswith("7, including Iran's Gen. Soleimani")


def test_brief_to_markdown_json_html_and_txt(example_path: Path, tmp_path: Path) -> None:
    for ext in ("md", "json", "html", "txt"):
        out = tmp_path / f"b.{ext}"
        result = run("brief", str(example_path), "-o", str(out), "--story-words", "0")
        assert result.exit_code == 0, result.output
    md = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "## Situation" in md and "## Actors" in md and "## Background" in md
    data = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    story = data["stories"][0]
    keys = [s["key"] for s in story["sections"]]
    assert keys[:2] == ["situation", "background"] and set(keys) <= set(data["layout"])
    item = story["sections"][0]["items"][0]
    assert item["article_id"] == "baghdad-airport-strike" and isinstance(item["sentence_index"], int)
    assert any(a["name"] == "Mark Esper" for a in story["actors"])
    html = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert "<h2>Situation</h2>" in html or ">Situation</h2>" in html
    assert "Situation" in (tmp_path / "b.txt").read_text(encoding="utf-8")


def test_brief_without_output_prints_plain_text_when_piped(example_path: Path) -> None:
    result = run("brief", str(example_path))
    assert result.exit_code == 0
    assert "Situation" in result.stdout and "Qassim Soleimani" in result.stdout
    assert "\x1b[" not in result.stdout


def test_a_brief_fits_its_budget(example_path: Path, tmp_path: Path) -> None:
    """At most 0.4 of the article's words by default (the standard template's budget), --story-words instead."""
    article = len(re.findall(r"\w+", example_path.read_text(encoding="utf-8")))
    for flags, most in (((), 0.4 * article), (("--story-words", "100"), 100)):
        out = tmp_path / "b.md"
        assert run("brief", str(example_path), "-o", str(out), *flags).exit_code == 0
        body = out.read_text(encoding="utf-8").split("## Sources")[0]
        assert 0.6 * most < len(re.findall(r"\w+", body)) <= most
    everything = run("brief", str(example_path), "--story-words", "0").stdout
    assert "Background" in everything and "Mark Esper" in everything


def test_preview_fits_the_width(example_path: Path) -> None:
    result = run("preview", str(example_path), "--width", "60")
    assert result.exit_code == 0
    assert "Situation" in result.stdout


def test_stdin(example_path: Path) -> None:
    result = run("summarize", "-", "--method", "lead", "--sentences", "1",
                 input=example_path.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().startswith("At least eight people were killed")


def test_summarize_methods_and_json(example_path: Path) -> None:
    result = run("summarize", str(example_path), "--method", "lexrank", "--sentences", "2")
    assert result.exit_code == 0
    assert len(result.stdout.strip().splitlines()) == 2
    data = json.loads(run("summarize", str(example_path), "--json", "-n", "3").stdout)
    assert data["method"] == "default" and len(data["sentences"]) == 3
    indices = [s["index"] for s in data["sentences"]]
    assert indices == sorted(indices)
    scored = run("summarize", str(example_path), "--scores", "-n", "1").stdout
    assert scored.startswith("[")


def test_methods_and_templates_listings() -> None:
    methods = run("methods").stdout
    for name in ("default", "lead", "lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic",
                 "reduction", "random"):
        assert f"\n{name} " in f"\n{methods}"
    assert "standard" in run("templates").stdout
    shown = run("templates", "show", "standard").stdout
    assert "situation" in shown and "background" in shown


def _one_line_error(result, *needles: str) -> None:
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("briefing: error: ")
    assert "Traceback" not in result.output
    for needle in needles:
        assert needle in lines[0]


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("empty.txt", b"", "empty input"),
        ("spaces.txt", b"  \n\n \t ", "empty input"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "binary file"),
        ("latin1.txt", "Le café était fermé.".encode("latin-1"), "not valid UTF-8"),
    ],
)
def test_bad_files(tmp_path: Path, name: str, data: bytes, needle: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out.docx"
    result = run("brief", str(path), "-o", str(out))
    _one_line_error(result, str(path), needle)
    assert result.exit_code == 3
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_missing_path_directory_and_unknown_extension(example_path: Path, tmp_path: Path) -> None:
    _one_line_error(run("brief", str(tmp_path / "nope.txt")), "nope.txt", "no such file")
    _one_line_error(run("preview", str(tmp_path)), "is a directory")
    result = run("brief", str(example_path), "-o", str(tmp_path / "b.pdf"))
    _one_line_error(result, "b.pdf", "unknown output format '.pdf'")
    assert result.exit_code == 4
    assert list(tmp_path.iterdir()) == []


def test_bad_options(example_path: Path) -> None:
    _one_line_error(run("summarize", str(example_path), "--method", "nope"), "unknown method 'nope'")
    _one_line_error(run("brief", str(example_path), "--date", "yesterday"), "--date must be YYYY-MM-DD")
    _one_line_error(run("brief", str(example_path), "--template", "no-such-template"), "no-such-template")


def test_batch_reports_the_bad_item_and_keeps_the_rest(example_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    result = run("brief", str(tmp_path / "missing.txt"), str(example_path), "-o", str(out))
    assert result.exit_code == 3
    assert "missing.txt: no such file" in result.stderr
    assert "## Situation" in out.read_text(encoding="utf-8")


def test_output_never_overwrites_an_input(example_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "article.md"
    copy.write_bytes(example_path.read_bytes())
    result = run("brief", str(copy), "-o", str(copy))
    _one_line_error(result, "overwrite an input")
    assert copy.read_bytes() == example_path.read_bytes()


def test_existing_output_is_replaced_atomically(example_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.md"
    out.write_text("old brief")
    assert run("brief", str(example_path), "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md"]


def test_every_command_has_help_with_an_example() -> None:
    for command in (["brief"], ["preview"], ["summarize"], ["methods"], ["templates"], ["templates", "show"]):
        result = run(*command, "--help")
        assert result.exit_code == 0
        assert "Example: briefing " in result.stdout, command


def test_python_dash_m_and_version() -> None:
    done = subprocess.run([sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True,
                          check=True)
    assert done.stdout.startswith("briefing ")


def test_eval_command(tmp_path: Path) -> None:
    data = tmp_path / "tiny.jsonl"
    rows = [{"text": "The dam burst on Monday. Water flooded the valley. Farmers lost their crops. Rain is due.",
             "summary": "The dam burst on Monday.\nWater flooded the valley."}] * 2
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = run("eval", str(data), "-m", "lead", "-m", "fast-lexrank", "--json")
    assert result.exit_code == 0, result.output
    scores = {m["method"]: m for m in json.loads(result.stdout)["methods"]}
    assert scores["lead"]["rouge1"] == 100.0  # the reference is the first two sentences
    assert 0 <= scores["fast-lexrank"]["rouge2"] <= 100
    table = run("eval", str(data), "-m", "lead", "-n", "1").stdout
    assert "ROUGE-Lsum" in table and "lead" in table
    data.write_text(json.dumps(rows[0]) + "\n{oops\n", encoding="utf-8")
    _one_line_error(run("eval", str(data)), "line 2")


DAILY = Path(__file__).parent / "data" / "daily"


def test_daily_with_nothing_readable_fails_before_history_or_dask(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    out = tmp_path / "d.md"
    # The scheduler is reached only once there are articles, so the reading error is what shows.
    result = run("daily", str(tmp_path / "missing.txt"), "--dask-scheduler", "tcp://127.0.0.1:9", "-o", str(out))
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [f"briefing: error: {tmp_path / 'missing.txt'}: no such file, folder or URL",
                                          "briefing: error: no articles could be read"]
    assert list(tmp_path.iterdir()) == []  # neither the brief nor a history file


def test_daily_records_history_in_the_user_data_folder_unless_no_history(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.history import History, default_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path().is_relative_to(tmp_path)
    article = str(DAILY / "flood-herald.txt")
    assert run("daily", article, "--no-history", "-o", str(tmp_path / "a.md")).exit_code == 0
    assert not default_path().exists()
    missing = str(tmp_path / "missing.txt")
    result = run("daily", article, missing, "--title", "First", "-o", str(tmp_path / "b.md"))
    assert result.exit_code == 3  # the brief is written and recorded, the bad source still fails the run
    assert result.stderr.splitlines() == [f"briefing: error: {missing}: no such file, folder or URL",
                                          f"wrote {tmp_path / 'b.md'}"]
    with History(default_path()) as past:
        assert [row.title for row in past.list_briefs()] == ["First"]

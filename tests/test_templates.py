"""Built-in templates: golden files for every template and format, the spec, copying, user folders.

Regenerate the golden files with `UPDATE_GOLDEN=1 pytest tests/test_render.py tests/test_templates.py`.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from fixtures_render import AGENCY, SENTENCES, airport_briefing, daily_briefing, docx_outline, fixture_for
from rich.console import Console

from briefing.errors import UsageError
from briefing.render import FORMAT_NAMES, render, render_terminal
from briefing.templates import copy_template, list_templates, load_template

GOLDEN = Path(__file__).parent / "golden"
BUILTINS = ("bluf", "daily", "sitrep", "standard")


def terminal(briefing, template=None, width: int = 80, **options) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    render_terminal(briefing, console, template, **options)
    # rich pads table cells to the full width; trailing spaces carry no meaning
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines()) + "\n"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.is_file(), f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{name} differs from its golden file"


def test_the_builtins() -> None:
    templates = list_templates()
    assert [t.name for t in templates] == list(BUILTINS)
    assert all(t.description and t.builtin for t in templates)


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "json", "docx", "terminal-80"])
@pytest.mark.parametrize("template", BUILTINS)
def test_golden(template: str, fmt: str) -> None:
    briefing, options = fixture_for(template)
    if fmt == "terminal-80":
        check_golden(f"{template}.terminal-80.txt", terminal(briefing, template, **options))
    elif fmt == "docx":
        check_golden(f"{template}.docx.txt", docx_outline(render(briefing, "docx", template, **options)))
    else:
        check_golden(f"{template}.{fmt}", render(briefing, fmt, template, **options))


def test_no_stray_golden_files() -> None:
    expected = {f"{t}.{ext}" for t in BUILTINS for ext in ("md", "html", "txt", "json", "docx.txt", "terminal-80.txt")}
    assert {p.name for p in GOLDEN.iterdir()} == expected


@pytest.mark.parametrize("template", BUILTINS)
def test_every_template_renders_a_single_and_a_several_story_brief(template: str) -> None:
    for briefing in (airport_briefing(), daily_briefing(third=True)):
        for fmt in FORMAT_NAMES:
            assert render(briefing, fmt, template)
        assert terminal(briefing, template, width=120)


def test_daily_bottom_line_has_each_story_in_one_line() -> None:
    """One line a story, at most the template's line words: its first Situation sentence, else its headline."""
    md = render(daily_briefing("daily", third=True), "md")
    bottom = md.split("## Bottom line\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert bottom == ["- " + SENTENCES[0], "- " + SENTENCES[12], "- Iraq-U.S. relations"]
    assert all(len(re.findall(r"\w+", line)) <= 30 for line in bottom)
    html = render(daily_briefing("daily"), "html")
    assert f'<a href="#story-2">{SENTENCES[12]}</a>' in html and '<article id="story-2">' in html


def test_bluf_puts_one_short_paragraph_first() -> None:
    text = render(airport_briefing(), "txt", "bluf")
    paragraphs = text.split("\n\n")
    assert paragraphs[1].startswith("Bottom line\n-----------\nAt least eight people")
    assert paragraphs[1].count("\n") == 2  # one paragraph, on one line
    assert paragraphs[2].startswith("Details\n")


def test_sitrep_order() -> None:
    data = json.loads(render(airport_briefing(), "json", "sitrep"))
    assert data["layout"] == ["situation", "figures", "actors", "background", "outlook"]
    assert [s["title"] for s in data["stories"][0]["sections"]] == ["Situation", "Key figures", "Background",
                                                                    "Outlook"]


# --- template folders ----------------------------------------------------------------------------


def test_bottom_line_needs_situation(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "template.toml").write_text('[[sections]]\nkey = "bottom_line"\nlimit = 1\n')
    with pytest.raises(UsageError, match="drawn from Situation"):
        load_template(folder)


def test_user_template_extends_a_builtin_without_its_own_rendering(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "template.toml").write_text('[[sections]]\nkey = "situation"\nlimit = 1\n')
    (folder / "brief.html.j2").write_text('{% extends "bluf/brief.html.j2" %}{% block footer %}<p>Mine</p>'
                                          "{% endblock %}")
    page = render(airport_briefing(), "html", folder)
    assert page.count("<li>") == 2 and "<p>Mine</p>" in page  # one excerpt, one source


def test_example_agency_folder() -> None:
    agency = load_template(str(AGENCY))
    assert agency.name == "agency" and not agency.builtin
    md = render(airport_briefing(), "md", agency)
    assert "## Summary" in md and md.endswith("*Prepared by the ACME analysis desk.*\n")
    page = render(airport_briefing(), "html", agency)
    assert "#1f3a5f" in page and "Prepared by the ACME analysis desk." in page and "@media print" in page
    assert "Summary" in render(airport_briefing(), "txt", agency)
    doc = docx_outline(render(airport_briefing(), "docx", agency))
    assert "Heading 1: People and organisations" in doc
    import docx

    word = docx.Document(io.BytesIO(render(airport_briefing(), "docx", agency)))
    assert word.styles["Normal"].font.name == "Liberation Serif"  # from agency/reference.docx


def test_copy_template(tmp_path: Path) -> None:
    dest = copy_template("sitrep", tmp_path / "my-sitrep")
    assert sorted(p.name for p in dest.iterdir()) == ["brief.html.j2", "brief.md.j2", "brief.txt.j2",
                                                       "template.toml"]
    copied = load_template(dest)
    assert copied.name == "my-sitrep" and copied.sections == load_template("sitrep").sections
    for fmt in ("md", "html", "txt"):
        assert render(airport_briefing(), fmt, copied) == render(airport_briefing(), fmt, "sitrep")
    agency = copy_template(str(AGENCY), tmp_path / "agency2")
    assert (agency / "reference.docx").read_bytes() == (AGENCY / "reference.docx").read_bytes()


def test_copy_template_refuses(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(UsageError, match="taken: already exists"):
        copy_template("standard", tmp_path / "taken")
    with pytest.raises(UsageError, match="does not exist"):
        copy_template("standard", tmp_path / "no" / "folder")
    with pytest.raises(UsageError, match="unknown template"):
        copy_template("nope", tmp_path / "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_describe() -> None:
    text = load_template("bluf").describe()
    assert text.splitlines()[0].startswith("bluf: Bottom line up front")
    assert "    bottom_line  'Bottom line'            limit 2" in text
    assert "    brief.html.j2  (from standard)" in text


@pytest.mark.parametrize("template", BUILTINS)
def test_html_is_self_contained_and_printable(template: str) -> None:
    briefing, options = fixture_for(template)
    page = render(briefing, "html", template, **options).lower()
    for external in ("<script", "<link", "<img", "<iframe", "<object", "url(", "@import", " src="):
        assert external not in page
    assert "@media print" in page and "@page" in page and "<style>" in page


def test_a_short_articles_story_may_take_up_to_half_of_it() -> None:
    from briefing.templates import Budget

    budget = Budget()  # 350 words, 0.4 of the article, at least 110 up to half
    assert budget.story_words(1000) == 350 and budget.story_words(500) == 200
    assert budget.story_words(130) == 65 and budget.story_words(180) == 90 and budget.story_words(250) == 110
    assert budget.story_words(300) == 120 and budget.story_words(400) == 160
    assert Budget(least_words=1).story_words(130) == 52

"""User templates run bounded: in steps, time, value and output size; `include` stays in the folder; a
template's own runtime errors are template errors (exit 2), never an internal error."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from briefing.cli import app
from briefing.errors import UsageError
from briefing.render import render
from briefing.render.sandbox import MAX_OUTPUT, MAX_STEPS
from briefing.templates import copy_template

runner = CliRunner()


def _folder(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "mine"
    copy_template("standard", folder)
    (folder / "brief.md.j2").write_text(body, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("body", "message"), [
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     f"more than {MAX_STEPS:,} steps"),
    ("{% for s in brief.stories %}{% for i in range(999) %}{% for j in range(999) %}{% for k in range(999) %}"
     "{% endfor %}{% endfor %}{% endfor %}{% endfor %}", "steps"),
    ("{{ 'x' * 10**8 }}", "more than 1,000,000 characters"),
    ("{% set ns = namespace(x='ab') %}{% for i in range(40) %}{% set ns.x = ns.x ~ ns.x %}{% endfor %}{{ ns.x }}",
     "more than 1,000,000 characters"),
    ("{% set ns = namespace(x='ab') %}{% for i in range(40) %}{% set ns.x = ns.x + ns.x %}{% endfor %}{{ ns.x }}",
     "more than 1,000,000 characters"),
    ("{{ 'x'|center(10**9) }}", "a number larger than 100,000"),
    ("{{ 'x'.ljust(999999999) }}", "a number larger than 100,000"),
    ("{{ '%0999999999d'|format(1) }}", "width or precision"),
    ("{{ '%0999999999d' % 1 }}", "width or precision"),
    ("{{ '{:>999999999}'.format(1) }}", "width or precision"),
    ("{{ 9 ** 99999 }}", "bits"),
    ("{% set s = 'a\n' * 400000 %}{{ s|indent(99999) }}", "more than 1,000,000 characters"),
    ("{% set big = 'x' * 900 %}{% for i in range(100000) %}{{ big }}{% endfor %}", f"longer than {MAX_OUTPUT:,}"),
    ("{{ lipsum(99999, max=99999) }}", "lipsum"),
    ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "RecursionError"),
    ("{{ (2 ** 1100) * 1.5 }}", "OverflowError"),
    ("{{ 1 // 0 }}", "ZeroDivisionError"),
])
def test_a_template_that_would_run_away_is_a_template_error(tmp_path: Path, example_briefing, body: str,
                                                            message: str) -> None:
    folder = _folder(tmp_path, body)
    start = time.monotonic()
    with pytest.raises(UsageError, match="template error") as info:
        render(example_briefing, "md", str(folder))
    assert message in str(info.value)
    assert time.monotonic() - start < 10


def test_a_runaway_template_is_exit_2_through_the_cli(tmp_path: Path, example_path: Path) -> None:
    folder = _folder(tmp_path, "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}")
    result = runner.invoke(app, ["brief", str(example_path), "-t", str(folder), "-o", str(tmp_path / "b.md")])
    assert result.exit_code == 2 and "template error: RecursionError" in result.stderr
    assert len(result.stderr.splitlines()) == 1 and not (tmp_path / "b.md").exists()


def test_include_does_not_follow_symlinks_out_of_the_folder(tmp_path: Path, example_briefing) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    folder = _folder(tmp_path, '{% include "leak.j2" %}')
    (folder / "leak.j2").symlink_to(secret)
    with pytest.raises(UsageError, match=r"leak\.j2"):
        render(example_briefing, "md", str(folder))
    (folder / "inside.j2").write_text("made here", encoding="utf-8")
    (folder / "brief.md.j2").write_text('{% include "inside.j2" %}', encoding="utf-8")
    assert render(example_briefing, "md", str(folder)).strip() == "made here"


def test_a_reference_docx_symlinked_out_of_the_folder_is_not_used(tmp_path: Path) -> None:
    elsewhere = tmp_path / "private.docx"
    docx.Document().save(str(elsewhere))
    folder = _folder(tmp_path, "x")
    (folder / "reference.docx").symlink_to(elsewhere)
    from briefing.templates import load_template

    assert load_template(str(folder)).file("reference.docx") is None


def _word_template(path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_a_word_template_is_bounded_too(tmp_path: Path, example_briefing) -> None:
    looping = _word_template(tmp_path / "loops.docx", "{%p for i in range(100000) %}", "{%p for j in range(100000) %}",
                             "{{ i }}", "{%p endfor %}", "{%p endfor %}")
    start = time.monotonic()
    with pytest.raises(UsageError, match=r"Word template error: the template(.s output is longer| takes more) than"):
        render(example_briefing, "docx", docx_template=looping)
    assert time.monotonic() - start < 15
    big = _word_template(tmp_path / "big.docx", "{{ 'x' * 10**8 }}")
    with pytest.raises(UsageError, match="Word template error: the template makes a value"):
        render(example_briefing, "docx", docx_template=big)
    recursive = _word_template(tmp_path / "rec.docx", "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}")
    with pytest.raises(UsageError, match="Word template error: RecursionError"):
        render(example_briefing, "docx", docx_template=recursive)

"""An output never overwrites an input, whatever brought the input in; temporary files do not pile up; any
name the file system takes is a valid output name."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from bad_inputs import NEWS
from click.testing import CliRunner

import briefing
from briefing.cli import app
from briefing.errors import OutputError
from briefing.render import files
from briefing.render.files import refuse_inputs, remove_stale_temps, write_atomic

runner = CliRunner()
DAILY = Path(__file__).parent / "data" / "daily"


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    for name in ("flood-herald.txt", "launch-wire.txt"):
        (folder / name).write_bytes((DAILY / name).read_bytes())
    (folder / "sub" / "b.txt").write_text(NEWS, encoding="utf-8")
    return folder


def _word_file(path: Path, text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path.read_bytes()


@pytest.mark.parametrize(("args", "output"), [
    (["daily", "{news}"], "{news}/sub/b.txt"),  # a folder brings in its files
    (["daily", "{news}/*.txt"], "{news}/launch-wire.txt"),  # a glob
    (["daily", "{news}/**/*.txt"], "{news}/sub/b.txt"),
    (["daily", "{news}/sub/../flood-herald.txt"], "{news}/flood-herald.txt"),  # another spelling
    (["brief", "{news}/sub/b.txt"], "{news}/link.txt"),  # a symlink to the input
    (["brief", "{news}/sub/b.txt"], "{news}/hard.txt"),  # a hard link: the same inode
])
def test_no_input_is_overwritten_however_it_came_in(news: Path, args: list[str], output: str) -> None:
    (news / "link.txt").symlink_to(news / "sub" / "b.txt")
    os.link(news / "sub" / "b.txt", news / "hard.txt")
    before = {p: p.read_bytes() for p in news.rglob("*") if p.is_file()}
    argv = [a.format(news=news) for a in args] + ["--no-history"] * (args[0] == "daily")
    result = runner.invoke(app, [*argv, "-o", output.format(news=news)])
    assert result.exit_code == 4, result.output
    assert "overwrite an input file" in result.stderr and len(result.stderr.splitlines()) == 1
    assert {p: p.read_bytes() for p in news.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("option", ["--docx-template", "--reference-docx"])
def test_a_word_template_or_reference_is_never_the_output(tmp_path: Path, option: str,
                                                          example_path: Path) -> None:
    house = tmp_path / "house.docx"
    original = _word_file(house, "{{ brief.title }}")
    result = runner.invoke(app, ["brief", str(example_path), option, str(house), "-o", str(house)])
    assert result.exit_code == 4 and "overwrite an input file" in result.stderr
    assert house.read_bytes() == original


def test_a_template_folders_files_are_never_the_output(tmp_path: Path, example_path: Path) -> None:
    folder = tmp_path / "mine"
    assert runner.invoke(app, ["templates", "copy", "standard", str(folder)]).exit_code == 0
    reference = folder / "reference.docx"
    original = _word_file(reference, "house style")
    result = runner.invoke(app, ["brief", str(example_path), "--template", str(folder), "-o", str(reference)])
    assert result.exit_code == 4 and "overwrite an input file" in result.stderr
    assert reference.read_bytes() == original


def test_write_refuses_the_files_a_brief_was_made_from(news: Path, tmp_path: Path) -> None:
    day = briefing.daily_brief([news])
    article = news / "launch-wire.txt"
    original = article.read_bytes()
    with pytest.raises(OutputError, match="overwrite an input file"):
        briefing.write(day, article)
    assert article.read_bytes() == original
    assert briefing.write(day, tmp_path / "day.md").exists()


def test_refuse_inputs_compares_resolved_paths_and_inodes(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("x")
    os.link(source, tmp_path / "b.txt")
    for output in (source, tmp_path / "." / "a.txt", tmp_path / "b.txt"):
        with pytest.raises(OutputError):
            refuse_inputs(output, [None, "-", source])
    refuse_inputs(tmp_path / "c.txt", [source, "-", None])


def test_a_long_valid_name_is_written_and_a_too_long_one_refused(example_path: Path, tmp_path: Path) -> None:
    fine = tmp_path / ("a" * 246 + ".txt")  # 250 bytes: the temporary file's name must still fit
    result = runner.invoke(app, ["brief", str(example_path), "-o", str(fine)])
    assert result.exit_code == 0, result.output
    assert "Soleimani" in fine.read_text(encoding="utf-8")
    fine_utf8 = tmp_path / ("é" * 125 + ".md")  # 254 bytes
    assert runner.invoke(app, ["brief", str(example_path), "-o", str(fine_utf8)]).exit_code == 0
    long = tmp_path / ("b" * 296 + ".txt")
    result = runner.invoke(app, ["brief", str(example_path), "-o", str(long)])
    assert result.exit_code == 4 and "file name too long" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fine.name, fine_utf8.name])


def test_a_killed_writers_temporary_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    out = tmp_path / "brief.md"
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                           check=True)
    dead = int(child.stdout)  # a process that has ended
    left = [tmp_path / f".brief.md.{dead}-abcd1234.tmp", tmp_path / ".brief.md.old_x123.tmp"]
    for path in left:
        path.write_text("partial")
    old = time.time() - files.STALE_SECONDS - 10
    os.utime(left[1], (old, old))
    alive = tmp_path / f".brief.md.{os.getppid()}-zzzz9999.tmp"  # a running writer's: kept
    alive.write_text("in progress")
    other = tmp_path / f".brief.md.x.{dead}-abcd1234.tmp"  # another output's ("brief.md.x"): kept
    other.write_text("not ours")
    write_atomic(out, "today's brief")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["brief.md", alive.name, other.name])


def test_stale_temps_of_a_long_name_are_found(tmp_path: Path) -> None:
    name = "n" * 240 + ".md"
    write_atomic(tmp_path / name, "one")
    prefix = files._temp_prefix(name)
    assert len(prefix) < 200
    leftover = tmp_path / f"{prefix}999999999-abcdefgh.tmp"
    leftover.write_text("partial")
    remove_stale_temps(tmp_path, name)
    assert [p.name for p in tmp_path.iterdir()] == [name]

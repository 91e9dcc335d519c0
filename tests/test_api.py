"""The Python API: `briefing.daily_brief`, and one ReadOptions for every way of reading."""

from __future__ import annotations

from pathlib import Path

import pytest

import briefing
from briefing.api import document
from briefing.errors import InputError
from briefing.history import History
from briefing.sources import ReadOptions

DATA = Path(__file__).parent / "data" / "daily"


def test_daily_groups_a_folder_and_reports_bad_sources(tmp_path: Path) -> None:
    errors: list[tuple[str, str]] = []
    result = briefing.daily_brief([DATA, tmp_path / "missing.txt"], on_error=lambda s, m: errors.append((s, m)))
    groups = [{Path(ref.source).name for ref in story.sources} for story in result.stories]
    assert {"flood-herald.txt", "flood-tribune.txt"} in groups
    assert {"launch-wire.txt", "launch-journal.txt"} in groups
    assert result.template == "daily" and len(result.stories) == 4
    assert errors and errors[0][0].endswith("missing.txt")


def test_daily_without_on_error_keeps_failures_as_notices(tmp_path: Path) -> None:
    result = briefing.daily_brief([DATA / "flood-herald.txt", tmp_path / "missing.txt"], max_stories=1)
    assert len(result.stories) == 1
    assert any("missing.txt" in notice for notice in result.notices)


def test_daily_history_marks_a_repeated_story(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite"
    flood = [DATA / "flood-herald.txt", DATA / "flood-tribune.txt"]
    assert not briefing.daily_brief(flood, history=path).stories[0].seen
    again = briefing.daily_brief([*flood, DATA / "launch-wire.txt"], history=path)
    seen = {Path(s.sources[0].source).name: s.seen for s in again.stories}
    assert seen["launch-wire.txt"] is False
    assert any(name.startswith("flood") and flag for name, flag in seen.items())
    with History(path) as past:
        assert len(past.list_briefs()) == 2


def test_daily_with_nothing_readable_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no articles could be read"):
        briefing.daily_brief([tmp_path / "missing.txt"], on_error=lambda s, m: None)


def test_one_read_options_limits_files_and_sentences(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(" ".join(f"Sentence number {i} is here." for i in range(40)), encoding="utf-8")
    assert len(document(path, ReadOptions(max_sentences=10))) == 10
    with pytest.raises(InputError, match="larger than"):
        document(path, ReadOptions(max_input_bytes=100))


def test_write_renders_with_the_template_the_brief_was_made_with(tmp_path: Path) -> None:
    day = briefing.daily_brief([DATA / "flood-herald.txt", DATA / "launch-wire.txt"])
    out = briefing.write(day, tmp_path / "day.md")
    text = out.read_text(encoding="utf-8")
    assert text == briefing.write(day, tmp_path / "same.md", template="daily").read_text(encoding="utf-8")
    assert text != briefing.write(day, tmp_path / "standard.md", template="standard").read_text(encoding="utf-8")

"""The brief history: record, recognise seen stories and sentences, list, and fail cleanly."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from briefing.errors import BriefingError, InputError, OutputError
from briefing.history import SCHEMA_VERSION, History, StoryKey, default_path, fingerprint

FLOOD = StoryKey.of("Floods force evacuations in Riverton", [
    "Heavy rain caused the Tamsin River to burst its banks on Monday.",
    "Emergency crews used boats to rescue families.",
    "The mayor declared a state of emergency.",
    "Shelters opened in two schools.",
])


def test_record_then_seen_and_list(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "history.sqlite3"
    with History(path) as history:
        assert not history.seen_story(FLOOD)
        assert history.list_briefs() == []
        brief_id = history.record("Daily brief", date(2024, 1, 2), [FLOOD])
    with History(path) as history:  # a later run reads what an earlier one wrote
        assert history.seen_story(FLOOD)
        assert history.seen_story(FLOOD.fingerprint)
        (row,) = history.list_briefs()
        assert (row.id, row.title, row.date, row.stories) == (brief_id, "Daily brief", date(2024, 1, 2), 1)
        assert row.created.tzinfo is not None
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_story_with_a_new_headline_but_the_same_sentences_is_seen(tmp_path: Path) -> None:
    with History(tmp_path / "h.sqlite3") as history:
        history.record("Monday", date(2024, 1, 1), [FLOOD])
        # Another outlet: new headline, three of its four sentences already seen (case and punctuation differ).
        again = StoryKey.of("Riverton under water", [
            "heavy rain caused the Tamsin river to burst its banks on Monday",
            "Emergency crews used boats to rescue families!",
            "The mayor declared a  state of emergency.",
            "Forecasters expect more rain.",
        ])
        new = StoryKey.of("Eclipse over Casterly", ["Crowds watched the eclipse.", "It lasted four minutes.",
                                                    "The mayor declared a state of emergency."])
        assert history.seen_story(again)
        assert not history.seen_story(new)  # one sentence in three is not a good share
        assert history.seen_story(new, share=0.3)
        hashes = [fingerprint("Emergency crews used boats to rescue families."), fingerprint("Never said.")]
        assert history.seen_sentences(hashes) == {hashes[0]}


def test_briefs_are_listed_in_order(tmp_path: Path) -> None:
    with History(tmp_path / "h.sqlite3") as history:
        for day in (1, 2, 3):
            history.record(f"Day {day}", date(2024, 1, day), [])
        assert [r.title for r in history.list_briefs()] == ["Day 1", "Day 2", "Day 3"]


def test_corrupt_file_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database at all " * 200)
    with pytest.raises(InputError, match="damaged or not a briefing history") as info:
        History(path).list_briefs()
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_foreign_and_newer_databases_are_refused(tmp_path: Path) -> None:
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE things (x)")
    with pytest.raises(InputError, match="not a briefing history"):
        History(foreign).seen_story(FLOOD)
    newer = tmp_path / "newer.sqlite3"
    with sqlite3.connect(newer) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(InputError, match="newer briefing"):
        History(newer).list_briefs()


def test_locked_database_is_a_clean_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "h.sqlite3"
    History(path).record("Earlier", None, [])  # create it (reading no longer creates the file)
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        history = History(path)
        monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: _fast_connect(*a, **k))
        with pytest.raises(BriefingError, match="locked") as info:
            history.record("Daily", None, [FLOOD])
        assert isinstance(info.value, InputError | OutputError)
    finally:
        locker.execute("ROLLBACK")
        locker.close()


_real_connect = sqlite3.connect


def _fast_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
    kwargs["timeout"] = 0.05  # don't wait the full busy timeout in a test
    return _real_connect(*args, **kwargs)  # type: ignore[arg-type]


def test_unwritable_location_is_a_clean_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="cannot create the history folder"):
        History(blocker / "sub" / "h.sqlite3").list_briefs()


def test_default_path_is_in_the_user_data_folder() -> None:
    path = default_path()
    assert path.name == "history.sqlite3" and "briefing" in str(path.parent)


# --- recorded only once the brief is out; checked before the work ------------------------------------------

DAILY = Path(__file__).parent / "data" / "daily"
FLOOD_FILES = [str(DAILY / "flood-herald.txt"), str(DAILY / "flood-tribune.txt")]


def _daily(*args: str):
    from click.testing import CliRunner

    from briefing.cli import app

    return CliRunner().invoke(app, ["daily", *args])


def test_a_failed_write_records_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from briefing.render import files

    path = tmp_path / "h.sqlite3"
    real_replace = files.os.replace

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "replace", disk_full)
    result = _daily(*FLOOD_FILES, "--history", str(path), "-o", str(tmp_path / "a.md"))
    assert result.exit_code == 4 and "No space left" in result.stderr
    assert History(path).list_briefs() == [] and not path.exists()
    monkeypatch.setattr(files.os, "replace", real_replace)
    assert _daily(*FLOOD_FILES, "--history", str(path), "-o", str(tmp_path / "b.md")).exit_code == 0
    assert "(seen before)" not in (tmp_path / "b.md").read_text(encoding="utf-8")  # nobody saw the first
    assert [row.stories for row in History(path).list_briefs()] == [1]


def test_an_interrupted_write_records_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.render import files

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "fsync", interrupt)
    path = tmp_path / "h.sqlite3"
    result = _daily(*FLOOD_FILES, "--history", str(path), "-o", str(tmp_path / "a.md"))
    assert result.exit_code == 130
    assert History(path).list_briefs() == []


def test_a_lock_taken_after_the_work_keeps_the_written_brief(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.render

    path = tmp_path / "h.sqlite3"
    History(path).record("Earlier", None, [])
    out = tmp_path / "day.md"
    lockers: list[sqlite3.Connection] = []
    real_render = briefing.render.render_to_path

    def render_then_lock(*args: object, **kwargs: object) -> Path:
        written = real_render(*args, **kwargs)  # type: ignore[arg-type]
        locker = sqlite3.connect(path, isolation_level=None)
        locker.execute("BEGIN EXCLUSIVE")  # another run, holding the history for longer than we wait
        lockers.append(locker)
        monkeypatch.setattr(sqlite3, "connect", _fast_connect)
        return written

    monkeypatch.setattr(briefing.render, "render_to_path", render_then_lock)
    try:
        result = _daily(*FLOOD_FILES, "--history", str(path), "-o", str(out))
    finally:
        for locker in lockers:
            locker.execute("ROLLBACK")
            locker.close()
    assert result.exit_code == 4
    assert result.stderr.splitlines()[-1] == (f"briefing: error: {path}: history is locked by another briefing run; "
                                              "try again; the brief was not recorded")
    assert "## " in out.read_text(encoding="utf-8")  # the finished brief is kept
    assert [row.title for row in History(path).list_briefs()] == ["Earlier"]


def test_a_history_folder_fails_before_the_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.ingest.sources

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("read before the history was checked")

    monkeypatch.setattr(briefing.ingest.sources, "collect", no_reading)
    result = _daily(*FLOOD_FILES, "--history", str(tmp_path), "-o", str(tmp_path / "a.md"))
    assert result.exit_code == 4
    assert result.stderr.splitlines() == [f"briefing: error: {tmp_path}: is a folder, not a history file; "
                                          "use another --history"]


def test_a_locked_history_fails_before_the_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.ingest.sources

    path = tmp_path / "h.sqlite3"
    History(path).record("Earlier", None, [])
    monkeypatch.setattr(briefing.ingest.sources, "collect", lambda *a, **k: pytest.fail("read before the check"))
    monkeypatch.setattr(sqlite3, "connect", _fast_connect)
    locker = _real_connect(path, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")  # another run is recording
    try:
        result = _daily(*FLOOD_FILES, "--history", str(path), "-o", str(tmp_path / "a.md"))
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert result.exit_code == 4 and "history is locked" in result.stderr
    assert not (tmp_path / "a.md").exists()


def test_reading_a_missing_history_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "h.sqlite3"
    with History(path) as history:
        history.check()
        assert history.list_briefs() == [] and not history.seen_story(FLOOD)
        assert history.seen_sentences(FLOOD.sentences) == set()
    assert not (tmp_path / "sub").exists()


def test_history_command_lists_newest_first_and_creates_nothing(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from briefing.cli import app

    path = tmp_path / "h.sqlite3"
    result = CliRunner().invoke(app, ["history", "--history", str(path)])
    assert result.exit_code == 0 and result.stdout.strip() == "no briefs recorded yet"
    assert not path.exists()
    with History(path) as history:
        for day in (1, 2, 3):
            history.record(f"Day {day}", date(2024, 1, day), [])
    lines = CliRunner().invoke(app, ["history", "--history", str(path)]).stdout.splitlines()
    assert [line.split()[-1] for line in lines] == ["3", "2", "1"]
    assert History(path).list_briefs(newest_first=True)[0].title == "Day 3"


def test_a_daily_brief_can_be_recorded_after_it_is_written(tmp_path: Path) -> None:
    import briefing
    from briefing.history import record_briefing

    path = tmp_path / "h.sqlite3"
    day = briefing.daily_brief(FLOOD_FILES, history=path, record=False)
    assert not path.exists() and day.history_keys is not None and len(day.history_keys) == 1
    briefing.write(day, tmp_path / "day.md")
    assert record_briefing(path, day) == 1
    again = briefing.daily_brief(FLOOD_FILES, history=path)
    assert again.stories[0].seen and len(History(path).list_briefs()) == 2
    assert record_briefing(path, briefing.daily_brief(FLOOD_FILES)) is None  # made without a history

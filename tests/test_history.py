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
    History(path).list_briefs()  # create it
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

"""The Python API: `briefing.daily_brief`, and one ReadOptions for every way of reading."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import briefing
from briefing.api import document
from briefing.errors import InputError
from briefing.history import History
from briefing.options import ReadOptions

DATA = Path(__file__).parent / "data" / "daily"


def test_daily_groups_a_folder_and_reports_bad_sources(tmp_path: Path) -> None:
    errors: list[tuple[str, str]] = []
    result = briefing.daily_brief([DATA, tmp_path / "missing.txt"], on_error=lambda s, m: errors.append((s, m)))
    groups = [{Path(ref.source).name for ref in story.sources} for story in result.stories]
    assert {"flood-herald.txt", "flood-tribune.txt"} in groups
    assert {"launch-wire.txt", "launch-journal.txt"} in groups
    assert result.template_name == "daily" and len(result.stories) == 4
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
    with pytest.raises(InputError, match=r"^no articles could be read$"):
        briefing.daily_brief([tmp_path / "missing.txt"], on_error=lambda s, m: None)


def test_daily_reports_progress_by_stage() -> None:
    calls: list[tuple[str, int, int | None]] = []
    files = [DATA / "flood-herald.txt", DATA / "flood-tribune.txt", DATA / "launch-wire.txt"]
    briefing.daily_brief(files, progress=lambda stage, done, total: calls.append((stage, done, total)))
    reading = [c for c in calls if c[0] == "reading"]
    summarising = [c for c in calls if c[0] == "summarising"]
    assert calls[0] == ("reading", 0, None) and calls.index(summarising[0]) == len(reading)
    assert reading[1:] == [("reading", i, 3) for i in (1, 2, 3)]
    total = summarising[-1][2]
    done = [c[1] for c in summarising[1:]]
    assert summarising[0] == ("summarising", 0, None) and {c[2] for c in summarising[1:]} == {total}
    assert done == sorted(set(done)) and done[-1] == total  # articles done, by job (parsed together)
    assert total == 3  # each article composed once: two flood reports and the launch


class _CountingPool(ThreadPoolExecutor):
    """A real thread pool that records the threads its work ran on."""

    def __init__(self) -> None:
        super().__init__(max_workers=2, thread_name_prefix="daily-test")
        self.threads: set[str] = set()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        def run(*a: Any, **k: Any) -> Any:
            self.threads.add(threading.current_thread().name)
            return fn(*a, **k)

        return super().submit(run, *args, **kwargs)


def test_daily_runs_summarising_on_the_executor_and_leaves_it_open() -> None:
    files = [DATA / "flood-herald.txt", DATA / "flood-tribune.txt", DATA / "launch-wire.txt"]
    with _CountingPool() as pool:
        result = briefing.daily_brief(files, executor=pool)
        assert pool.threads and all(name.startswith("daily-test") for name in pool.threads)
        assert pool.submit(sum, [1, 2]).result() == 3  # the caller's pool is not shut down
    assert result == briefing.daily_brief(files)


def test_daily_enters_an_executor_factory_only_when_there_are_articles(tmp_path: Path) -> None:
    events: list[str] = []

    @contextmanager
    def pool() -> Iterator[ThreadPoolExecutor]:
        events.append("open")
        with _CountingPool() as executor:
            yield executor
            events.append(f"ran on {len(executor.threads)} threads" if executor.threads else "unused")
        events.append("closed")

    with pytest.raises(InputError):
        briefing.daily_brief([tmp_path / "missing.txt"], on_error=lambda s, m: None, executor=pool)
    assert events == []
    briefing.daily_brief([DATA / "flood-herald.txt", DATA / "launch-wire.txt"], executor=pool)
    assert events[0] == "open" and events[1].startswith("ran on") and events[2] == "closed"


def test_daily_takes_an_open_history_and_leaves_it_open(tmp_path: Path) -> None:
    flood = [DATA / "flood-herald.txt", DATA / "flood-tribune.txt"]
    with History(tmp_path / "h.sqlite3") as past:
        assert not briefing.daily_brief(flood, history=past).stories[0].seen
        assert briefing.daily_brief(flood, history=past).stories[0].seen
        assert len(past.list_briefs()) == 2


def test_daily_without_history_writes_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    briefing.daily_brief([DATA / "flood-herald.txt"])
    assert list(tmp_path.rglob("*.sqlite3")) == []


def test_daily_sends_reading_notes_to_on_note_else_to_notices(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Storm</title>'
        "<link>http://127.0.0.1:9/gone.html</link><description>Storm clouds gathered over the harbour on Friday "
        "as ferries stayed in port. Sailors waited for the wind to drop.</description></item></channel></rss>",
        encoding="utf-8")
    options = ReadOptions(allow_private=True, timeout=2.0)
    notes: list[tuple[str, str]] = []
    result = briefing.daily_brief([feed], read_options=options, on_note=lambda s, m: notes.append((s, m)))
    assert [s for s, _ in notes] == ["http://127.0.0.1:9/gone.html"]
    assert not any("gone.html" in notice for notice in result.notices)
    kept = briefing.daily_brief([feed], read_options=options).notices
    assert [n for n in kept if n.startswith("http://127.0.0.1:9/gone.html: ")] == [f"{s}: {m}" for s, m in notes]


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


def test_brief_of_a_jsonl_file_is_one_story_per_line(tmp_path: Path) -> None:
    import json

    texts = [(DATA / name).read_text(encoding="utf-8").partition("\n\n")[2] for name in
             ("flood-herald.txt", "launch-wire.txt")]
    path = tmp_path / "day.jsonl"
    path.write_text("\n".join([json.dumps({"id": "a", "text": texts[0]}), "{not json",
                               json.dumps({"id": "b", "text": 'He said "yes" to it. ' + texts[1]})]) + "\n",
                    encoding="utf-8")
    errors: list[tuple[str, str]] = []
    result = briefing.brief(path, on_error=lambda s, m: errors.append((s, m)))
    assert len(result.stories) == 2 and [ref.source for s in result.stories for ref in s.sources] == [
        f"{path}:1", f"{path}:3"]
    assert errors == [(f"{path}:2", "line 2: not valid JSON (Expecting property name enclosed in double quotes "
                                    "at column 2)")]
    assert not any("\\" in e.text for s in result.stories for sec in s.sections for e in sec.excerpts)
    with pytest.raises(InputError, match="line 2"):
        briefing.brief(path)

"""Expanding the daily brief's arguments: folders, globs, JSONL, stdin, order and failures."""

from __future__ import annotations

import io
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from briefing.errors import InputError
from briefing.ingest.jsonl import read_jsonl
from briefing.ingest.sources import collect
from briefing.options import ReadOptions


def _article(path: Path, title: str, body: str = "Something happened today. People talked about it.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    _article(root / "b.txt", "Bravo")
    _article(root / "a.md", "# Alpha")
    (root / "c.html").write_text("<html><body><article><h1>Charlie</h1><p>The charlie story is told here in full "
                                 "sentences. It has a second sentence too.</p></article></body></html>")
    _article(root / "outlet" / "d.txt", "Delta")
    _article(root / ".hidden" / "e.txt", "Hidden")
    _article(root / ".f.txt", "Hidden file")
    (root / "notes.csv").write_text("a,b\n")
    return root


def _collect(args: list[str], workers: int = 1, **kwargs: object) -> tuple[list, list[tuple[str, str]]]:
    errors: list[tuple[str, str]] = []
    articles = collect(args, ReadOptions(workers=workers), on_error=lambda s, m: errors.append((s, m)),
                       **kwargs)  # type: ignore[arg-type]
    return articles, errors


def test_folder_is_read_recursively_sorted_and_hidden_skipped(folder: Path) -> None:
    articles, errors = _collect([str(folder)])
    assert [a.title for a in articles] == ["Alpha", "Bravo", "Charlie", "Delta"]
    assert articles[3].source == str(folder / "outlet" / "d.txt")
    assert errors == []


def test_glob_matches_sorted_and_duplicates_are_read_once(folder: Path) -> None:
    articles, errors = _collect([str(folder / "*.txt"), str(folder / "b.txt"), str(folder / "**" / "*.txt")])
    assert [a.title for a in articles] == ["Bravo", "Delta"]
    assert errors == []


def test_missing_inputs_are_reported_and_the_rest_go_on(folder: Path, tmp_path: Path) -> None:
    articles, errors = _collect([str(tmp_path / "nothing.txt"), str(tmp_path / "none-*.md"), str(folder / "b.txt"),
                                 "file:///etc/passwd"])
    assert [a.title for a in articles] == ["Bravo"]
    assert [e[0] for e in errors] == [str(tmp_path / "nothing.txt"), str(tmp_path / "none-*.md"),
                                      "file:///etc/passwd"]
    assert "no such file" in errors[0][1] and "no files match" in errors[1][1]


def test_without_an_error_handler_the_first_failure_raises(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        collect([str(tmp_path / "nothing.txt")])


def test_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    lines = [
        json.dumps({"text": "First story text. It goes on.", "title": "One", "url": "https://a.example/1",
                    "published": "2024-05-01"}),
        "{not json",
        json.dumps({"documents": ["Doc one of a cluster. More.", "Doc two of a cluster. More."], "title": "Two"}),
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Dated badly. Still text.", "published": "someday"}),
        json.dumps({"id": "custom id", "text": "With its own id. Fine."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = _collect([str(path)])
    assert [a.id for a in articles] == ["day-1", "day-3-1", "day-3-2", "custom-id"]
    assert articles[0].url == "https://a.example/1" and str(articles[0].published) == "2024-05-01"
    assert articles[1].title == "Two" and articles[1].source == f"{path}:3"
    assert [s for s, _ in errors] == [f"{path}:2", f"{path}:4", f"{path}:6"]
    assert errors[0][1].startswith("line 2: not valid JSON")
    assert "'published' is not a date" in errors[2][1]
    with pytest.raises(InputError, match="line 2"):
        list(read_jsonl(path))


def test_stdin_article_and_stdin_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Piped headline\n\nPiped text here. Two.\n")))
    articles, _ = _collect(["-"])
    assert [(a.id, a.title, a.source) for a in articles] == [("stdin", "Piped headline", "-")]
    lines = b'{"text": "From a pipe. Yes."}\n{"text": "Second from a pipe. Yes."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    articles, _ = _collect(["-"])
    assert [a.id for a in articles] == ["stdin-1", "stdin-2"]


def test_order_is_kept_with_workers_and_an_executor(folder: Path) -> None:
    expected = [a.title for a in _collect([str(folder)])[0]]
    done: list[tuple[int, int]] = []
    articles, _ = _collect([str(folder)], workers=3, progress=lambda d, t: done.append((d, t)))
    assert [a.title for a in articles] == expected
    assert done == [(1, 4), (2, 4), (3, 4), (4, 4)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        assert [a.title for a in _collect([str(folder)], executor=pool)[0]] == expected


def test_repeated_ids_are_made_unique(tmp_path: Path) -> None:
    _article(tmp_path / "x" / "story.txt", "One")
    _article(tmp_path / "y" / "story.txt", "Two")
    _article(tmp_path / "y" / "story-2.txt", "Three")
    articles, _ = _collect([str(tmp_path / "x"), str(tmp_path / "y")])
    # y/story-2.txt sorts before y/story.txt, so y/story.txt takes the next free suffix
    assert [(a.title, a.id) for a in articles] == [("One", "story"), ("Three", "story-2"), ("Two", "story-3")]

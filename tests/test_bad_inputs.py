"""Every item of the bad-input corpus gets its documented outcome through the CLI, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from bad_inputs import CORPUS, NEWS, Item
from click.testing import CliRunner

from briefing.cli import app

runner = CliRunner()


@pytest.mark.parametrize("item", CORPUS, ids=[i.name for i in CORPUS])
def test_corpus_item(item: Item, tmp_path: Path) -> None:
    path = tmp_path / item.name
    path.write_bytes(item.make())
    out = tmp_path / "brief.docx"
    result = runner.invoke(app, ["brief", str(path), "-o", str(out), *item.args])
    assert "Traceback" not in result.output
    assert result.exit_code == item.exit_code, result.output
    lines = [line for line in result.stderr.splitlines() if not line.startswith("wrote ")]
    if item.exit_code:
        assert len(lines) == 1 and lines[0].startswith(f"briefing: error: {path}: ")
        assert not out.exists()
    else:
        document = docx.Document(str(out))  # Word output opens: no character python-docx refuses
        assert any(p.style.name == "List Bullet" for p in document.paragraphs)
    if item.stderr:
        assert item.stderr in result.stderr
    else:
        assert not lines, lines
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({item.name, *(["brief.docx"] * (out.exists()))})


def test_one_bad_item_does_not_stop_the_batch(tmp_path: Path) -> None:
    paths = []
    for item in CORPUS:
        if item.name in ("big-50mb.txt", "zip-bomb.docx") or item.args:
            continue
        (tmp_path / item.name).write_bytes(item.make())
        paths.append(str(tmp_path / item.name))
    out = tmp_path / "all.json"
    result = runner.invoke(app, ["brief", *paths, "-o", str(out)])
    assert result.exit_code == 3
    errors = [line for line in result.stderr.splitlines() if line.startswith("briefing: error:")]
    assert len(errors) == sum(1 for i in CORPUS if i.exit_code and f"{tmp_path}/{i.name}" in paths)
    data = json.loads(out.read_text(encoding="utf-8"))
    good = [i for i in CORPUS if not i.exit_code and not i.args and str(tmp_path / i.name) in paths]
    assert len(data["stories"]) == len(good)


def test_daily_with_a_broken_feed_and_a_bad_jsonl_line(tmp_path: Path) -> None:
    feed = tmp_path / "broken.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        f"<item><title>Budget</title><description>{NEWS}</description></item>"
        "<item><title>Broken &amp; empty</title></item>"
        "<item><title>Unclosed <description>The council met.</item>"
        "</channel></rss>", encoding="utf-8")
    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_text(json.dumps({"text": NEWS, "title": "Budget"}) + "\n{broken\n" + json.dumps({"x": 1}) + "\n",
                     encoding="utf-8")
    out = tmp_path / "daily.md"
    result = runner.invoke(app, ["daily", str(feed), str(jsonl), "--no-history", "-o", str(out)])
    assert "Traceback" not in result.output
    assert result.exit_code == 3
    assert "line 2" in result.stderr and "line 3" in result.stderr
    assert "The council approved the new budget" in out.read_text(encoding="utf-8")

"""briefing.evaluate: ROUGE of methods on JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from briefing.errors import InputError, UsageError
from briefing.evaluate import evaluate, load, render_table, to_json

TEXT = ("The council approved the new budget on Monday. It will fund three schools and a library. "
        "Residents welcomed the plan at a meeting in the town hall. Some asked why the bus fares rose.")


def _write(tmp_path: Path, records: list[dict], name: str = "data.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_scores_in_range_and_identical_summary_scores_100(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": TEXT, "summary": "The council approved the new budget on Monday."},
        {"id": "b", "text": TEXT, "summary": "The council approved the new budget on Monday.\n"
                                             "It will fund three schools and a library."},
    ]
    result = evaluate(_write(tmp_path, records), ["lead", "default", "fast-lexrank"])
    assert result.items == 2 and result.sentences is None
    by_name = {s.method: s for s in result.scores}
    for score in result.scores:
        for key in ("rouge1", "rouge2", "rougeL", "rougeLsum"):
            assert 0.0 <= score.get(key) <= 100.0
    # Lead at the reference's length reproduces both references exactly.
    for key in ("rouge1", "rouge2", "rougeL", "rougeLsum"):
        assert by_name["lead"].get(key) == pytest.approx(100.0)


def test_fixed_sentence_count_and_limit(tmp_path: Path) -> None:
    records = [{"text": TEXT, "summary": "The council approved the new budget on Monday."}] * 5
    result = evaluate(_write(tmp_path, records), ["lead"], sentences=2, limit=3)
    assert result.items == 3 and result.sentences == 2
    assert result.scores[0].rouge1 < 100.0  # two sentences against a one-sentence reference


def test_documents_field_is_joined(tmp_path: Path) -> None:
    records = [{"documents": ["First article says the dam is safe.", "Second article says it leaks."],
                "summary": "First article says the dam is safe. Second article says it leaks."}]
    items = load(_write(tmp_path, records))
    assert "\n\n" in items[0].article.text
    assert items[0].reference == ("First article says the dam is safe.", "Second article says it leaks.")
    result = evaluate(_write(tmp_path, records), ["lead"])
    assert result.scores[0].rouge1 == pytest.approx(100.0)


def test_bad_line_reports_its_number(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"text": TEXT, "summary": "x"}) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3"):
        evaluate(path, ["lead"])
    path.write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 1.*summary"):
        evaluate(path, ["lead"])


def test_missing_file_and_unknown_method(tmp_path: Path) -> None:
    with pytest.raises(InputError) as error:
        evaluate(tmp_path / "nope.jsonl", ["lead"])
    assert "\n" not in str(error.value)
    with pytest.raises(UsageError):
        evaluate(_write(tmp_path, [{"text": TEXT, "summary": "x"}]), ["no-such-method"])


def test_table_and_json(tmp_path: Path) -> None:
    records = [{"text": TEXT, "summary": "The council approved the new budget on Monday."}]
    console = Console(record=True, width=120)
    result = evaluate(_write(tmp_path, records), ["lead", "fast-textrank"], progress=console)
    render_table(result, console)
    shown = console.export_text()
    assert "ROUGE-Lsum" in shown and "fast-textrank" in shown
    data = json.loads(to_json(result))
    assert [m["method"] for m in data["methods"]] == ["lead", "fast-textrank"]
    assert set(data["methods"][0]) >= {"rouge1", "rouge2", "rougeL", "rougeLsum", "seconds"}

"""Limits that limit: JSONL lines, devices and pipes, symlink loops under '**', a .docx full of styles."""

from __future__ import annotations

import io
import json
import os
import sys
import threading
import time
from pathlib import Path

import pytest
from bad_inputs import NEWS

from briefing.errors import InputError
from briefing.ingest import read_path
from briefing.ingest.jsonl import read_jsonl
from briefing.ingest.sources import collect, glob_files
from briefing.options import ReadOptions


def _line(title: str, text: str = NEWS) -> str:
    return json.dumps({"title": title, "text": text}) + "\n"


def test_a_jsonl_line_over_the_limit_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    path.write_text(_line("one") + _line("huge", NEWS * 200) + _line("three"), encoding="utf-8")
    errors: list[tuple[str, str]] = []
    articles = list(read_jsonl(path, max_bytes=2_000, on_error=lambda s, m: errors.append((s, m))))
    assert [a.title for a in articles] == ["one", "three"]
    assert errors == [(f"{path}:2", "line 2: larger than the 2,000-byte limit (see --max-input-mb)")]


def test_collect_applies_the_input_limit_to_each_jsonl_line(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    path.write_text(_line("one") + _line("huge", NEWS * 200), encoding="utf-8")
    errors: list[tuple[str, str]] = []
    articles = collect([str(path)], ReadOptions(max_input_bytes=2_000), on_error=lambda s, m: errors.append((s, m)))
    assert [a.title for a in articles] == ["one"] and "larger than the 2,000-byte limit" in errors[0][1]


def test_a_deeply_nested_jsonl_line_is_one_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "nested.jsonl"
    path.write_text(_line("one") + "[" * 200_000 + "\n" + _line("three"), encoding="utf-8")
    errors: list[tuple[str, str]] = []
    articles = list(read_jsonl(path, on_error=lambda s, m: errors.append((s, m))))
    assert [a.title for a in articles] == ["one", "three"]
    assert errors == [(f"{path}:2", "line 2: nested too deeply")]


def test_stdin_jsonl_longer_than_the_limit_is_read_line_by_line(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "".join(_line(f"story {n}") for n in range(40)).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    articles = collect(["-"], ReadOptions(max_input_bytes=len(data) // 4))
    assert [a.title for a in articles] == [f"story {n}" for n in range(40)]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_read_only_to_the_limit() -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match="larger than the 1 MB limit"):
        read_path("/dev/zero", max_bytes=1024 * 1024)
    assert time.monotonic() - start < 5


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_read_only_to_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def write_for_ever() -> None:
        try:
            with open(fifo, "wb") as out:
                while True:
                    out.write(b"news " * 10_000)
        except OSError:
            pass  # the reader has gone

    threading.Thread(target=write_for_ever, daemon=True).start()
    with pytest.raises(InputError, match="larger than the 1 MB limit"):
        read_path(fifo, max_bytes=1024 * 1024)


def test_a_glob_through_symlink_loops_ends(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loop = tmp_path / "loop"
    (loop / "sub").mkdir(parents=True)
    (loop / "a.txt").write_text(NEWS, encoding="utf-8")
    (loop / "sub" / "b.txt").write_text(NEWS.replace("council", "board"), encoding="utf-8")
    for name in ("x", "y"):
        (loop / name).symlink_to(".")
    (loop / "sub" / "up").symlink_to("..")
    monkeypatch.chdir(tmp_path)
    start = time.monotonic()
    assert glob_files("loop/**/*.txt") == [Path("loop/a.txt"), Path("loop/sub/b.txt")]
    assert len(collect(["loop/**/*.txt"])) == 2
    assert time.monotonic() - start < 5  # two `ln -s . x` links made glob's paths grow without end


def test_glob_files_matches_like_glob(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import glob

    for name in ("a.txt", "b.md", ".hidden.txt", "d/c.txt", "d/e/f.txt", "d/.h/g.txt", "x/y/z.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for pattern in ("*.txt", "**/*.txt", "d/**", "**/*", "*/*/*.md", "d/*.txt", "?.md", ".*", "[ab].*",
                    f"{tmp_path}/**/*.md", "d/e/f.txt", "**/e/*.txt"):
        expected = sorted(Path(p) for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
        assert glob_files(pattern) == expected, pattern


def _many_styles_docx(count: int) -> bytes:
    """A small .docx with `count` paragraph styles and `count` paragraphs using the last ones."""
    import zipfile

    import docx

    document = docx.Document()
    document.add_paragraph("Council approves budget", style="Title")
    document.add_paragraph("Overview", style="Heading 2")
    plain = io.BytesIO()
    document.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/styles.xml":
                extra = "".join(f'<w:style w:type="paragraph" w:styleId="S{i}"><w:name w:val="Style {i}"/></w:style>'
                                for i in range(count))
                extra += '<w:style w:type="character" w:styleId="C1"><w:name w:val="Char"/></w:style>'
                data = data.replace(b"</w:styles>", extra.encode() + b"</w:styles>")
            if info.filename == "word/document.xml":
                paras = "".join(f'<w:p><w:pPr><w:pStyle w:val="S{count - 1 - i % 7}"/></w:pPr><w:r><w:t>Paragraph {i}'
                                f" says the council met on Monday.</w:t></w:r></w:p>" for i in range(count))
                paras += '<w:p><w:pPr><w:pStyle w:val="C1"/></w:pPr><w:r><w:t>A character style.</w:t></w:r></w:p>'
                data = data.replace(b"</w:p>", b"</w:p>" + paras.encode(), 1)
            dst.writestr(info, data)
    return out.getvalue()


def test_a_docx_of_many_styles_reads_in_linear_time() -> None:
    from briefing.ingest import read_bytes

    data = _many_styles_docx(4000)  # about 80 KB: python-docx's look-ups took 17 s, 108 KB took 421 s
    assert len(data) < 150_000
    start = time.monotonic()
    article = read_bytes(data, "styles.docx")
    assert time.monotonic() - start < 5
    assert article.title == "Council approves budget"
    paragraphs = article.text.split("\n\n")
    assert "Overview" not in paragraphs  # a heading, left out as before
    assert paragraphs[0] == "Paragraph 0 says the council met on Monday." and len(paragraphs) == 4001
    assert paragraphs[-1] == "A character style."  # another type's style: the default paragraph style

"""Real clients: Word files through LibreOffice, HTML through Chromium, the preview through tmux.

* Every built-in template's .docx (with a marking), a brief on the agency reference document and
  one from the docxtpl house style, converted to PDF by ONE headless LibreOffice run; the text
  (pdftotext) must show the headings, and on every page the header (from page 2: page 1 opens
  with the title itself), "Page N of M" and the marking top and bottom; pdffonts shows the
  reference document's fonts. The same run lays out an actors table at every height on the page
  (one filler line more each time): no row is ever split across pages, and "Places" is never
  parted from the table's last row.
* Every built-in template's HTML screenshotted by headless Chromium (not blank), and one printed
  to PDF: @page puts the marking and page numbers on every page.
* The terminal preview in a real terminal (tmux) at 80 and 120 columns, and through the pager:
  asked for, or by default when the preview is taller than the terminal (as git does).

Each test is skipped, with the reason, when its program is not installed; CI installs them
(.ci/apt-packages).
"""

from __future__ import annotations

import os
import shlex
import shutil
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from fixtures_render import AGENCY, ARTICLE_ID, HOUSE_STYLE, airport_briefing, daily_briefing, fixture_for

from briefing.model import Actor, Excerpt, Section
from briefing.render import render
from briefing.render.view import build_view
from briefing.templates import list_templates, load_template

BUILTINS = [t.name for t in list_templates()]
MARKING = "INTERNAL"
TESTS = Path(__file__).parent
SWEEP = range(40)  # filler lines before the actors table: more than a page's worth, one line at a time
LONG_SITUATION = """name = "long"
description = "A Situation as long as it takes, then the actors"
[[sections]]
key = "situation"
title = "Situation"
limit = 60
[[sections]]
key = "actors"
title = "Actors"
limit = 12
"""


def need(*programs: str) -> str:
    """The first of `programs` on PATH, or skip the test."""
    found = next((p for p in map(shutil.which, programs) if p), None)
    if not found:
        pytest.skip(f"{programs[0]} is not installed (CI installs it; see .ci/apt-packages)")
    return found


def run(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout, check=True)


# --- Word through LibreOffice ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every .docx converted by one LibreOffice run: name -> PDF."""
    soffice = need("soffice", "libreoffice")
    need("pdftotext")
    folder = tmp_path_factory.mktemp("word")
    docs = {t: render(fixture_for(t)[0], "docx", t, marking=MARKING) for t in BUILTINS}
    docs["agency"] = render(airport_briefing(), "docx", str(AGENCY), marking=MARKING)
    docs["house"] = render(daily_briefing("daily", third=True), "docx", "daily", marking=MARKING,
                           docx_template=HOUSE_STYLE)
    template = folder / "long"
    template.mkdir()
    (template / "template.toml").write_text(LONG_SITUATION, encoding="utf-8")
    for lines in SWEEP:
        docs[f"sweep-{lines:02d}"] = render(table_after(lines), "docx", str(template))
    for name, data in docs.items():
        (folder / f"{name}.docx").write_bytes(data)
    profile = (folder / "profile").as_uri()  # its own profile: never blocked by another LibreOffice
    run(soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", "pdf",
        "--outdir", folder, *sorted(folder.glob("*.docx")), timeout=240)
    missing = [name for name in docs if not (folder / f"{name}.pdf").is_file()]
    assert not missing, f"LibreOffice made no PDF of {missing}"
    return {name: folder / f"{name}.pdf" for name in docs}


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext -layout: line by line), whitespace runs made one space."""
    pages = run("pdftotext", "-layout", pdf, "-").stdout.split("\f")
    return [" ".join(page.split()) for page in pages if page.strip()]


def table_after(lines: int):
    """The airport brief with `lines` one-line Situation bullets before its actors table, whose last row
    (Abu Mahdi al-Muhandis) takes several lines."""
    from dataclasses import replace

    brief = airport_briefing()
    story = brief.stories[0]
    last = Actor("Abu Mahdi al-Muhandis", "person", mentions=1, article_ids=(ARTICLE_ID,),
                 role="the deputy commander of Iran-backed militias known as the Popular Mobilization Forces")
    filler = tuple(Excerpt(f"Line {n} of the filler.", ARTICLE_ID, 100 + n) for n in range(lines))
    story = replace(story, sections=(Section("situation", "Situation", filler),), actors=(*story.actors, last))
    return replace(brief, stories=(story,))


def check_pages(pages: list[str], running_head: str | None, title: str | None = None) -> None:
    for number, page in enumerate(pages, 1):
        assert page.startswith(MARKING), f"page {number}: no marking at the top"
        assert page.endswith(f"Page {number} of {len(pages)} {MARKING}"), f"page {number}: footer is {page[-60:]!r}"
        if running_head and number > 1:
            assert running_head in page, f"page {number}: no header"
    if running_head:  # page 1: the title itself right under the marking, no running header above it
        assert pages[0].startswith(f"{MARKING} {title}"), f"page 1 opens with {pages[0][:80]!r}"
        rest = pages[0][len(f"{MARKING} {title}"):]
        assert not rest.startswith(" ·") and not rest.lstrip().startswith(title), "page 1 repeats the title"


@pytest.mark.parametrize("template", BUILTINS)
def test_libreoffice_renders_each_template(pdfs: dict[str, Path], template: str) -> None:
    briefing, _ = fixture_for(template)
    view = build_view(briefing, load_template(template))
    pages = pdf_pages(pdfs[template])
    check_pages(pages, view.running_head, view.title)
    text = " ".join(pages)
    titles = [b.title for s in view.stories for b in s.blocks]
    if view.bottom_line:
        titles.insert(0, view.bottom_line.title)
    at = 0
    for title in titles:  # the headings, in order
        found = text.find(f" {title} ", at)
        assert found >= 0, f"heading {title!r} missing or out of order"
        at = found
    for story in view.stories:
        for block in story.blocks:
            for item in block.items:
                assert item.text[:40] in text


def test_libreoffice_several_pages(pdfs: dict[str, Path]) -> None:
    assert len(pdf_pages(pdfs["daily"])) >= 2  # so the header and footer are checked on a second page


def test_libreoffice_keeps_the_table_whole_and_places_with_it(pdfs: dict[str, Path]) -> None:
    breaks = 0
    for lines in SWEEP:
        pages = pdf_pages(pdfs[f"sweep-{lines:02d}"])
        on = {word: [n for n, page in enumerate(pages) if word in page]
              for word in ("Abu Mahdi", "deputy commander", "Places:")}
        (places,) = on["Places:"]
        assert on["Abu Mahdi"] == on["deputy commander"] == [places], f"{lines} lines: the last row is split or " \
            f"parted from Places ({on})"
        assert "Muhandis" in pages[places].split("Places:")[0]
        assert sum(page.count("Name Kind Role Mentions") for page in pages) == 1, f"{lines} lines: the table split"
        breaks += len(pages) > 1 and "Name Kind Role Mentions" not in pages[0]
    assert breaks, "no layout moved the table past a page break: the sweep checked nothing"


def test_libreoffice_reference_document_fonts(pdfs: dict[str, Path]) -> None:
    need("pdffonts")
    fonts = run("pdffonts", pdfs["agency"]).stdout
    assert "LiberationSerif" in fonts and "LiberationSans" in fonts
    assert "LiberationSerif" not in run("pdffonts", pdfs["standard"]).stdout
    check_pages(pdf_pages(pdfs["agency"]), None)
    assert "People and organisations" in " ".join(pdf_pages(pdfs["agency"]))


def test_libreoffice_docx_template(pdfs: dict[str, Path]) -> None:
    pages = pdf_pages(pdfs["house"])
    text = " ".join(pages)
    assert "ACME analysis · Daily brief" in text and "Bottom line" in text and "Qassim Soleimani" in text
    assert "{{" not in text and "{%" not in text
    for number, page in enumerate(pages, 1):
        assert page.startswith(MARKING) and page.endswith(f"Page {number} of {len(pages)} {MARKING}")


# --- HTML through Chromium -----------------------------------------------------------------------


def chromium(*args: str | Path, profile: Path) -> None:
    browser = need("chromium", "chromium-browser", "google-chrome")
    run(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--hide-scrollbars", f"--user-data-dir={profile}", *args, timeout=120)


def png_size_and_colours(path: Path) -> tuple[int, int, int]:
    """Width, height and the number of distinct byte values in the decoded image data."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    chunks, at = [], 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        if kind == b"IDAT":
            chunks.append(data[at + 8:at + 8 + length])
        at += 12 + length
    return width, height, len(set(zlib.decompress(b"".join(chunks))))


@pytest.mark.parametrize("template", BUILTINS)
def test_chromium_screenshot(tmp_path: Path, template: str) -> None:
    briefing, _ = fixture_for(template)
    page = tmp_path / "brief.html"
    page.write_text(render(briefing, "html", template, marking=MARKING), encoding="utf-8")
    shot = tmp_path / "brief.png"
    chromium("--window-size=800,1200", f"--screenshot={shot}", page.as_uri(), profile=tmp_path / "profile")
    width, height, colours = png_size_and_colours(shot)
    assert (width, height) == (800, 1200)
    assert colours > 32, "the screenshot is blank"


def test_chromium_prints_marking_and_page_numbers(tmp_path: Path) -> None:
    need("pdftotext")
    page = tmp_path / "brief.html"
    page.write_text(render(daily_briefing("daily", third=True), "html", marking=MARKING), encoding="utf-8")
    pdf = tmp_path / "brief.pdf"
    chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri(), profile=tmp_path / "profile")
    pages = pdf_pages(pdf)
    assert len(pages) >= 2
    for number, text in enumerate(pages, 1):
        assert text.startswith(MARKING) and MARKING in text[len(MARKING):], f"page {number}: marking"
        assert f"Page {number} of {len(pages)}" in text
        assert text.count(MARKING) == 2, "the in-page marking bar should be hidden in print"
    assert "Daily brief" in pages[0] and "Bottom line" in pages[0]


# --- the terminal through tmux -------------------------------------------------------------------

SCRIPT = """
import sys
sys.path.insert(0, {tests!r})
from fixtures_render import daily_briefing
from rich.console import Console
from briefing.render import render_terminal
render_terminal(daily_briefing("daily", third=True), Console(), "daily", marking="INTERNAL", pager={pager})
print("__DONE__")
"""


class Tmux:
    """A private tmux server with one window of a given size."""

    def __init__(self, width: int, height: int, command: str) -> None:
        self.tmux = need("tmux")
        self.socket = f"briefing-test-{os.getpid()}-{width}x{height}"
        env = "env -u NO_COLOR -u COLUMNS -u LINES -u LESS -u PAGER"
        self.cmd("-f", "/dev/null", "new-session", "-d", "-x", str(width), "-y", str(height), "-s", "t",
                 f"{env} {command}; sleep 60")

    def cmd(self, *args: str) -> str:
        return run(self.tmux, "-L", self.socket, *args, timeout=30).stdout

    def capture(self, escapes: bool = False) -> str:
        return self.cmd("capture-pane", "-p", "-S", "-", "-E", "-", "-t", "t", *(["-e"] if escapes else []))

    def wait_for(self, text: str, seconds: float = 30) -> str:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            screen = self.capture()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear; screen:\n{self.capture()}")

    def close(self) -> None:
        subprocess.run([self.tmux, "-L", self.socket, "kill-server"], capture_output=True, timeout=30)


def python_command(pager: bool) -> str:
    return f"{shlex.quote(sys.executable)} -c {shlex.quote(SCRIPT.format(tests=str(TESTS), pager=pager))}"


@pytest.mark.parametrize("width", [80, 120])
def test_tmux_preview_fits_the_terminal(width: int) -> None:
    term = Tmux(width, 50, python_command(pager=False))
    try:
        screen = term.wait_for("__DONE__")
        coloured = term.capture(escapes=True)
    finally:
        term.close()
    lines = screen.rstrip("\n").splitlines()
    assert max(len(line) for line in lines) <= width
    assert lines[0].strip() == MARKING and "╭─ Bottom line " in screen and "1 of 3 ━━" in screen
    assert "Name" in screen and "Mentions" in screen and "Qassim Soleimani" in screen
    assert lines[0].startswith(" " * ((width - len(MARKING)) // 2 - 1)), "the marking bar is centred"
    assert "\x1b[" in coloured, "no colours in a real terminal"


def test_tmux_pager() -> None:
    need("less")
    term = Tmux(80, 24, python_command(pager=True))
    try:
        first = term.wait_for("Bottom line")
        assert "__DONE__" not in first  # less holds the rest
        term.cmd("send-keys", "-t", "t", "q")
        term.wait_for("__DONE__")
    finally:
        term.close()


@pytest.mark.parametrize(("height", "paged"), [(24, True), (200, False)])
def test_tmux_pages_by_default_only_when_taller_than_the_terminal(height: int, paged: bool) -> None:
    need("less")
    term = Tmux(80, height, python_command(pager=None))
    try:
        first = term.wait_for("Bottom line")
        if paged:
            time.sleep(1)
            assert "__DONE__" not in term.capture(), "the preview ran past the screen without a pager"
            term.cmd("send-keys", "-t", "t", "q")
        screen = term.wait_for("__DONE__")
    finally:
        term.close()
    if not paged:  # printed as it is: all of it on the screen, nothing waited for a key
        assert first.strip().startswith(MARKING) and "Sources" in screen and "3 of 3" in screen

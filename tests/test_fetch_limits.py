"""Fetching within bounds: a wall-clock deadline per fetch, a budget per run, an item cap per feed, linear feed
detection, and one bad link costing one item (a local server the tests start; no other host is contacted)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from local_server import QuietServer

from briefing.errors import InputError
from briefing.ingest.feed import is_feed, read_feed
from briefing.ingest.sources import collect
from briefing.ingest.web import check_url, fetch, is_public_address
from briefing.options import ReadOptions

STORY = ("The old river bridge in Millbrook closed on Tuesday after engineers found deep cracks in two of its "
         "supporting piers during a routine inspection. City officials said the bridge would stay closed for at "
         "least three months while repairs are designed.")
PAGE = (f"<!DOCTYPE html><html><head><title>Bridge closes</title></head><body><article><h1>Bridge closes</h1>"
        f"<p>{STORY}</p><p>Shop owners on the east bank said they feared losing customers.</p></article>"
        f"</body></html>").encode()
BAD_LINKS = ("/bad-status", "/long-line", "/many-headers", "/incomplete", "/reason")


def _rss(items: list[tuple[str, str]]) -> bytes:
    body = "".join(f"<item><title>{title}</title>{f'<link>{link}</link>' if link else ''}"
                   f"<description>Item {title}: the council met on Monday and approved the plan. "
                   f"Residents welcomed the decision.</description></item>" for title, link in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{body}</channel></rss>'.encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args: object) -> None:
        pass

    def _raw(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def _ok(self, body: bytes, content_type: str = "text/html") -> None:
        self._raw(f"HTTP/1.0 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
                  + body)

    def _drip(self, data: bytes, seconds: float = 8.0) -> None:
        end = time.monotonic() + seconds
        try:
            while time.monotonic() < end:
                self._raw(data)
                time.sleep(0.05)
        except OSError:
            pass

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path.split("?", 1)[0]
        if path == "/page":
            self._ok(PAGE)
        elif path == "/comments":  # a small web page opening with 26 empty comments
            self._ok(b"<!---->" * 26 + b"<html><body><article><p>" + STORY.encode() + b"</p></article></body></html>")
        elif path == "/drip-headers":
            self._raw(b"HTTP/1.0 200 OK\r\nX-Slow: ")
            self._drip(b"a")
        elif path == "/drip-body":
            self._raw(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>")
            self._drip(b"x")
        elif path == "/hang":
            time.sleep(8)
        elif path == "/bad-status":
            self._raw(b"garbage\r\n\r\n")
        elif path == "/long-line":
            self._raw(b"HTTP/1.0 200 OK\r\nX-Long: " + b"a" * 70_000 + b"\r\n\r\n")
        elif path == "/many-headers":
            self._raw(b"HTTP/1.0 200 OK\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(150)) + b"\r\n")
        elif path == "/incomplete":
            self._raw(b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<p>short")
        elif path == "/reason":
            self._raw(b"HTTP/1.0 500 \x1b]0;PWNED\x07Oops\x1b[2J\r\nContent-Length: 0\r\n\r\n")
        elif path == "/feed-bad-links":
            port = self.server.server_address[1]
            items = [(name.strip("/"), base + name) for name in BAD_LINKS]
            items += [("userinfo", f"http://user:secret@127.0.0.1:{port}/page"), ("good", f"{base}/page")]
            self._ok(_rss(items), "application/rss+xml")
        elif path == "/feed-hanging":
            self._ok(_rss([(f"hang {n}", f"{base}/hang?{n}") for n in range(20)]), "application/rss+xml")
        elif path == "/feed-many":
            self._ok(_rss([(f"item {n}", "") for n in range(30)]), "application/rss+xml")
        else:
            self._raw(b"HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = {"allow_private": True}


@pytest.mark.parametrize("comments", [24, 26, 40, 1000])
def test_feed_detection_is_linear_whatever_leads(comments: int) -> None:
    start = time.monotonic()
    assert is_feed(b"<!---->" * comments + b"<rss version='2.0'>", "")
    assert not is_feed(b"<!---->" * comments + b"<html><body>news</body></html>", "text/html")
    assert not is_feed(b"<!--" * comments + b"<rss>", "")  # an unclosed comment
    assert not is_feed(b"<!DOCTYPE x [" + b"<!---->" * comments, "")
    assert time.monotonic() - start < 1.0  # a regression guard: it was exponential in the comments


def test_feed_detection_still_skips_what_may_come_before_the_root() -> None:
    assert is_feed(b'\xef\xbb\xbf <?xml version="1.0"?>\n<!-- c -->\n<?xml-stylesheet href="s"?><RSS>', "text/xml")
    assert is_feed(b'<!DOCTYPE rss [<!ENTITY a "b">]>\n<rss>', "")
    assert is_feed(b"<!doctype rss><rdf:RDF xmlns:rdf='x'>", "application/xml")
    assert not is_feed(b"<?xml version='1.0'?><html>", "")


def test_a_page_opening_with_comments_is_sniffed_quickly(server: str) -> None:
    start = time.monotonic()
    errors: list[tuple[str, str]] = []
    articles = collect([f"{server}/comments"], ReadOptions(**LOCAL), on_error=lambda s, m: errors.append((s, m)))
    assert time.monotonic() - start < 5  # it took 84 s: feed detection is reached from any text/* page
    assert len(articles) + len(errors) == 1


@pytest.mark.parametrize("path", ["/drip-headers", "/drip-body", "/hang"])
def test_timeout_is_a_wall_clock_deadline(server: str, path: str) -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match=r"timed out after 1 s"):
        fetch(f"{server}{path}", timeout=1.0, **LOCAL)
    assert time.monotonic() - start < 2.0  # a byte every 50 ms kept a per-read timeout waiting for ever


@pytest.mark.parametrize(("path", "message"), [
    ("/bad-status", "bad HTTP response (BadStatusLine"),
    ("/long-line", "bad HTTP response (LineTooLong"),
    ("/many-headers", "bad HTTP response (HTTPException: got more than 100 headers)"),
    ("/incomplete", "bad HTTP response (IncompleteRead"),
    ("/reason", "HTTP 500 Oops"),
])
def test_http_client_errors_are_one_line_input_errors(server: str, path: str, message: str) -> None:
    with pytest.raises(InputError) as info:
        fetch(f"{server}{path}", timeout=5.0, **LOCAL)
    assert str(info.value).startswith(f"{server}{path}: {message}")
    assert "\x1b" not in str(info.value) and "PWNED" not in str(info.value)


def test_urls_with_a_user_name_or_password_are_refused() -> None:
    with pytest.raises(InputError, match="user name or password"):
        check_url("http://user:secret@example.org/a")
    with pytest.raises(InputError, match="not a valid URL"):
        check_url("http://[::1/a")
    with pytest.raises(InputError, match="not a valid URL"):
        check_url("http://example.org:port/a")


def test_one_bad_link_costs_one_item(server: str) -> None:
    notes: list[tuple[str, str]] = []
    errors: list[tuple[str, str]] = []
    articles = read_feed(f"{server}/feed-bad-links", on_note=lambda s, m: notes.append((s, m)),
                         on_error=lambda s, m: errors.append((s, m)), timeout=5.0, **LOCAL)
    assert [a.title for a in articles] == [*(name.strip("/") for name in BAD_LINKS), "userinfo", "good"]
    assert "deep cracks" in articles[-1].text  # the good link's page
    assert all("the council met on Monday" in a.text for a in articles[:-1])  # the others: the item's own text
    assert len(notes) == len(BAD_LINKS) + 1 and not errors
    assert all(message.endswith("used the feed item's own text") for _, message in notes)
    assert not any("secret" in message for _, message in notes if "user name" not in message)


def test_a_run_has_a_fetch_budget(server: str) -> None:
    notes: list[tuple[str, str]] = []
    start = time.monotonic()
    articles = collect([f"{server}/feed-hanging"], ReadOptions(timeout=5.0, fetch_budget=1.5, **LOCAL),
                       on_note=lambda s, m: notes.append((s, m)))
    assert time.monotonic() - start < 4.0  # 20 hanging pages at 5 s each would take 100 s
    assert len(articles) == 20 and all("the council met on Monday" in a.text for a in articles)
    assert all("fetch budget" in message for _, message in notes[1:])


def test_no_fetch_starts_once_the_budget_is_spent(server: str) -> None:
    with pytest.raises(InputError, match="fetch budget is spent"):
        fetch(f"{server}/page", until=time.time() - 1, **LOCAL)


def test_a_feed_is_read_up_to_its_item_cap(server: str, tmp_path: Path) -> None:
    notes: list[tuple[str, str]] = []
    articles = collect([f"{server}/feed-many"], ReadOptions(max_items=5, **LOCAL),
                       on_note=lambda s, m: notes.append((s, m)))
    assert [a.title for a in articles] == [f"item {n}" for n in range(5)]
    assert notes == [(f"{server}/feed-many", "the feed has 30 items; read the first 5 (see --max-items)")]


@pytest.mark.parametrize(("address", "public"), [
    ("64:ff9b::7f00:1", False),  # NAT64 of 127.0.0.1
    ("64:ff9b::a00:1", False),  # NAT64 of 10.0.0.1
    ("64:ff9b::808:808", True),  # NAT64 of 8.8.8.8
    ("64:ff9b:1::a00:1", False),  # local-use NAT64
    ("2002:7f00:1::", False),  # 6to4 of 127.0.0.1
    ("2002:c0a8:101::1", False),  # 6to4 of 192.168.1.1
    ("2002:808:808::1", True),  # 6to4 of 8.8.8.8
    ("::127.0.0.1", False),  # IPv4-compatible
    ("::ffff:0:a00:1", False),  # IPv4-translated (SIIT)
    ("::ffff:10.0.0.1", False),
    ("2606:4700::1111", True),
])
def test_ipv6_addresses_are_judged_by_the_ipv4_they_embed(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_a_tls_handshake_that_never_ends_stops_at_the_deadline() -> None:
    import socket

    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    thread = threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True)
    thread.start()
    start = time.monotonic()
    try:
        with pytest.raises(InputError, match=r"timed out after 1 s"):
            fetch(f"https://127.0.0.1:{listener.getsockname()[1]}/", timeout=1.0, **LOCAL)
        assert time.monotonic() - start < 2.0
    finally:
        for conn in accepted:
            conn.close()
        listener.close()


def test_daily_takes_the_fetch_budget_and_item_cap(server: str, tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from briefing.cli import app

    out = tmp_path / "day.json"
    result = CliRunner().invoke(app, ["daily", f"{server}/feed-many", "--allow-private", "--max-items", "3",
                                      "--fetch-budget", "30", "--no-history", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "read the first 3 (see --max-items)" in result.stderr
    sources = [s["title"] for story in json.loads(out.read_text())["stories"] for s in story["sources"]]
    assert sorted(sources) == ["item 0", "item 1", "item 2"]

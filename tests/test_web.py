"""Fetching pages and feeds from a local HTTP server the tests start (no other host is contacted)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from local_server import QuietServer

from briefing.errors import InputError
from briefing.ingest.feed import html_to_text, is_feed, read_feed
from briefing.ingest.sources import collect
from briefing.ingest.web import fetch, is_public_address, read_url
from briefing.options import ReadOptions


def _page(title: str, *paragraphs: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html><html><head><title>{title} - Local News</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright Local News</footer></body></html>").encode()


PARAGRAPHS = {
    "bridge": ("The old river bridge in Millbrook closed on Tuesday after engineers found deep cracks in two of "
               "its supporting piers during a routine inspection.",
               "City officials said the bridge would stay closed for at least three months while repairs are "
               "designed, and traffic is being sent over the northern crossing.",
               "Local shop owners on the east bank said they feared losing customers during the closure."),
    "harvest": ("Farmers across the valley began the grape harvest a week early this year because of an unusually "
                "warm and dry summer that ripened the fruit ahead of schedule.",
                "Growers said the crop was smaller than last year but the quality was very high, and several "
                "wineries hired extra pickers to bring the grapes in quickly.",
                "The regional growers' association expects prices to rise slightly."),
}
PAGES = {
    "/article.html": _page("Millbrook bridge closes after cracks found", *PARAGRAPHS["bridge"]),
    "/story-b.html": _page("Valley grape harvest starts early", *PARAGRAPHS["harvest"]),
}
GONE_SUMMARY = "<p>The town library will open <b>late</b> on Sundays from next month, the council said.</p>"
SECRET = "TOP-SECRET-MARKER-42"


def _rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local News</title><link>{base}/</link><description>News</description>
<item><title>Millbrook bridge closes</title><link>{base}/article.html</link>
  <pubDate>Tue, 02 Jan 2024 08:00:00 GMT</pubDate><description>Bridge closed.</description></item>
<item><title>Library hours change</title><link>{base}/gone</link>
  <pubDate>Wed, 03 Jan 2024 09:30:00 GMT</pubDate><description><![CDATA[{GONE_SUMMARY}]]></description></item>
<item><title>Valley grape harvest</title><link>{base}/story-b.html</link></item>
<item><title></title></item>
</channel></rss>""".encode()


def _atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Local News</title><id>urn:local</id>
<updated>2024-01-03T10:00:00Z</updated>
<entry><title>Bridge closes</title><id>urn:1</id><link href="{base}/article.html"/>
  <updated>2024-01-02T08:00:00Z</updated><summary>Bridge closed.</summary></entry>
<entry><title>Library hours change</title><id>urn:2</id><link href="{base}/gone"/>
  <updated>2024-01-03T09:30:00Z</updated><content type="html">{GONE_SUMMARY.replace("<", "&lt;")}</content></entry>
</feed>""".encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        path = self.path
        if path in PAGES:
            self._send(200, PAGES[path])
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            self._send(302, b"", headers={"Location": "/article.html" if n <= 1 else f"/hop/{n - 1}"})
        elif path == "/to-file":
            self._send(302, b"", headers={"Location": "file:///etc/passwd"})
        elif path == "/big":
            self._send(200, b"<p>" + b"x" * 50_000 + b"</p>", length=False)
        elif path == "/big-declared":
            self._send(200, b"x" * 50_000)
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGES["/article.html"])
        elif path == "/latin1":
            html = "<html><body><article><h1>Café news</h1><p>" + PARAGRAPHS["bridge"][0].replace(
                "Millbrook", "Sainte-Thérèse") + "</p><p>" + PARAGRAPHS["bridge"][1] + "</p></article></body></html>"
            self._send(200, html.encode("latin-1"), "text/html; charset=iso-8859-1")
        elif path == "/feed.rss":
            self._send(200, _rss(base), "application/rss+xml")
        elif path == "/feed.atom":
            self._send(200, _atom(base), "application/xml")
        elif path == "/xxe.rss":
            secret = self.server.secret_file  # type: ignore[attr-defined]
            body = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                    f"<rss version='2.0'><channel><title>t</title><item><title>x</title>"
                    f"<description>Leak: &xxe; end of item text here.</description></item></channel></rss>")
            self._send(200, body.encode(), "application/rss+xml")
        else:
            self._send(404, b"<html><body>not found</body></html>")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    secret = tmp_path_factory.mktemp("secret") / "secret.txt"
    secret.write_text(SECRET)
    httpd = QuietServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.secret_file = str(secret)  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = {"allow_private": True}


def test_html_article_is_extracted(server: str) -> None:
    article = read_url(f"{server}/article.html", **LOCAL)
    assert article.title.startswith("Millbrook bridge closes")
    assert "deep cracks" in article.text and "Copyright" not in article.text
    assert article.id == "article"
    assert article.source == article.url == f"{server}/article.html"


def test_redirect_chain_is_followed_within_the_limit(server: str) -> None:
    result = fetch(f"{server}/hop/3", **LOCAL)
    assert result.final_url == f"{server}/article.html"
    assert result.url == f"{server}/hop/3"
    with pytest.raises(InputError, match="more than 2 redirects"):
        fetch(f"{server}/hop/3", max_redirects=2, **LOCAL)


def test_redirect_to_another_scheme_is_refused(server: str) -> None:
    with pytest.raises(InputError) as info:
        fetch(f"{server}/to-file", **LOCAL)
    assert str(info.value).startswith(f"{server}/to-file: redirect to file:///etc/passwd refused: not an http(s)")


def test_http_error_names_the_url(server: str) -> None:
    with pytest.raises(InputError) as info:
        fetch(f"{server}/missing", **LOCAL)
    assert str(info.value) == f"{server}/missing: HTTP 404 Not Found"


@pytest.mark.parametrize("path", ["/big", "/big-declared"])
def test_oversize_body_is_abandoned(server: str, path: str) -> None:
    with pytest.raises(InputError, match="too large"):
        fetch(f"{server}{path}", max_bytes=10_000, **LOCAL)


def test_slow_server_times_out(server: str) -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match=r"timed out after 0\.3 s"):
        fetch(f"{server}/slow", timeout=0.3, **LOCAL)
    assert time.monotonic() - start < 1.4


def test_header_charset_is_honoured(server: str) -> None:
    article = read_url(f"{server}/latin1", **LOCAL)
    assert "Sainte-Thérèse" in article.text


def test_private_addresses_are_refused_by_default(server: str) -> None:
    with pytest.raises(InputError, match="private or local address"):
        fetch(f"{server}/article.html")
    assert not is_public_address("10.1.2.3") and not is_public_address("169.254.169.254")
    assert not is_public_address("::1") and not is_public_address("::ffff:127.0.0.1")
    assert is_public_address("93.184.216.34")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/", "//no-scheme"])
def test_other_schemes_are_refused(url: str) -> None:
    with pytest.raises(InputError, match=r"not an http\(s\) URL"):
        fetch(url)


def test_dns_failure_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(InputError, match=r"^http://news\.invalid/a: DNS lookup failed"):
        fetch("http://news.invalid/a")


def test_rss_items_follow_links_and_fall_back_to_item_text(server: str) -> None:
    errors: list[tuple[str, str]] = []
    notes: list[tuple[str, str]] = []
    articles = read_feed(f"{server}/feed.rss", on_error=lambda s, m: errors.append((s, m)),
                         on_note=lambda s, m: notes.append((s, m)), **LOCAL)
    assert [a.id for a in articles] == ["article", "gone", "story-b"]
    bridge, gone, harvest = articles
    assert "deep cracks" in bridge.text and bridge.title == "Millbrook bridge closes"
    assert bridge.published is not None and bridge.published.isoformat() == "2024-01-02"
    assert gone.text == "The town library will open late on Sundays from next month, the council said."
    assert gone.title == "Library hours change" and gone.url == f"{server}/gone"
    assert gone.published is not None and gone.published.isoformat() == "2024-01-03"
    assert "grape harvest" in harvest.text
    assert notes == [(f"{server}/gone", "HTTP 404 Not Found; used the feed item's own text")]
    assert errors == [(f"{server}/feed.rss#4", "feed item has neither a link nor text")]


def test_atom_feed_with_generic_xml_type(server: str) -> None:
    articles = read_feed(f"{server}/feed.atom", on_error=lambda s, m: None, **LOCAL)
    assert [a.title for a in articles] == ["Bridge closes", "Library hours change"]
    assert "deep cracks" in articles[0].text
    assert articles[1].text.startswith("The town library will open late")


def test_feed_does_not_expand_external_entities(server: str) -> None:
    articles = read_feed(f"{server}/xxe.rss", **LOCAL)
    assert all(SECRET not in a.text for a in articles)


def test_feed_detection() -> None:
    assert is_feed(b'<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', "text/xml")
    assert is_feed(b"<feed xmlns='http://www.w3.org/2005/Atom'>", "")
    assert is_feed(b"<rdf:RDF xmlns:rdf='x'>", "application/xml")
    assert is_feed(b"anything", "application/atom+xml")
    assert not is_feed(b"<!DOCTYPE html><html>", "text/html")
    assert not is_feed(b"<rss>", "image/png")
    assert html_to_text("<p>One &amp; two</p><script>x()</script><p>Three</p>") == "One & two\n\nThree"


def test_collect_mixes_urls_feeds_and_reports_failures(server: str, tmp_path: Path) -> None:
    local = tmp_path / "local.txt"
    local.write_text("Local headline\n\nA local story with a sentence. And another one.", encoding="utf-8")
    errors: list[tuple[str, str]] = []
    articles = collect([f"{server}/story-b.html", f"{server}/feed.atom", f"{server}/missing", str(local)],
                       ReadOptions(allow_private=True, workers=3), on_error=lambda s, m: errors.append((s, m)))
    assert [a.id for a in articles] == ["story-b", "article", "gone", "local"]
    assert errors == [(f"{server}/missing", "HTTP 404 Not Found")]
    refused: list[tuple[str, str]] = []
    assert collect([f"{server}/article.html"], on_error=lambda s, m: refused.append((s, m))) == []
    assert "private or local address" in refused[0][1]


def test_feed_file_is_read_as_a_feed(server: str, tmp_path: Path) -> None:
    path = tmp_path / "local.xml"
    path.write_bytes(_rss(server))
    notes: list[tuple[str, str]] = []
    articles = collect([str(path)], ReadOptions(allow_private=True), on_error=lambda s, m: None,
                       on_note=lambda s, m: notes.append((s, m)))
    assert [a.id for a in articles] == ["article", "gone", "story-b"]
    assert [s for s, _ in notes] == [f"{server}/gone"]

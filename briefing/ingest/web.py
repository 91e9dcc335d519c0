"""Fetching pages over http(s): guarded, bounded, one clear `InputError` per failure.

Only http and https are fetched, on every hop of a redirect chain. Host names are
resolved here and the connection is made to the vetted address itself, so a
host resolving to a private, loopback, link-local or otherwise non-public address
is refused unless `allow_private` (no second lookup an attacker could answer
differently); an address that embeds an IPv4 one (IPv4-mapped, NAT64 `64:ff9b::/96`,
6to4 `2002::/16`, IPv4-compatible) is judged by the IPv4 address it embeds. Redirects
are followed by hand, at most `max_redirects`; bodies are read in chunks and abandoned
past `max_bytes`. Proxy settings in the environment are ignored: the address check
needs a direct connection. URLs with a user name or password are refused.

`timeout` is a wall-clock deadline for the whole fetch (connecting, TLS, headers,
body, redirects): every wait on the socket ends by it, so a server dripping one byte
at a time cannot stretch it. `until` (a `time.time()` value) is when the run's total
fetch budget ends: no fetch starts after it, and a running one stops at it. Anything
that goes wrong, http.client's own errors included, is one `InputError` naming the URL.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cache, partial
from http.client import HTTPConnection, HTTPResponse, HTTPSConnection
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import InputError
from ..model import Article
from . import KINDS, article_id, read_bytes
from .clean import clean_line

USER_AGENT = f"briefing/{__version__} (+news brief builder)"
CHUNK = 64 * 1024
REDIRECTS = {301, 302, 303, 307, 308}
MEDIA_KINDS = {  # content type -> reader extension
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
}


@dataclass(frozen=True)
class FetchResult:
    """A fetched body and what the server said about it."""

    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # media type, lower-case, without parameters ("text/html")
    data: bytes
    charset: str | None = None  # from the Content-Type header, if any


class _Refused(Exception):
    """A connection the address policy does not allow."""


_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # well-known NAT64 prefix: the IPv4 address in the last 32 bits
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # local-use NAT64 (RFC 8215): a network of one's own


def _embedded_ipv4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries (IPv4-mapped, 6to4, NAT64, IPv4-compatible, SIIT), if any."""
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr.sixtofour is not None:
        return addr.sixtofour
    high = int(addr) >> 32
    if addr in _NAT64 or high in (0, 0xFFFF0000):  # ::a.b.c.d and ::ffff:0:a.b.c.d
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    return None


def is_public_address(ip: str) -> bool:
    """Whether an IP address is globally routable (not private, loopback, link-local, reserved...).

    An IPv6 address that embeds an IPv4 address is public only when the IPv4 address is.
    """
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address):
        if addr in _NAT64_LOCAL:
            return False
        if (embedded := _embedded_ipv4(addr)) is not None:
            addr = embedded
    return addr.is_global and not addr.is_multicast


# The wall-clock deadline (time.monotonic()) of the fetch running in this thread.
_DEADLINE: ContextVar[float | None] = ContextVar("briefing_fetch_deadline", default=None)


def _left() -> float | None:
    """Seconds left before this thread's fetch deadline (None without one); TimeoutError once it has passed."""
    deadline = _DEADLINE.get()
    if deadline is None:
        return None
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("fetch deadline passed")
    return left


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    token = _DEADLINE.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


class _Bounded:
    """Socket methods that wait no longer than the fetch's deadline: each wait gets the time left."""

    def _clamp(self) -> None:
        left = _left()
        if left is not None:
            timeout = self.gettimeout()  # type: ignore[attr-defined]
            self.settimeout(left if timeout is None else min(timeout, left))  # type: ignore[attr-defined]

    def connect(self, *args: Any) -> Any:
        self._clamp()
        return super().connect(*args)  # type: ignore[misc]

    def recv(self, *args: Any) -> Any:
        self._clamp()
        return super().recv(*args)  # type: ignore[misc]

    def recv_into(self, *args: Any) -> Any:
        self._clamp()
        return super().recv_into(*args)  # type: ignore[misc]

    def send(self, *args: Any) -> Any:
        self._clamp()
        return super().send(*args)  # type: ignore[misc]

    def sendall(self, *args: Any) -> Any:
        self._clamp()
        return super().sendall(*args)  # type: ignore[misc]


class _BoundedSocket(_Bounded, socket.socket):
    pass


class _BoundedSSLSocket(_Bounded, ssl.SSLSocket):
    def do_handshake(self, *args: Any) -> Any:
        self._clamp()
        return super().do_handshake(*args)

    def read(self, *args: Any) -> Any:
        self._clamp()
        return super().read(*args)


def _connect(address: tuple[str, int], timeout: Any = socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
             source_address: tuple[str, int] | None = None, *, allow_private: bool) -> socket.socket:
    """socket.create_connection, but to addresses resolved and vetted here."""
    host, port = address
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    if not allow_private:
        for *_, sockaddr in infos:
            if not is_public_address(sockaddr[0]):
                raise _Refused(f"refused: {host} resolves to a private or local address ({sockaddr[0]}); "
                               "fetching such addresses is off by default")
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in infos:
        sock = _BoundedSocket(family, kind, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:  # type: ignore[attr-defined]
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    raise error or OSError(f"no address for {host}")


class _Guarded:
    """Makes an http.client connection connect through `_connect`."""

    def __init__(self, host: str, *, allow_private: bool, **kwargs: Any) -> None:
        super().__init__(host, **kwargs)  # type: ignore[call-arg]
        self._create_connection = partial(_connect, allow_private=allow_private)


class _GuardedHTTP(_Guarded, HTTPConnection):
    pass


class _GuardedHTTPS(_Guarded, HTTPSConnection):
    pass


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand redirects back to `fetch`, which checks each hop."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@cache
def _opener(allow_private: bool) -> urllib.request.OpenerDirector:
    """An opener whose handlers connect through `_connect` and hand redirects back (shared: it keeps no state)."""
    context = ssl.create_default_context()
    context.sslsocket_class = _BoundedSSLSocket

    class Http(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> HTTPResponse:
            return self.do_open(partial(_GuardedHTTP, allow_private=allow_private), req)

    class Https(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> HTTPResponse:
            return self.do_open(partial(_GuardedHTTPS, allow_private=allow_private), req, context=context)

    return urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect(), Http(), Https())


def check_url(url: str) -> None:
    """Refuse anything but an absolute http(s) URL with a host (and a port, if any, that is a number)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a ValueError for a port that is not a number)
    except ValueError as exc:
        raise InputError(f"not a valid URL ({clean_line(str(exc))})", source=url) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"not an http(s) URL (scheme {parts.scheme or 'missing'!r}); only http and https are fetched",
                         source=url)
    if not parts.hostname:
        raise InputError("URL has no host", source=url)
    if parts.username is not None or parts.password is not None:
        raise InputError("URL holds a user name or password; such URLs are not fetched", source=url)


def _read_body(response: HTTPResponse, max_bytes: int, url: str) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and (len(length) > 18 or int(length) > max_bytes):
        shown = f"{int(length):,}" if len(length) <= 18 else f"a {len(length)}-digit number of"
        raise InputError(f"too large: {shown} bytes, over the {max_bytes:,}-byte limit", source=url)
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(CHUNK):  # each wait on the socket is bounded by the deadline
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"too large: over the {max_bytes:,}-byte limit", source=url)
        _left()
        chunks.append(chunk)
    if response.length:  # the connection ended before the Content-Length it announced
        raise http.client.IncompleteRead(b"".join(chunks), response.length)
    return b"".join(chunks)


def _reason(exc: BaseException) -> str:
    """A one-line reason for a network failure."""
    if isinstance(exc, urllib.error.URLError) and not isinstance(exc, urllib.error.HTTPError):
        exc = exc.reason if isinstance(exc.reason, BaseException) else OSError(str(exc.reason))
    if isinstance(exc, socket.gaierror):
        return f"DNS lookup failed ({exc.strerror or exc})"
    if isinstance(exc, ssl.SSLError):
        return f"TLS error ({exc.reason or exc})"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, OSError):
        return f"network error ({exc.strerror or exc})"
    if isinstance(exc, http.client.HTTPException):
        return f"bad HTTP response ({exc.__class__.__name__}: {_short(str(exc))})"
    return f"{exc.__class__.__name__}: {_short(str(exc))}"


def _short(text: str, limit: int = 160) -> str:
    """Text from the network made safe for a one-line message: cleaned, and cut at `limit` characters."""
    text = " ".join(clean_line(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def fetch(url: str, *, timeout: float = 10.0, max_bytes: int = 5_000_000, max_redirects: int = 5,
          allow_private: bool = False, until: float | None = None) -> FetchResult:
    """GET an http(s) URL within `timeout` seconds of wall-clock time (redirects included), at most `max_bytes`
    of body and `max_redirects` redirects, and not past `until` (a `time.time()`: the run's fetch budget);
    any failure is an InputError naming the URL."""
    budget = None if until is None else until - time.time()
    if budget is not None and budget <= 0:
        raise InputError("not fetched: the run's fetch budget is spent (see --fetch-budget)", source=url)
    seconds = timeout if budget is None else min(timeout, budget)
    try:
        with _deadline(seconds):
            return _fetch(url, timeout=timeout, max_bytes=max_bytes, max_redirects=max_redirects,
                          allow_private=allow_private)
    except TimeoutError:
        if seconds < timeout:
            raise InputError("stopped: the run's fetch budget is spent (see --fetch-budget)", source=url) from None
        raise InputError(f"timed out after {timeout:g} s", source=url) from None


def _fetch(url: str, *, timeout: float, max_bytes: int, max_redirects: int, allow_private: bool) -> FetchResult:
    opener = _opener(allow_private)
    current = url
    for _ in range(max_redirects + 1):
        try:
            check_url(current)
        except InputError as exc:
            if current == url:
                raise
            raise InputError(f"redirect to {current} refused: {str(exc).removeprefix(f'{clean_line(current)}: ')}",
                             source=url) from None
        request = urllib.request.Request(current, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with opener.open(request, timeout=timeout) as response:
                data = _read_body(response, max_bytes, url)
                headers = response.headers
                return FetchResult(url=url, final_url=current, content_type=headers.get_content_type().lower(),
                                   data=data, charset=headers.get_content_charset())
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.code in REDIRECTS else None
            exc.close()
            if not location:
                raise InputError(f"HTTP {exc.code} {_short(str(exc.reason))}", source=url) from None
            current = urljoin(current, location)
        except _Refused as exc:
            raise InputError(str(exc), source=url) from None
        except TimeoutError:
            raise
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise exc.reason from None
            raise InputError(_reason(exc), source=url) from None
        except (OSError, ValueError, http.client.HTTPException) as exc:  # a dropped connection, a bad response
            raise InputError(_reason(exc), source=url) from None
    raise InputError(f"more than {max_redirects} redirects", source=url)


def _kind(result: FetchResult) -> str | None:
    """Reader extension for a response: by content type, else by the URL's suffix, else sniffed."""
    if result.content_type in MEDIA_KINDS:
        return MEDIA_KINDS[result.content_type]
    suffix = PurePosixPath(urlsplit(result.final_url).path).suffix.lower()
    return suffix if suffix in KINDS else None


def url_id(url: str) -> str:
    """An article id from a URL: the last path segment without extension, else the host."""
    parts = urlsplit(url)
    stem = PurePosixPath(parts.path).stem
    return article_id(stem or parts.hostname or "page")


def to_article(result: FetchResult, *, language: str = "auto") -> Article:
    """The Article a fetched page holds (main text extracted from HTML); source is the URL asked for.

    The charset the server names is a label: bytes that are valid UTF-8 are read as UTF-8 whatever it says."""
    kind = _kind(result)
    article = read_bytes(result.data, result.url, kind=kind, language=language, url=result.final_url,
                         label=result.charset)
    return replace(article, id=url_id(result.url))


def read_url(url: str, *, language: str = "auto", **fetch_opts: Any) -> Article:
    """Fetch a page and read its article; `fetch_opts` are `fetch`'s keyword arguments."""
    return to_article(fetch(url, **fetch_opts), language=language)

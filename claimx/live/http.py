"""A polite HTTP client for `claimx fetch`, on the standard library's urllib.

A user agent naming claimx, robots.txt honoured (urllib.robotparser, per RFC 9309: a
missing file allows everything, an unreachable one forbids), a delay between two requests
to one host (robots.txt's Crawl-delay when longer), conditional requests (ETag,
Last-Modified), a timeout over the whole response, a size cap, and redirects followed by
hand, each hop checked (scheme, robots.txt, delay) and their number bounded.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from claimx import __version__

USER_AGENT = f"claimx/{__version__} (+https://pypi.org/project/claimx/; news claim extractor)"
ROBOTS_AGENT = "claimx"
MAX_CRAWL_DELAY = 60.0  # a robots.txt asking for more is read as this
CHUNK = 64 * 1024


class FetchFailed(Exception):
    """One URL could not be fetched; the message is one line for the user."""


@dataclass(frozen=True)
class ClientOptions:
    """How politely and how far the client goes."""

    delay: float = 1.0  # seconds between two requests to one host
    timeout: float = 20.0  # seconds for a whole response
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass
class Response:
    """What a GET gave: 200 with a body, or 304 (not modified) without one."""

    url: str  # after redirects
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""
    charset: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class Client:
    """One fetch run's HTTP client: it remembers each host's robots.txt and last request."""

    options: ClientOptions = field(default_factory=ClientOptions)
    sleep: Callable[[float], object] = time.sleep  # time.sleep, or an Event's wait
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    requests: int = 0

    def __post_init__(self) -> None:
        # Redirects come back as 3xx answers, to be followed (and checked) by hand.
        self._opener = urllib.request.build_opener(_NoRedirects())

    def get(self, url: str, etag: str | None = None, modified: str | None = None) -> Response:
        """GET `url` (conditionally when a validator is given), following redirects;
        FetchFailed with the reason otherwise."""
        seen: list[str] = []
        url = ascii_url(url)
        while True:
            self._check(url)
            answer = self._request(url, etag if not seen else None, modified if not seen else None)
            if not isinstance(answer, str):
                return answer
            seen.append(url)
            url = answer
            if len(seen) > self.options.max_redirects:
                raise FetchFailed(f"more than {self.options.max_redirects} redirects")
            if url in seen:
                raise FetchFailed(f"redirect loop ({seen[-1]} -> {url})")

    def _check(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchFailed(f"not an http(s) URL: {url}")
        if "@" in parts.netloc:
            raise FetchFailed("a URL with credentials: not fetched")
        robots = self._robots_of(f"{parts.scheme}://{parts.netloc}")
        if robots is None:
            raise FetchFailed("robots.txt could not be read: the site is left alone")
        if not robots.can_fetch(ROBOTS_AGENT, url):
            raise FetchFailed("forbidden by the site's robots.txt")

    def _robots_of(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        if site not in self._robots:
            self._robots[site] = self._read_robots(site)
        return self._robots[site]

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser()
        try:
            answer = self._request(site + "/robots.txt", None, None)
        except _Missing:
            answer = ""  # 4xx: no rules
        except FetchFailed:
            return None  # 5xx, unreachable: nothing is fetched from this site
        # A redirected robots.txt is read as none (everything allowed).
        body = answer.body if isinstance(answer, Response) else b""
        parser.parse(body.decode("utf-8", "replace").splitlines())
        return parser

    def _wait_turn(self, host: str) -> None:
        delay = self.options.delay
        robots = self._robots.get(host)
        crawl = robots.crawl_delay(ROBOTS_AGENT) if robots is not None else None
        if crawl is not None:
            delay = max(delay, min(float(crawl), MAX_CRAWL_DELAY))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = time.monotonic()

    def _request(self, url: str, etag: str | None, modified: str | None) -> Response | str:
        """One request: the response, or the URL a redirect points to."""
        parts = urlsplit(url)
        self._wait_turn(f"{parts.scheme}://{parts.netloc}")
        headers = {"User-Agent": self.options.user_agent, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        self.requests += 1
        request = urllib.request.Request(url, headers=headers)
        started = time.monotonic()
        try:
            with self._opener.open(request, timeout=self.options.timeout) as reply:
                body = self._body(reply, started)
                return _response(reply.geturl(), reply.status, reply.headers, body)
        except urllib.error.HTTPError as err:
            return self._answer(url, err)
        except urllib.error.URLError as err:
            raise FetchFailed(_reason(err.reason)) from None
        except TimeoutError:
            raise FetchFailed(f"timed out after {self.options.timeout:g} s") from None
        except OSError as err:  # a connection reset, a refused connection
            raise FetchFailed(_reason(err)) from None
        except (http.client.HTTPException, ValueError) as err:  # a broken answer, a bad URL
            raise FetchFailed(f"{type(err).__name__}: {_reason(err)}") from None

    def _answer(self, url: str, err: urllib.error.HTTPError) -> Response | str:
        try:
            if err.code == 304:
                return _response(url, 304, err.headers, b"")
            if err.code in (301, 302, 303, 307, 308):
                location = err.headers.get("Location")
                if not location:
                    raise FetchFailed(f"HTTP {err.code} without a Location")
                return ascii_url(urljoin(url, location))
            if 400 <= err.code < 500:
                raise _Missing(f"HTTP {err.code} {err.reason}")
            raise FetchFailed(f"HTTP {err.code} {err.reason}")
        finally:
            err.close()

    def _body(self, reply: urllib.response.addinfourl, started: float) -> bytes:
        cap = self.options.max_bytes
        length = reply.headers.get("Content-Length")
        if length and length.isdigit() and int(length) > cap:
            raise FetchFailed(f"larger than the size cap ({int(length):,} > {cap:,} bytes)")
        chunks: list[bytes] = []
        size = 0
        while True:
            if time.monotonic() - started > self.options.timeout:
                raise TimeoutError
            chunk = reply.read(CHUNK)
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > cap:
                raise FetchFailed(f"larger than the size cap ({cap:,} bytes)")
            chunks.append(chunk)


class _Missing(FetchFailed):
    """A 4xx answer: the page is not there (for robots.txt: no rules)."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # the 3xx answer is raised as an HTTPError, read by Client._answer


def ascii_url(url: str) -> str:
    """A URL as HTTP sends it: the host in IDNA, the path and query percent-encoded
    (what is already encoded stays so), no fragment. One that cannot be read is given
    back as it is, for the scheme and host check to refuse."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").encode("idna").decode("ascii")
        port = parts.port
    except (UnicodeError, ValueError):
        return url
    if ":" in host:  # IPv6
        host = f"[{host}]"
    netloc = host + (f":{port}" if port else "")
    if parts.username is not None:
        netloc = "@" + netloc  # credentials are never sent: refused by the check
    safe = "/:@!$&'()*+,;=%~-._"
    path, query = quote(parts.path, safe), quote(parts.query, safe + "?")
    return urlunsplit((parts.scheme, netloc, path, query, ""))


def _response(url: str, status: int, headers: Message, body: bytes) -> Response:
    return Response(
        url=url,
        status=status,
        body=body,
        etag=headers.get("ETag"),
        last_modified=headers.get("Last-Modified"),
        content_type=headers.get_content_type() if headers.get("Content-Type") else "",
        charset=headers.get_content_charset(),
    )


def _reason(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "timed out"
    text = str(getattr(reason, "strerror", None) or reason).strip()
    return " ".join(text.split()) or "connection failed"

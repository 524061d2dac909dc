"""`claimx fetch` against a real HTTP server on 127.0.0.1: a feed of 20 items, pages with
boilerplate, a 304, a 404, a slow page, a redirect loop, a huge page, a path robots.txt
forbids; the right articles saved with front matter batch reads, the rest reported one
line each, and a rerun fetching nothing new. The texts are invented."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.cli.exit_codes import ExitCode
from claimx.formats import ReadOptions, read_units
from claimx.live import Client, ClientOptions, FetchOptions, fetch
from claimx.live.pages import file_name

CLAIMX = str(Path(sys.executable).with_name("claimx"))
GOOD = 14  # pages that are saved straight from the feed; one more through a redirect
BAD = ("/manquant.html", "/lent.html", "/boucle", "/enorme.html", "/prive/note.html")
BOILERPLATE = ("Abonnez-vous à notre lettre", "Mentions légales", "Accepter les cookies")
FEED_TITLE = "Le Courrier des Puces"
STAMP = formatdate(1_780_000_000, usegmt=True)


def article_html(number: int, version: int = 1) -> str:
    """A page: navigation, a cookie banner, a footer and related links around an
    invented article."""
    body = "".join(
        f"<p>{sentence}</p>"
        for sentence in (
            f"La société fictive Quartzia {number} a annoncé mardi un plan d'investissement "
            f"de {number + 1} milliards d'euros dans de nouveaux centres de calcul.",
            f"Selon son directeur général, Paul Lemoine, ce programme numéro {number} doit "
            "permettre de doubler la capacité de ses serveurs d'ici à deux ans.",
            "Le ministère de l'Économie aurait salué cette décision, selon un communiqué "
            "publié dans la soirée, tout en rappelant les règles sur l'énergie.",
            f"Les syndicats de l'entreprise réclament des garanties sur l'emploi (version "
            f"{version}) et demandent une réunion avant la fin du mois.",
        )
    )
    return (
        "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>"
        f"<title>Quartzia investit, épisode {number}</title></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/tech'>Tech</a> <a href='/eco'>Éco</a></nav>"
        f"<div class='cookies'>{BOILERPLATE[2]} ou les refuser.</div>"
        f"<main><article><h1>Quartzia investit, épisode {number}</h1>{body}</article></main>"
        "<aside><h3>À lire aussi</h3><ul><li><a href='/x'>Autre sujet</a></li></ul></aside>"
        f"<footer><p>{BOILERPLATE[0]} quotidienne.</p><p>{BOILERPLATE[1]} - Contact</p>"
        "</footer></body></html>"
    )


def feed_xml(links: list[str], base: str) -> str:
    items = "".join(
        f"<item><title>Titre {n} : Quartzia</title>"
        f"<link>{base if link.startswith('/') else ''}{link}</link>"
        f"<pubDate>Mon, 0{1 + n % 9} Dec 2026 08:30:00 +0100</pubDate></item>"
        for n, link in enumerate(links, 1)
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{FEED_TITLE}</title><link>{base}/</link><description>Des puces</description>"
        f"{items}</channel></rss>"
    )


def atom_xml(base: str) -> str:
    entries = "".join(
        f"<entry><title>Atome {n}</title><link href='/articles/{n}.html'/>"
        f"<id>urn:quartzia:{n}</id><updated>2026-12-0{n}T09:00:00Z</updated></entry>"
        for n in (1, 2)
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title>Atomes fictifs</title><id>urn:quartzia</id><updated>2026-12-02T09:00:00Z"
        f"</updated>{entries}</feed>"
    )


@dataclass
class Site:
    """What the server serves and what it was asked."""

    base: str = ""
    links: list[str] = field(default_factory=list)
    feed_version: int = 1
    page_version: dict[str, int] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    robots: str = "User-agent: *\nDisallow: /prive/\n"
    robots_status: int = 200

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def send(self, code: int, body: bytes, kind: str, **headers: str) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            site.requests.append((self.path, dict(self.headers.items())))
            # The client may give up (a timeout, the size cap), as it should.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.answer()

        def answer(self) -> None:
            path = self.path
            if path == "/robots.txt":
                if site.robots_status != 200:
                    return self.send(site.robots_status, b"", "text/plain")
                return self.send(200, site.robots.encode(), "text/plain")
            if path == "/atom.xml":
                return self.send(200, atom_xml(site.base).encode(), "application/atom+xml")
            if path == "/flux.xml":
                tag = f'"flux-{site.feed_version}"'
                if self.headers.get("If-None-Match") == tag:
                    return self.send(304, b"", "application/rss+xml", ETag=tag)
                xml = feed_xml(site.links, site.base).encode()
                return self.send(200, xml, "application/rss+xml; charset=utf-8", ETag=tag)
            if path.startswith("/articles/"):
                return self.article(path)
            if path == "/lent.html":
                time.sleep(2.5)
                return self.send(200, article_html(99).encode(), "text/html")
            if path in ("/boucle", "/boucle-bis"):
                other = "/boucle-bis" if path == "/boucle" else "/boucle"
                return self.send(302, b"", "text/html", Location=other)
            if unquote(path) == "/actualité/été.html":
                return self.send(200, article_html(8).encode(), "text/html")
            if path == "/latin1.html":
                page = article_html(42).replace("utf-8", "windows-1252").encode("cp1252")
                return self.send(200, page, "text/html; charset=windows-1252")
            if path == "/redirige":
                return self.send(301, b"", "text/html", Location="/articles/15.html")
            if path == "/enorme.html":  # no Content-Length: the cap applies while reading
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"du texte sans fin " * 3000 + b"</p>")
                return None
            return self.send(404, b"introuvable", "text/plain")

        def article(self, path: str) -> None:
            number = int(path.rsplit("/", 1)[-1].split(".")[0])
            version = site.page_version.get(path, 1)
            html = article_html(number, version).encode()
            if number % 2:  # odd pages carry validators, even ones none
                tag = f'"page-{number}-{version}"'
                if self.headers.get("If-None-Match") == tag:
                    return self.send(304, b"", "text/html", ETag=tag)
                return self.send(
                    200, html, "text/html; charset=utf-8", ETag=tag, Last_Modified=STAMP
                )
            return self.send(200, html, "text/html; charset=utf-8")

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    state.links = [f"/articles/{n}.html" for n in range(1, GOOD + 1)] + ["/redirige", *BAD]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


OPTIONS = FetchOptions(
    client=ClientOptions(delay=0.0, timeout=0.5, max_bytes=200_000, max_redirects=3)
)


def test_a_feed_gives_its_articles_with_front_matter_and_the_rest_reported(
    site: Site, tmp_path: Path
) -> None:
    assert len(site.links) == 20
    report = fetch([site.base + "/flux.xml"], tmp_path, OPTIONS)
    saved = {o.url.removeprefix(site.base): o for o in report.outcomes if o.status == "saved"}
    assert set(saved) == {*site.links[:GOOD], "/redirige"}
    failed = {o.url.removeprefix(site.base): o.message or "" for o in report.failed}
    assert set(failed) == set(BAD)
    assert "404" in failed["/manquant.html"]
    assert "timed out" in failed["/lent.html"]
    assert "redirect loop" in failed["/boucle"]
    assert "size cap" in failed["/enorme.html"]
    assert "robots.txt" in failed["/prive/note.html"]
    assert all("\n" not in message for message in failed.values())
    assert "/prive/note.html" not in site.paths()  # never asked for
    assert all("claimx" in headers.get("User-Agent", "") for _, headers in site.requests)
    for number, link in enumerate(site.links[:GOOD], 1):
        path = tmp_path / (saved[link].file or "")
        unit = read_units(path.read_bytes(), path.name, str(path), ReadOptions())[0]
        article = unit.article
        assert article is not None, unit.error
        assert article.title == f"Titre {number} : Quartzia"
        assert article.url == site.base + link
        assert article.publisher == FEED_TITLE
        assert article.date is not None and article.date.startswith(f"2026-12-0{1 + number % 9}")
        assert f"Quartzia {number} a annoncé" in article.text
        assert not any(noise in article.text for noise in BOILERPLATE)
    redirected = tmp_path / (saved["/redirige"].file or "")
    assert f"url: {site.base}/articles/15.html" in redirected.read_text(encoding="utf-8")


def test_a_rerun_fetches_nothing_new(site: Site, tmp_path: Path) -> None:
    fetch([site.base + "/flux.xml"], tmp_path, OPTIONS)
    files = {p: p.read_bytes() for p in tmp_path.rglob("*.md")}
    site.requests.clear()
    report = fetch([site.base + "/flux.xml"], tmp_path, OPTIONS)
    assert [o.status for o in report.outcomes] == ["unchanged"]  # the feed: 304
    assert site.paths() == ["/robots.txt", "/flux.xml"]
    assert site.requests[1][1].get("If-None-Match") == '"flux-1"'
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.md")} == files


def test_a_changed_feed_asks_only_for_new_and_changed_pages(site: Site, tmp_path: Path) -> None:
    fetch([site.base + "/flux.xml"], tmp_path, OPTIONS)
    site.feed_version = 2
    site.links.append("/articles/21.html")
    site.page_version["/articles/3.html"] = 2  # changed upstream, validators differ
    site.requests.clear()
    report = fetch([site.base + "/flux.xml"], tmp_path, OPTIONS)
    by_path = {o.url.removeprefix(site.base): o.status for o in report.outcomes}
    assert by_path["/articles/21.html"] == "saved"
    assert by_path["/articles/3.html"] == "kept"  # not overwritten without being asked
    asked = site.paths()
    assert "/articles/2.html" not in asked  # saved, no validators: not asked again
    conditional = {p: h.get("If-None-Match") for p, h in site.requests if p == "/articles/5.html"}
    assert conditional == {"/articles/5.html": '"page-5-1"'}
    assert by_path["/articles/5.html"] == "unchanged"  # a 304
    assert {p for p in BAD if p != "/prive/note.html"} <= set(asked)  # failures retried


def test_update_rewrites_only_files_fetch_wrote_and_nobody_edited(
    site: Site, tmp_path: Path
) -> None:
    fetch([site.base + "/flux.xml"], tmp_path, OPTIONS)
    edited = tmp_path / file_name(site.base + "/articles/5.html")
    edited.write_text(edited.read_text(encoding="utf-8") + "\nNote de la rédaction.\n")
    untouched = tmp_path / file_name(site.base + "/articles/3.html")
    site.feed_version = 2
    site.page_version.update({"/articles/3.html": 2, "/articles/5.html": 2})
    update = FetchOptions(client=OPTIONS.client, update=True)
    report = fetch([site.base + "/flux.xml"], tmp_path, update)
    by_path = {o.url.removeprefix(site.base): o for o in report.outcomes}
    assert by_path["/articles/3.html"].status == "updated"
    assert "version 2" in untouched.read_text(encoding="utf-8")
    assert by_path["/articles/5.html"].status == "kept"
    assert "Note de la rédaction." in edited.read_text(encoding="utf-8")


def test_requests_to_a_host_are_spaced_by_the_delay_or_robots_crawl_delay(
    site: Site, tmp_path: Path
) -> None:
    waits: list[float] = []
    pages = [site.base + f"/articles/{n}.html" for n in (2, 4)]
    client = Client(ClientOptions(delay=5.0, timeout=2.0), sleep=waits.append)
    fetch(pages, tmp_path / "a", client=client)
    assert len(waits) == 2 and all(4.0 < w <= 5.0 for w in waits)  # robots, page, page
    site.robots += "Crawl-delay: 8\n"
    waits.clear()
    client = Client(ClientOptions(delay=1.0, timeout=2.0), sleep=waits.append)
    fetch(pages, tmp_path / "b", client=client)
    assert len(waits) == 2 and all(7.0 < w <= 8.0 for w in waits)


def test_the_command_prints_paths_and_one_line_per_failure(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "news"
    args = ["fetch", site.base + "/flux.xml", site.base + "/articles/7.html", "-o", str(out)]
    args += ["--delay", "0", "--timeout", "0.5", "--max-bytes", "200000"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == ExitCode.PARTIAL, result.output
    printed = [Path(line) for line in result.stdout.splitlines()]
    assert len(printed) == GOOD + 1 and all(p.is_file() for p in printed)
    problems = [line for line in result.stderr.splitlines() if line.startswith("claimx: http")]
    assert len(problems) == len(BAD)
    again = CliRunner().invoke(app, args)  # the feed answers 304: nothing new, no failure
    assert again.exit_code == 0 and again.stdout == ""
    bad = CliRunner().invoke(app, ["fetch", "file:///etc/passwd", "-o", str(out)])
    assert bad.exit_code == ExitCode.USAGE


def test_links_not_http_or_with_credentials_are_refused_others_encoded_and_decoded(
    site: Site, tmp_path: Path
) -> None:
    credentials = site.base.replace("://", "://moi:secret@") + "/articles/1.html"
    site.links = ["file:///etc/passwd", "javascript:alert(1)", credentials]
    site.links += ["/latin1.html", "/actualité/été.html"]
    report = fetch([site.base + "/flux.xml"], tmp_path, OPTIONS)
    assert [o.status for o in report.outcomes] == ["failed"] * 3 + ["saved"] * 2
    assert all("http(s) URL" in (o.message or "") for o in report.failed[:2])
    assert "credentials" in (report.failed[2].message or "")
    assert "/articles/1.html" not in site.paths()
    saved = (tmp_path / (report.outcomes[3].file or "")).read_text(encoding="utf-8")
    assert "plan d'investissement" in saved and "Économie" in saved
    assert "Quartzia 8 a annoncé" in (tmp_path / (report.outcomes[4].file or "")).read_text(
        encoding="utf-8"
    )


@pytest.mark.slow  # starts a process
def test_every_fetches_again_until_sigterm(site: Site, tmp_path: Path) -> None:
    args = [CLAIMX, "fetch", site.base + "/flux.xml", "-o", str(tmp_path / "news")]
    args += ["--delay", "0", "--timeout", "0.5", "--max-bytes", "200000", "--every", "0.2"]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while site.paths().count("/flux.xml") < 3:
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0
    assert len(out.decode().splitlines()) == GOOD + 1  # saved once, not again
    assert "stopped" in err.decode()


def test_a_stopped_run_keeps_what_it_saved_and_reads_the_feed_in_full_next_time(
    site: Site, tmp_path: Path
) -> None:
    told: list[str] = []
    first = fetch(
        [site.base + "/flux.xml"],
        tmp_path,
        OPTIONS,
        on_outcome=lambda o: told.append(o.status),
        stopped=lambda: len(told) >= 3,
    )
    assert [o.status for o in first.outcomes] == ["saved"] * 3
    assert len(list(tmp_path.rglob("*.md"))) == 3
    again = fetch([site.base + "/flux.xml"], tmp_path, OPTIONS)  # not a 304: items again
    assert again.count("unchanged") == 3 and again.count("saved") == GOOD + 1 - 3


def test_an_atom_feed_with_relative_links(site: Site, tmp_path: Path) -> None:
    report = fetch([site.base + "/atom.xml"], tmp_path, OPTIONS)
    assert [o.url for o in report.outcomes] == [site.base + f"/articles/{n}.html" for n in (1, 2)]
    text = (tmp_path / (report.outcomes[1].file or "")).read_text(encoding="utf-8")
    assert "title: Atome 2\n" in text and "date: '2026-12-02T09:00:00+00:00'" in text
    assert "publisher: Atomes fictifs\n" in text


@pytest.mark.parametrize(("status", "fetched"), [(404, True), (500, False)])
def test_robots_txt_missing_allows_and_unreachable_forbids(
    site: Site, tmp_path: Path, status: int, fetched: bool
) -> None:
    site.robots_status = status
    report = fetch([site.base + "/articles/1.html"], tmp_path, OPTIONS)
    assert [o.status for o in report.outcomes] == ["saved" if fetched else "failed"]
    assert ("/articles/1.html" in site.paths()) == fetched


@pytest.mark.parametrize("command", ["fetch", "watch"])
def test_help_has_examples(command: str) -> None:
    result = CliRunner().invoke(app, [command, "-h"])
    assert result.exit_code == 0
    _, examples, after = result.output.partition("Examples:")
    assert examples and f"\n  claimx {command} " in after

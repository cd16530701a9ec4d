"""Articles from URLs, against a real HTTP server on 127.0.0.1 started by the tests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from claimbot.embed import DEFAULT_MODEL_NAME
from claimbot.engine import Engine
from claimbot.fetch import FetchSettings, canonical_url, fetch_article
from claimbot.sources import SourceError
from claimbot.store import ClaimStore
from tests.conftest import DATA, free_port

ARTICLE = (DATA / "pages" / "sv_lavrov.html").read_bytes()
NAVIGATION = (
    b"<html><body><nav><a href='/'>Hem</a> <a href='/a'>Sport</a> <a href='/b'>Kultur</a></nav></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # keep test output clean
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path == "/article":
            self.send(200, ARTICLE)
        elif path == "/plain":
            self.send(
                200, "Rubrik\n”Vi är oroliga,” säger Anna Berg.\n".encode(), "text/plain; charset=utf-8"
            )
        elif path.startswith("/hop"):
            n = int(path[4:] or 0)
            self.redirect("/article?utm_source=x&id=7" if n >= 3 else f"/hop{n + 1}")
        elif path == "/loop":
            self.redirect("/loop")
        elif path == "/slow":
            time.sleep(3)
            self.send(200, ARTICLE)
        elif path == "/huge":
            self.send(200, b"<html><body>" + b"<p>Ord ord ord.</p>" * 400_000 + b"</body></html>")
        elif path == "/huge-undeclared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"<p>" + b"x" * 100_000 + b"</p>")
        elif path == "/pdf":
            self.send(200, b"%PDF-1.7\n...", "application/pdf")
        elif path == "/nav":
            self.send(200, NAVIGATION)
        else:
            self.send(404, b"not found", "text/plain")


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the client hanging up on an oversized body is expected here


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", free_port()), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


FAST = FetchSettings(read_timeout=1.0, connect_timeout=1.0, max_bytes=5 * 1024 * 1024)


def test_normal_article(server: str) -> None:
    article = fetch_article(f"{server}/article", FAST)
    assert article.title == "Lavrov: Ingen fred utan garantier"
    assert (article.date, article.outlet, article.author) == ("2025-03-12", "Exempelbladet", "Anna Berg")
    assert article.source == article.url == f"{server}/article"
    assert "Så reagerade Kyiv" not in article.text


def test_redirect_chain_ends_at_the_canonical_url(server: str) -> None:
    article = fetch_article(f"{server}/hop0", FAST)
    assert article.url == f"{server}/article?id=7"  # tracking parameter dropped
    assert fetch_article(f"{server}/article?id=7&utm_campaign=y", FAST).id == article.id


def test_plain_text(server: str) -> None:
    assert "Anna Berg" in fetch_article(f"{server}/plain", FAST).text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/loop", "redirects"),
        ("/slow", "timed out"),
        ("/huge", "MB limit"),
        ("/huge-undeclared", "MB limit"),
        ("/pdf", "unsupported content type application/pdf"),
        ("/missing", "HTTP 404"),
        ("/nav", "no article text"),
    ],
)
def test_bad_pages_are_one_line_errors(server: str, path: str, message: str) -> None:
    with pytest.raises(SourceError, match=message) as info:
        fetch_article(f"{server}{path}", FAST)
    assert "\n" not in str(info.value)


def test_refused_and_unknown_hosts_and_schemes() -> None:
    with pytest.raises(SourceError, match="connection refused"):
        fetch_article(f"http://127.0.0.1:{free_port()}/x", FAST)
    with pytest.raises(SourceError, match="only http and https"):
        fetch_article("ftp://127.0.0.1/file.txt", FAST)


def test_canonical_url() -> None:
    assert canonical_url("HTTPS://Example.COM/a?b=1&utm_source=x&fbclid=2#top") == "https://example.com/a?b=1"


def test_index_urls_good_and_bad_together(server: str, tmp_path: Path, passage_embedder: Any) -> None:
    engine = Engine(
        ClaimStore(path=tmp_path / "index"),
        model_name=DEFAULT_MODEL_NAME,
        passages=lambda: passage_embedder,
        fetch=FAST,
    )
    report = engine.index([f"{server}/article", f"{server}/pdf", f"{server}/missing"])
    assert len(report.added) == 1 and len(report.failed) == 2
    again = engine.index([f"{server}/hop0", f"{server}/article?utm_source=newsletter"])
    assert (
        len(again.added) == 1 and len(again.unchanged) == 1
    )  # ?id=7 is another page; the same one is unchanged
    assert {c.speaker for c in engine.claims()} >= {"Sergej Lavrov", "Dmitrij Peskov"}

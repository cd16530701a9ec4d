"""Fetching articles from URLs: the only module that uses httpx.

Timeouts, a redirect limit, a size limit enforced while streaming, http(s) only, HTML or plain
text only. The article's identity is its final URL without tracking parameters or fragment.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from claimbot import __version__
from claimbot.model import Article
from claimbot.sources import SourceError, article_from_bytes

DEFAULT_FETCH_BYTES = 5 * 1024 * 1024
_TRACKING = ("utm_", "fbclid", "gclid", "dclid", "mc_cid", "mc_eid", "igshid", "ref_src", "_ga", "yclid")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class FetchSettings:
    max_bytes: int = DEFAULT_FETCH_BYTES
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_redirects: int = 5
    user_agent: str = f"claimbot/{__version__} (fact-checking; +https://example.invalid/claimbot)"


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://")) or "://" in source[:12]


def canonical_url(url: str) -> str:
    """The URL without tracking parameters and fragment: the article's identity."""
    parts = urlsplit(url)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING)
    ]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


def fetch_article(url: str, settings: FetchSettings | None = None) -> Article:
    """Download and read one article, or raise SourceError with a one-line reason."""
    import httpx

    settings = settings or FetchSettings()
    if urlsplit(url).scheme not in ("http", "https"):
        raise SourceError(f"{url}: only http and https URLs can be fetched")
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html, text/plain;q=0.9"}
    try:
        with (
            httpx.Client(
                follow_redirects=True, max_redirects=settings.max_redirects, timeout=timeout, headers=headers
            ) as client,
            client.stream("GET", url) as response,
        ):
            return _read_response(url, response, settings)
    except httpx.TooManyRedirects:
        raise SourceError(f"{url}: more than {settings.max_redirects} redirects (a loop?)") from None
    except httpx.TimeoutException:
        raise SourceError(f"{url}: timed out (no answer within {settings.read_timeout:g} s)") from None
    except httpx.ConnectError as exc:
        raise SourceError(f"{url}: cannot connect ({_reason(exc)})") from None
    except httpx.HTTPError as exc:
        raise SourceError(f"{url}: {type(exc).__name__}: {exc}") from None


def _reason(exc: Exception) -> str:
    text = str(exc).lower()
    if "name or service not known" in text or "nodename nor servname" in text or "name resolution" in text:
        return "no such host"
    if "refused" in text:
        return "connection refused"
    return " ".join(str(exc).split())[:120] or type(exc).__name__


def _read_response(url: str, response: object, settings: FetchSettings) -> Article:
    import httpx

    assert isinstance(response, httpx.Response)
    if response.status_code >= 400:
        raise SourceError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
    kind = _kind(url, response.headers.get("content-type", ""))
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
        raise SourceError(
            f"{url}: {int(declared) / 1e6:.1f} MB is over the {settings.max_bytes / 1e6:g} MB limit"
        )
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > settings.max_bytes:
            raise SourceError(f"{url}: the page is over the {settings.max_bytes / 1e6:g} MB limit")
    final = canonical_url(str(response.url))
    return article_from_bytes(bytes(body), source=final, kind=kind, label=url, url=final)


def _kind(url: str, content_type: str) -> str:
    media = content_type.split(";")[0].strip().lower()
    if media in _HTML_TYPES:
        return "html"
    if media == "text/plain":
        return "text"
    raise SourceError(f"{url}: unsupported content type {media or 'unknown'} (HTML or plain text only)")

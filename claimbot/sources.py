"""Reading articles from files: encodings, binary detection, text cleaning, header blocks and HTML.

Everything that turns bytes into an `Article` lives here, so that files and (later) URLs share
one path: `article_from_bytes`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from claimbot.language import detect_language
from claimbot.model import Article, short_hash

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# A news paragraph is a few thousand characters; a "paragraph" of 100,000 or more (a whole file on one
# line: minified data, a log, a dump) is not article text, and would only cost minutes of parsing.
MAX_PARAGRAPH_CHARS = 100_000

# Signatures of common binary formats, so that a renamed PNG is refused by name, not by guesswork.
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "a gzip archive",
}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ANSI = re.compile(
    # CSI; OSC and the DCS/SOS/PM/APC strings, payload and all; other escapes (ESC 7, ESC c, ESC ( B)
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?|[ -/]*[0-~])"
    r"|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07\x1b\x9c]*(?:\x07|\x9c|\x1b\\)?"  # the 8-bit CSI and OSC
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2066-\u2069]")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_HEADER = re.compile(
    r"^(date|datum|published|publicerad|source|källa|outlet|url|link|author|författare|by)\s*:\s*(.+)$",
    re.IGNORECASE,
)
_HEADER_FIELDS = {
    "date": "date",
    "datum": "date",
    "published": "date",
    "publicerad": "date",
    "source": "outlet",
    "källa": "outlet",
    "outlet": "outlet",
    "url": "url",
    "link": "url",
    "author": "author",
    "författare": "author",
    "by": "author",
}


class SourceError(Exception):
    """A source that cannot become an article; the message is one line for the user."""


@dataclass(frozen=True)
class RawDocument:
    """Decoded, cleaned text plus whatever metadata the container gave."""

    text: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None


def iter_source_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand directories into their supported files (sorted); files are passed through as given."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
        else:
            yield path


def read_article(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, *, detect: bool = True) -> Article:
    """Read one file into an Article, or raise SourceError with a one-line reason.

    With `detect=False` the language is left empty (it costs a model load): see `with_language`."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from None
    if path.is_dir():
        raise SourceError(f"{path}: is a directory with no supported files")
    if not path.is_file():
        raise SourceError(f"{path}: not a regular file")
    if size > max_bytes:
        raise SourceError(f"{path}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from None
    kind = "html" if path.suffix.lower() in HTML_SUFFIXES else "text"
    source = str(path.resolve())
    return article_from_bytes(data, source=source, kind=kind, label=str(path), detect=detect)


def with_language(article: Article) -> Article:
    return article if article.language else replace(article, language=detect_language(article.text))


def article_from_bytes(
    data: bytes, *, source: str, kind: str, label: str, detect: bool = True, url: str | None = None
) -> Article:
    """Turn raw bytes into an Article; `kind` is "html" or "text"; `url` is where it was fetched."""
    text = decode(data, label)
    if kind == "text" and looks_like_html(text):
        kind = "html"
    raw = parse_html(text) if kind == "html" else parse_text(text)
    body = normalise_paragraphs(raw.text)
    if not body.strip():
        raise SourceError(f"{label}: no article text")
    longest = max(len(line) for line in body.split("\n"))
    if longest > MAX_PARAGRAPH_CHARS:
        raise SourceError(
            f"{label}: a paragraph of {longest:,} characters is not article text "
            f"(the limit is {MAX_PARAGRAPH_CHARS:,})"
        )
    title = raw.title or body.split("\n", 1)[0]
    return Article(
        id=short_hash(url or raw.url or source, size=12),
        source=url or raw.url or source,
        title=clean_line(title),
        text=body,
        language=detect_language(body) if detect else "",
        date=raw.date,
        outlet=raw.outlet,
        author=raw.author,
        url=url or raw.url,
    )


def decode(data: bytes, label: str) -> str:
    """Bytes to clean text: BOMs, UTF-8, then cp1252/latin-1; binary data is refused."""
    if not data.strip():
        raise SourceError(f"{label}: the file is empty")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise SourceError(f"{label}: this is {what}, not an article")
    text = _decode_bytes(data)
    if text is None:
        raise SourceError(f"{label}: binary data, not text")
    return clean_text(text)


def _decode_bytes(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    # Legacy 8-bit text is mostly letters; a large share of odd bytes means binary.
    odd = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    return None if odd > len(text) * 0.05 else text


def clean_text(text: str) -> str:
    """NFC, one kind of newline, no escape sequences or control characters (never sent to a terminal)."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\f", "\n")
    text = _ANSI.sub("", text)
    text = text.replace("\t", " ").replace("\u00a0", " ")
    return _CONTROL.sub("", text)


def clean_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def escape_controls(text: str) -> str:
    """Control characters shown as `\\x1b`-style escapes: for names the user gave (paths, arguments)
    in messages, which must stay recognisable but never reach a terminal raw."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def parse_text(text: str) -> RawDocument:
    """Plain text: an optional `Key: value` header block, then the title line and paragraphs."""
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    meta: dict[str, str] = {}
    taken = 0
    for line in lines:
        match = _HEADER.match(line.strip())
        if not match:
            break
        meta.setdefault(_HEADER_FIELDS[match.group(1).lower()], match.group(2).strip())
        taken += 1
    # A lone "Source: ..." line followed directly by prose is a header only if a blank line ends it
    # or several keys are given; otherwise it was the article's first sentence.
    if taken and not (taken < len(lines) and not lines[taken].strip()) and taken < 2:
        meta, taken = {}, 0
    return RawDocument(
        text="\n".join(lines[taken:]),
        date=meta.get("date"),
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        url=meta.get("url"),
    )


def parse_html(html: str) -> RawDocument:
    """Main text and metadata of a saved web page, navigation and link boxes dropped."""
    import trafilatura  # heavy-ish; only needed for HTML

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    text = getattr(doc, "text", None) if doc is not None else None
    # A page of menus and links gives only short lines: that is no article.
    if not text or not any(len(line.split()) >= 6 for line in text.split("\n")):
        return RawDocument(text="")
    title = getattr(doc, "title", None)
    if title and not text.lstrip().startswith(title.strip()):
        text = f"{title}\n{text}"
    return RawDocument(
        text=text,
        title=title,
        date=getattr(doc, "date", None),
        outlet=getattr(doc, "sitename", None),
        author=getattr(doc, "author", None),
        url=None,
    )


def normalise_paragraphs(text: str) -> str:
    """One paragraph per line. Blank-line separated blocks of hard-wrapped lines are unwrapped."""
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    wrapped = _is_hard_wrapped(blocks)
    paragraphs: list[str] = []
    for block in blocks:
        lines = [" ".join(line.split()) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if wrapped:
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return "\n".join(paragraphs)


def _is_hard_wrapped(blocks: list[str]) -> bool:
    """True when blocks are paragraphs broken over lines that do not end sentences."""
    inner_breaks = 0
    mid_sentence = 0
    for block in blocks:
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        for line in lines[:-1]:
            inner_breaks += 1
            if not line.endswith((".", "!", "?", ":", "”", '"', "»", "’")):
                mid_sentence += 1
    return len(blocks) >= 2 and inner_breaks >= 2 and mid_sentence / inner_breaks > 0.5

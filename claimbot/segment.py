"""Paragraphs and sentences: headings, in-body boilerplate and the title, each with exact offsets.

Paragraph-first (headings have no full stop), then Punkt for the article's language, then a
repair pass that glues back pieces Punkt cut at abbreviations, initials and quote tails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from claimbot.language import PUNKT_LANGUAGES
from claimbot.model import Article, Segment, SegmentKind

_BOILERPLATE = re.compile(
    r"""^(
        just\ nu\ läser\ andra | läs\ också | läs\ även | läs\ mer | se\ också | relaterat
        | mer\ om\ ämnet | annons | annonsörsinnehåll | dela(\ artikeln)? | prenumerera.*
        | följ\ .{0,40}\ på\ .*
        | publicerad\ .* | uppdaterad\ .* | artikeln\ uppdateras.* | rättelse
        | read\ more | read\ also | related(\ articles?|\ stories)? | advertisement | sponsored(\ content)?
        | share(\ this(\ article|\ story)?)? | sign\ up.* | subscribe.* | follow\ us.* | click\ here.*
        | listen\ to\ this\ article.* | story\ continues(\ below)? | continue\ reading.* | most\ read
        | (foto|bild|fotograf|photo|photograph|image|picture|credit|video|grafik|illustration)\s*:.*
        | (läs\ också|läs\ mer|read\ more|see\ also|also\ read)\s*[:|–-].*
        | .{0,60}/(tt|ap|afp|reuters|scanpix|ntb|ritzau|epa|getty\ images|bildbyrån|ap\ photo)
        | .{0,60}\((getty\ images|reuters|ap\ photo|afp|epa)\)
    )[.!]?$""",
    re.IGNORECASE | re.VERBOSE,
)
_TERMINAL = (".", "!", "?", "…", ":", ";", "”", '"', "»", "«", "’", "‹", "›", "“")
# Pieces ending in one of these were not sentence ends (lower-cased, with the full stop).
_ABBREVIATIONS = frozenset(
    [
        "sra.",  # Spanish and Portuguese "la Sra. Ruiz" (not "sr.": English "Ken Griffey Sr." ends sentences)
        "srta.",
        "dra.",
        "mme.",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "prof.",
        "st.",
        "sen.",
        "rep.",
        "gov.",
        "gen.",
        "col.",
        "capt.",
        "lt.",
        "sgt.",
        "no.",
        "nr.",
        "vol.",
        "jr.",
        "sr.",
        "inc.",
        "ltd.",
        "co.",
        "corp.",
        "vs.",
        "etc.",
        "e.g.",
        "i.e.",
        "approx.",
        "dept.",
        "est.",
        "fig.",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "aug.",
        "sept.",
        "sep.",
        "oct.",
        "nov.",
        "dec.",
        "kl.",
        "ca.",
        "bl.a.",
        "t.ex.",
        "m.m.",
        "m.fl.",
        "o.s.v.",
        "osv.",
        "dvs.",
        "d.v.s.",
        "s.k.",
        "fr.o.m.",
        "t.o.m.",
        "p.g.a.",
        "pga.",
        "enl.",
        "f.d.",
        "ang.",
        "resp.",
        "tel.",
        "jfr.",
        "inkl.",
        "exkl.",
        "el.",
        "kap.",
        "ff.",
        "mm.",
        "st.",
        "tf.",
        "vd.",
        "a.m.",
        "p.m.",
        "u.s.",
        "u.k.",
        "e.u.",
        "u.n.",
        "d.c.",
        "ph.d.",
    ]
)
_SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "but",
        "and",
        "or",
        "so",
        "yet",
        "in",
        "on",
        "at",
        "as",
        "after",
        "before",
        "when",
        "while",
        "if",
        "however",
        "meanwhile",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "han",
        "hon",
        "den",
        "det",
        "de",
        "vi",
        "jag",
        "du",
        "men",
        "och",
        "så",
        "i",
        "på",
        "när",
        "om",
        "efter",
        "innan",
        "dessutom",
        "samtidigt",
    ]
)


@cache
def _tokenizer(language: str) -> Any:
    import punkt

    name = PUNKT_LANGUAGES.get(language, "english")
    return punkt.PunktSentenceTokenizer(punkt.load_model(name))


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-empty line, trimmed of surrounding spaces."""
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped)
            yield start, start + len(stripped)
        pos += len(line) + 1


def classify_paragraph(text: str) -> SegmentKind | None:
    """BOILERPLATE or HEADING for a paragraph that is not prose; None for prose."""
    if _BOILERPLATE.match(text):
        return SegmentKind.BOILERPLATE
    words = text.split()
    if not text.endswith(_TERMINAL) and len(words) <= 14 and not text.endswith(","):
        return SegmentKind.HEADING
    return None


def segment(article: Article) -> list[Segment]:
    """All segments of the article in order; the first paragraph that is not boilerplate is the title."""
    out: list[Segment] = []
    have_title = False
    for number, (start, end) in enumerate(paragraphs(article.text)):
        text = article.text[start:end]
        kind = classify_paragraph(text)
        if not any(ch.isalnum() for ch in text):
            kind = SegmentKind.BOILERPLATE
        elif not have_title and kind is not SegmentKind.BOILERPLATE:
            kind, have_title = SegmentKind.TITLE, True
        if kind is not None:
            out.append(Segment(kind, text, start, end, number))
            continue
        for s, e in split_sentences(text, article.language):
            out.append(Segment(SegmentKind.SENTENCE, text[s:e], start + s, start + e, number))
    return out


def split_sentences(text: str, language: str) -> list[tuple[int, int]]:
    """Sentence spans of one paragraph."""
    try:
        spans = list(_tokenizer(language).span_tokenize(text))
    except Exception:  # noqa: BLE001 - a tokenizer failure must not lose the paragraph
        spans = [(0, len(text))]
    if not spans:
        return []
    merged: list[tuple[int, int]] = [spans[0]]
    for start, end in spans[1:]:
        prev_start, prev_end = merged[-1]
        if _glue(text[prev_start:prev_end], text[start:end]):
            merged[-1] = (prev_start, end)
        else:
            merged.append((start, end))
    spans = _split_after_times(text, _split_dash_quotes(text, _opening_marks_forward(text, merged)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _opening_marks_forward(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "… à Paris. « Le pays tiendra. »": Punkt leaves the opening « of the next sentence at the end
    of this one; it belongs to the next."""
    out = list(spans)
    for n in range(len(out) - 1):
        start, end = out[n]
        piece = text[start:end].rstrip()
        if len(piece) >= 2 and piece[-1] in "«“„" and piece[-2].isspace():
            cut = start + len(piece) - 1
            out[n] = (start, start + len(piece[:-1].rstrip()))
            out[n + 1] = (cut, out[n + 1][1])
    return out


# A sentence end followed by a Swedish dash quote ("… sade Per Holm. – Vi stannar, säger Eva Ek.")
# starts a new sentence at the dash, whatever Punkt (which sees no capital after the end) decided.
_DASH_QUOTE = re.compile(r"[.!?][”\"»’]?(\s+)(?=[–—]\s+[A-ZÅÄÖÆØ])")


def _split_dash_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        for match in _DASH_QUOTE.finditer(text, start, end):
            out.append((start, match.start(1)))
            start = match.end(1)
        out.append((start, end))
    return out


# "… by 6 a.m. Three were hurt": Punkt keeps a known abbreviation in the sentence; a capital after a
# time starts a new one unless it is a day, a month or a time zone ("at 6 a.m. Monday").
_TIME_END = re.compile(r"\b[ap]\.m\.(\s+)(?=([A-Z]\w*))")


def _split_after_times(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in spans:
        for match in _TIME_END.finditer(text, start, end):
            if match.group(2).lower() not in _AFTER_TIME:
                out.append((start, match.start(1)))
                start = match.end(1)
        out.append((start, end))
    return out


_AFTER_TIME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december gmt bst utc cet cest est edt pst pdt et pt local".split()
)


def _glue(previous: str, piece: str) -> bool:
    """Whether `piece` continues the sentence `previous` rather than starting a new one."""
    first = piece.lstrip()[:1]
    if not any(ch.isalnum() for ch in piece):
        return True  # a closing mark Punkt cut off: German „…zumuten.“
    if not first or first.islower() or first.isdigit() or first in ",;:)–-—%":
        return True
    last_word = previous.rsplit(None, 1)[-1].lower().lstrip("(”\"“'")
    if last_word in _ABBREVIATIONS and last_word not in ("etc.", "osv.", "m.m.", "m.fl."):
        next_word = piece.split(None, 1)[0].lower().strip(",.")
        # "U.S." ends sentences too: glue only when no usual sentence opener follows. (A time, "a.m.",
        # is glued here and split again by `_split_after_times`.)
        if last_word in ("u.s.", "u.k.", "e.u.", "u.n.", "d.c."):
            return next_word not in _SENTENCE_STARTERS
        return True
    # A single initial ("John F. Kennedy") is not a sentence end.
    return bool(re.fullmatch(r"[A-ZÅÄÖ]\.", last_word.upper()) and len(last_word) == 2)

"""Sentence splitting, headings and boilerplate, with exact offsets."""

from __future__ import annotations

import pytest

from claimbot.model import Article, SegmentKind
from claimbot.segment import classify_paragraph, segment, split_sentences
from claimbot.sources import read_article
from tests.conftest import SEED


def _article(text: str, language: str = "sv") -> Article:
    return Article(id="t", source="t", title=text.split("\n")[0], text=text, language=language)


def _sentences(text: str, language: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Mötet börjar kl. 14.30 i dag. Det slutar sent.", "sv", 2),
        ("Bl.a. USA:s president var där, t.ex. med Dr. Smith. Sedan gick de.", "sv", 2),
        ("”Vad händer nu?” frågar hon. ”Vi vet inte,” säger han.", "sv", 2),
        ("Mr. Smith went to the U.S. on Monday. He said so.", "en", 2),
        ("Prices rose 3.5 per cent in the U.S. The Fed said it was watching.", "en", 2),
        ("John F. Kennedy spoke at 9 a.m. in Berlin. The crowd cheered.", "en", 2),
        ("The talks start at 9 a.m. Monday in Berlin. Both sides agreed.", "en", 2),
        ("All were ashore by 6 a.m. Three of the injured were seriously hurt, officials said.", "en", 2),
        ('"We are worried," she said. "It is serious."', "en", 2),
    ],
)
def test_abbreviations_and_quote_tails_do_not_split(text: str, language: str, expected: int) -> None:
    assert len(_sentences(text, language)) == expected, _sentences(text, language)


def test_seed_segments_match_the_article() -> None:
    parsed = segment(read_article(SEED))
    kinds = [s.kind for s in parsed]
    assert kinds.count(SegmentKind.TITLE) == 1
    assert [s.text for s in parsed if s.kind is SegmentKind.HEADING] == ["Putin pressad"]
    assert [s.text for s in parsed if s.kind is SegmentKind.BOILERPLATE] == [
        "Just nu läser andra",
        "Läs också",
    ]
    assert sum(s.kind is SegmentKind.SENTENCE for s in parsed) == 15
    # The three-sentence quotation at the end is three claims.
    last = [s.text for s in parsed][-3:]
    assert last[0].startswith("”Det finns en stor risk") and last[2].endswith(
        "säger Fredriksson till kanalen."
    )


def test_offsets_point_at_the_text() -> None:
    article = read_article(SEED)
    for seg in segment(article):
        assert article.text[seg.start : seg.end] == seg.text


@pytest.mark.parametrize(
    "line",
    [
        "Just nu läser andra",
        "Läs också",
        "Read more",
        "Advertisement",
        "Foto: Anna Svensson/TT",
        "Photo: Getty Images",
        "Läs också: Så blir vädret i helgen",
        "Annons",
    ],
)
def test_boilerplate_is_recognised(line: str) -> None:
    assert classify_paragraph(line) is SegmentKind.BOILERPLATE


@pytest.mark.parametrize("line", ["Putin pressad", "A sector under strain", "Oppositionen kritisk"])
def test_headings_are_recognised(line: str) -> None:
    assert classify_paragraph(line) is SegmentKind.HEADING


def test_prose_is_not_a_heading() -> None:
    assert classify_paragraph("Han sa att det var bra.") is None
    assert (
        classify_paragraph(
            "Mötet hölls i Stockholm och varade i tre timmar utan paus vilket var ovanligt långt"
        )
        is None
    )


def test_first_paragraph_is_the_title_even_with_a_full_stop() -> None:
    segs = segment(_article("Regeringen faller.\nDet hände i går. Alla blev förvånade."))
    assert [s.kind for s in segs] == [SegmentKind.TITLE, SegmentKind.SENTENCE, SegmentKind.SENTENCE]


def test_a_dash_quote_after_a_sentence_end_starts_a_sentence() -> None:
    text = "Skolan stängs i juni, sade rektor Lars Ny. – Vi flyttar eleverna till Berga, säger Sara Lund."
    assert [text[s:e] for s, e in split_sentences(text, "sv")] == [
        "Skolan stängs i juni, sade rektor Lars Ny.",
        "– Vi flyttar eleverna till Berga, säger Sara Lund.",
    ]
    ranges = "Priset steg 10 – 20 procent. Det var väntat."  # a dash between numbers is no quote
    assert len(split_sentences(ranges, "sv")) == 2


def test_a_paragraph_ending_in_a_swedish_closing_guillemet_is_prose() -> None:
    assert classify_paragraph("Hon sade: »Vi vinner i år.«") is None

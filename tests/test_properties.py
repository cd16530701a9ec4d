"""Property tests: segmentation and attribution never crash, and every offset points at its text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimbot.model import Article
from claimbot.parse import parse_article
from claimbot.sources import clean_text, normalise_paragraphs

# Text built from the characters that matter: quotes of every kind, dashes, abbreviations, names.
PIECES = st.sampled_from(
    [
        "”",
        "“",
        '"',
        "«",
        "»",
        "– ",
        ", ",
        ". ",
        "? ",
        "! ",
        ": ",
        "\n",
        "\n\n",
        "säger ",
        "said ",
        "enligt ",
        "According to ",
        "han ",
        "she ",
        "Anna Berg",
        "Lavrov ",
        "kl. 14.30 ",
        "bl.a. ",
        "U.S. ",
        "Mr. ",
        "(C) ",
        "som ",
        "who ",
        "att ",
        "that ",
        "Läs också\n",
        "Read more\n",
        "x",
    ]
)
TEXT = st.one_of(st.text(max_size=400), st.lists(PIECES, max_size=80).map("".join))


def _article(raw: str, language: str) -> Article | None:
    body = normalise_paragraphs(clean_text(raw))
    if not body.strip():
        return None
    return Article(id="p", source="p", title=body.split("\n")[0], text=body, language=language)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=TEXT, language=st.sampled_from(["sv", "en", "da", "und"]))
def test_parse_never_crashes_and_offsets_hold(raw: str, language: str) -> None:
    article = _article(raw, language)
    if article is None:
        return
    parsed = parse_article(article)
    for seg in parsed.segments:
        assert article.text[seg.start : seg.end] == seg.text
    for claim in parsed.claims:
        assert article.text[claim.start : claim.end] == claim.text
        assert claim.text.strip()
        assert (
            (claim.speaker is None)
            == (str(claim.speaker_kind) == "narrator")
            == (str(claim.form) == "narrator")
        )
    starts = [c.start for c in parsed.claims]
    assert starts == sorted(starts)
    assert len({c.id for c in parsed.claims}) == len(parsed.claims)


@settings(max_examples=200, deadline=None)
@given(raw=st.text(max_size=300))
def test_clean_text_leaves_no_control_characters(raw: str) -> None:
    cleaned = clean_text(raw)
    assert not any(ord(ch) < 32 and ch != "\n" for ch in cleaned)
    assert "\x1b" not in cleaned and "\x7f" not in cleaned

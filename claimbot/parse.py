"""From an Article to its segments and speaker-attributed claims: segmentation plus attribution."""

from __future__ import annotations

from claimbot.attribution import attribute
from claimbot.model import Article, Claim, ParsedArticle
from claimbot.segment import segment


def parse_article(article: Article) -> ParsedArticle:
    """Every segment of the article, and a Claim (with its speaker) for each title or sentence."""
    segments = segment(article)
    claim_segments = [s for s in segments if s.is_claim]
    who = attribute(article.text, claim_segments, article.language)
    claims = tuple(
        Claim.build(article, index, seg, attribution)
        for index, (seg, attribution) in enumerate(zip(claim_segments, who, strict=True))
    )
    return ParsedArticle(article, tuple(segments), claims)

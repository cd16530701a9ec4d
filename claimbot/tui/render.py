"""Rich `Text` for article content: never markup, quoted words highlighted, speakers as badges."""

from __future__ import annotations

from rich.text import Text

from claimbot.attribution import quote_masks
from claimbot.model import Claim, Form, Related, SpeakerKind

BADGE_STYLES = {
    SpeakerKind.PERSON: "bold black on #7fb3ff",
    SpeakerKind.SOURCE: "bold black on #ffcf70",
    SpeakerKind.NARRATOR: "bold black on #b0b0b0",
}


def sentence(claim: Claim) -> Text:
    """The sentence verbatim; the words inside quotation marks stand out."""
    text = Text(claim.text)
    if claim.form is Form.DIRECT:
        text.stylize("bold")
        return text
    if claim.form is Form.PARTIAL:
        mask, _ = quote_masks(claim.text)
        start = None
        for i, inside in enumerate([*mask, False]):
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                text.stylize("bold italic", start, i)
                start = None
    return text


def badge(claim: Claim) -> Text:
    name = claim.speaker or "narrator"
    label = Text()
    label.append(f" {name} ", style=BADGE_STYLES[claim.speaker_kind])
    extra = " · ".join(x for x in (claim.role, f"via {claim.via}" if claim.via else None) if x)
    said = f"{claim.speaker_kind}, {claim.form}" if claim.speaker else "the article's own words"
    label.append(f" {said}", style="dim")
    if extra:
        label.append(f" · {extra}", style="italic")
    return label


def where(claim: Claim) -> Text:
    title = claim.article_title if len(claim.article_title) <= 48 else claim.article_title[:47] + "…"
    parts = [title, claim.article_date or "", f"sentence {claim.index + 1}"]
    return Text(" · ".join(p for p in parts if p), style="dim")


def score_bar(similarity: float, width: int = 10) -> Text:
    """Similarity as a small bar: 0.75 and below is empty, 0.95 and above is full."""
    filled = max(0, min(width, round((similarity - 0.75) / 0.20 * width)))
    return Text("▮" * filled + "▯" * (width - filled) + f" {similarity:.2f}", style="green")


def elsewhere(related: Related) -> Text:
    """The same claim in another article: where, who, and the sentence verbatim."""
    claim = related.claim
    line = Text(f"{claim.article_date or 'undated'} · {claim.article_outlet or claim.article_title[:30]} · ")
    line.append(related.speaker or "narrator", style=BADGE_STYLES[claim.speaker_kind])
    line.append(f" {related.score:.2f}: ", style="dim")
    line.append(claim.text)
    return line


def timeline_heading(claim: Claim) -> Text:
    """A date line in a speaker's timeline: when, which outlet, which article."""
    date = claim.article_date or "date unknown"
    outlet = f" · {claim.article_outlet}" if claim.article_outlet else ""
    return Text(f"{date}{outlet} · {claim.article_title}", style="bold")

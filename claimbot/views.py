"""Terminal rendering of claims and scores for the CLI (rich tables; article text is never markup)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import reduce
from typing import TYPE_CHECKING

from claimbot.evaluation import GoldScore
from claimbot.model import ParsedArticle, SegmentKind

if TYPE_CHECKING:
    from rich.console import Console

    from claimbot.evaluation import Mismatch


def console(width: int | None = None) -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, width=width)


def print_parsed(parsed: ParsedArticle, show_all: bool = False) -> None:
    from rich.table import Table
    from rich.text import Text

    art = parsed.article
    out = console()
    meta = " · ".join(x for x in (art.outlet, art.date, art.language, art.id) if x)
    out.print(Text(art.title, style="bold"), Text(f"  ({meta})", style="dim"))
    table = Table(show_lines=False, expand=True, pad_edge=False)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("speaker", ratio=2)
    table.add_column("kind", no_wrap=True)
    table.add_column("form", no_wrap=True)
    table.add_column("text", ratio=5)
    claims = iter(parsed.claims)
    for seg in parsed.segments:
        if seg.is_claim:
            claim = next(claims)
            speaker = claim.speaker or "narrator"
            if claim.role:
                speaker += f" ({claim.role})"
            if claim.via:
                speaker += f", via {claim.via}"
            table.add_row(
                str(claim.index), Text(speaker), str(claim.speaker_kind), str(claim.form), Text(claim.text)
            )
        elif show_all:
            style = "italic dim" if seg.kind is SegmentKind.BOILERPLATE else "bold dim"
            table.add_row("", "", Text(str(seg.kind), style=style), "", Text(seg.text, style=style))
    out.print(table)


def print_attribution_scores(scores: Sequence[GoldScore], misses: Sequence[Mismatch]) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console(width=120)
    table = Table(title="Attribution against gold")
    for name in (
        "article",
        "sentences",
        "segmented",
        "speaker acc",
        "kind acc",
        "form acc",
        "P(speaker)",
        "R(speaker)",
    ):
        table.add_column(name, justify="left" if name == "article" else "right")
    total = reduce(lambda a, b: a + b, scores, GoldScore.zero())
    for score in [*scores, total]:
        n = score.sentences or 1
        table.add_row(
            score.name,
            str(score.sentences),
            f"{score.segmented / n:.3f}",
            f"{score.speaker_accuracy:.3f}",
            f"{score.kind_ok / n:.3f}",
            f"{score.form_ok / n:.3f}",
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            style="bold" if score is total else None,
        )
    out.print(table)
    for miss in misses:
        out.print(
            Text(
                f"{miss.article} [{miss.field}] expected {miss.expected!r}, "
                f"got {miss.got!r}: {miss.text[:90]}"
            )
        )

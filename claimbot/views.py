"""Terminal rendering of claims and scores for the CLI (rich tables; article text is never markup)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import reduce
from typing import TYPE_CHECKING

from rich.text import Text

from claimbot.evaluation import GoldScore
from claimbot.model import Answer, Claim, ParsedArticle, SegmentKind, Speaker

if TYPE_CHECKING:
    from rich.console import Console

    from claimbot.engine import IndexReport, Progress
    from claimbot.evaluation import Mismatch, RetrievalScore
    from claimbot.store import ArticleRecord


def console(width: int | None = None, stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, width=width, stderr=stderr)


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
            speaker = speaker_label(claim)
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


# ---------------------------------------------------------------- index, ask and listings


@contextmanager
def index_progress(enabled: bool) -> Iterator[Progress | None]:
    """A progress bar on stderr while indexing; nothing when output is not a terminal."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn
    from rich.progress import Progress as Bar

    with Bar(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("loading model…", total=None)

        def update(what: str, done: int, total: int) -> None:
            bar.update(task, description=what, completed=done, total=total)

        yield update


def print_index_report(report: IndexReport) -> None:
    out = console()
    out.print(
        f"{len(report.added)} added, {len(report.updated)} updated, {len(report.unchanged)} unchanged, "
        f"{len(report.failed)} failed; {report.claims} claims embedded in {report.seconds:.1f} s"
    )
    for failure in report.failed:  # one plain line each, never wrapped
        print(f"claimbot: error: {' '.join(failure.message.split())}", file=sys.stderr)


def speaker_label(claim: Claim) -> str:
    if claim.speaker is None:
        return "narrator"
    label = claim.speaker
    if claim.role:
        label += f" ({claim.role})"
    if claim.via:
        label += f", via {claim.via}"
    return label


def print_answer(answer: Answer) -> None:
    out = console()
    out.print(Text(answer.question, style="bold"))
    if answer.abstained:
        out.print(Text(f"No answer in the index: {answer.note or 'nothing close enough'}.", style="yellow"))
        if answer.hits:
            out.print(Text("Closest sentences, for reference only:", style="dim"))
    for rank, hit in enumerate(answer.hits, 1):
        claim = hit.claim
        where = " · ".join(
            x for x in (claim.article_title, claim.article_date, f"sentence {claim.index}") if x
        )
        head = Text.assemble(
            (f"{rank}. ", "bold"),
            (speaker_label(claim), "bold cyan"),
            f"  [{claim.form}]",
            (f"  score {hit.score:.2f}, similarity {hit.similarity:.2f}", "dim"),
        )
        out.print(head)
        out.print(Text(f"   “{claim.text}”"))
        out.print(Text(f"   {where}  ({claim.article_id})", style="dim"))
        if hit.before:
            out.print(Text(f"   before: {hit.before}", style="dim italic"))
        if hit.after:
            out.print(Text(f"   after: {hit.after}", style="dim italic"))


def print_claims(claims: Sequence[Claim]) -> None:
    from rich.table import Table

    table = Table(expand=True)
    for name in ("date", "article", "#", "speaker", "form", "text"):
        table.add_column(name, ratio=5 if name == "text" else None, no_wrap=name in ("date", "#", "form"))
    for c in claims:
        table.add_row(
            Text(c.article_date or ""),
            Text(c.article_title[:30]),
            str(c.index + 1),
            Text(speaker_label(c)),
            str(c.form),
            Text(c.text),
        )
    console().print(table)


def print_speakers(speakers: Sequence[Speaker]) -> None:
    from rich.table import Table

    table = Table(expand=True)
    for name in ("speaker", "kind", "claims", "articles", "aliases", "roles", "first", "last"):
        table.add_column(name, justify="right" if name in ("claims", "articles") else "left")
    for s in speakers:
        table.add_row(
            Text(s.name),
            str(s.kind),
            str(s.claims),
            str(len(s.articles)),
            Text(", ".join(s.aliases)),
            Text(", ".join(s.roles)),
            Text(s.first_date or ""),
            Text(s.last_date or ""),
        )
    console().print(table)


def print_articles(records: Sequence[ArticleRecord]) -> None:
    from rich.table import Table

    table = Table(expand=True)
    for name in ("id", "date", "outlet", "lang", "claims", "title"):
        table.add_column(name, no_wrap=name != "title")
    for r in records:
        table.add_row(
            r.id, Text(r.date or ""), Text(r.outlet or ""), r.language, str(r.claims), Text(r.title)
        )
    console().print(table)
    if not records:
        console(stderr=True).print("the index is empty")


def print_retrieval_scores(results: Sequence[RetrievalScore], verbose: bool) -> None:
    from rich.table import Table

    table = Table(title="Retrieval on the question set")
    for name in ("mode", "questions", "Recall@1", "Recall@3", "MRR", "abstain P", "abstain R"):
        table.add_column(name, justify="left" if name == "mode" else "right")
    for r in results:
        table.add_row(
            r.mode,
            str(r.answerable),
            f"{r.recall_at_1:.3f}",
            f"{r.recall_at_3:.3f}",
            f"{r.mrr:.3f}",
            f"{r.abstain_precision:.3f}",
            f"{r.abstain_recall:.3f}",
        )
    out = console(width=120)
    out.print(table)
    for r in results:
        for group, (n, recall3) in sorted(r.by_type.items()):
            out.print(f"  {r.mode:8} {group:14} n={n:3}  Recall@3 {recall3:.3f}")
    if verbose:
        for miss in results[-1].misses:
            out.print(Text(miss))

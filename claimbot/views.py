"""Terminal rendering of claims and scores for the CLI (rich tables; article text is never markup)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import reduce
from typing import TYPE_CHECKING

from rich.text import Text

from claimbot.evaluation import GoldScore
from claimbot.model import Answer, Check, Claim, ParsedArticle, Related, SegmentKind, Speaker

if TYPE_CHECKING:
    from rich.console import Console

    from claimbot.engine import IndexReport, Progress
    from claimbot.evaluation import Mismatch, RetrievalScore, TrackingScore
    from claimbot.store import ArticleRecord


PIPED_WIDTH = 160


def console(width: int | None = None, stderr: bool = False) -> Console:
    from rich.console import Console

    # Piped to a file or a pager, tables get room to breathe instead of rich's 80 columns.
    stream = sys.stderr if stderr else sys.stdout
    piped = width or (None if stream.isatty() or "COLUMNS" in os.environ else PIPED_WIDTH)
    return Console(highlight=False, soft_wrap=False, width=piped, stderr=stderr)


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
    from claimbot.sources import escape_controls

    for failure in report.failed:  # one plain line each, never wrapped, naming its source
        message = failure.message
        if failure.source not in message:
            message = f"{failure.source}: {message}"
        print(f"claimbot: error: {escape_controls(' '.join(message.split()))}", file=sys.stderr)


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
        out.print(Text(f"   {where}  (claim {claim.id[:8]}, article {claim.article_id})", style="dim"))
        if hit.before:
            out.print(Text(f"   before: {hit.before}", style="dim italic"))
        if hit.after:
            out.print(Text(f"   after: {hit.after}", style="dim italic"))


def print_claims(claims: Sequence[Claim]) -> None:
    from rich.table import Table

    table = Table(expand=True)
    # The sentence gets most of the width; a long role wraps inside the speaker column.
    ratios = {"article": 2, "speaker": 2, "text": 6}
    for name in ("id", "date", "article", "#", "speaker", "form", "text"):
        table.add_column(name, ratio=ratios.get(name), no_wrap=name in ("id", "date", "#", "form"))
    for c in claims:
        table.add_row(
            c.id[:8],
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


def _related_line(related: Related) -> Text:
    claim = related.claim
    verdict = ("same claim", "bold green") if related.same else ("related", "yellow")
    head = Text.assemble(
        (f"{verdict[0]:<10}", verdict[1]),
        (f" {related.score:.2f}  ", "dim"),
        (related.speaker or "narrator", "bold cyan"),
        (f"  {claim.article_date or 'undated'} · {claim.article_outlet or claim.article_title[:40]}", "dim"),
    )
    if related.conflicts:
        head.append(f"  ({', '.join(related.conflicts)})", style="dim italic")
    return head


def print_similar(claim: Claim, related: Sequence[Related]) -> None:
    """A claim, then the closest claims in other articles: the same ones first."""
    out = console()
    out.print(Text.assemble((speaker_label(claim), "bold cyan"), f"  {claim.article_date or 'undated'}"))
    out.print(Text(f"“{claim.text}”", style="bold"))
    if not any(r.same for r in related):
        out.print(Text("No other article has this claim; the closest are below.", style="yellow"))
    for r in related:
        out.print(_related_line(r))
        out.print(Text(f"   “{r.claim.text}”"))
        out.print(Text(f"   {r.claim.article_title} · claim {r.claim.id[:8]}", style="dim"))


def print_check(result: Check) -> None:
    """Who says something like the statement: by speaker, then article, oldest first."""
    out = console()
    out.print(Text(result.statement, style="bold"))
    if not result.matches:
        out.print(Text(result.note, style="yellow"))
        return
    groups: dict[str, list[Related]] = {}
    for match in result.matches:
        groups.setdefault(match.speaker or "narrator (the journalist)", []).append(match)
    for speaker, matches in groups.items():
        articles = len({m.claim.article_id for m in matches})
        out.print(
            Text.assemble(
                (speaker, "bold cyan"), (f"  {len(matches)} claim(s) in {articles} article(s)", "dim")
            )
        )
        for m in matches:
            claim = m.claim
            where = (
                f"{claim.article_date or 'undated'} · {claim.article_outlet or ''} · {claim.article_title}"
            )
            out.print(Text(f"   {where}", style="dim"))
            out.print(Text(f"     “{claim.text}”  ({m.score:.2f}, claim {claim.id[:8]})"))


def print_tracking_scores(score: TrackingScore, verbose: bool) -> None:
    from rich.table import Table

    table = Table(title="tracking across articles")
    for name in ("task", "pairs", "precision", "recall"):
        table.add_column(name, justify="left" if name == "task" else "right")
    s, c = score.speakers, score.claims
    table.add_row(
        f"speaker merge ({score.mentions_found}/{score.mentions} mentions attributed)",
        str(s.pairs),
        f"{s.precision:.3f}",
        f"{s.recall:.3f}",
    )
    a = score.attributed
    table.add_row(
        "  over attributed mentions only",
        str(a.pairs),
        f"{a.precision:.3f}",
        f"{a.recall:.3f}",
    )
    table.add_row(
        f"same claim at {score.threshold:.2f}", str(c.pairs),
        f"{c.precision:.3f}", f"{c.recall:.3f}",
    )  # fmt: skip
    for threshold, sweep in score.sweep:
        if threshold != score.threshold:
            table.add_row(f"  at {threshold:.2f}", "", f"{sweep.precision:.3f}", f"{sweep.recall:.3f}")
    out = console()
    out.print(table)
    for miss in score.misses if verbose else ():
        out.print(Text(miss, style="dim"))

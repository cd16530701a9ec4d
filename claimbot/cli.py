"""The `claimbot` command line: argument parsing and printing only; the work is done elsewhere.

Heavy modules are imported inside the command functions so that `claimbot --help` is instant.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimbot.config import Settings
    from claimbot.engine import Engine
    from claimbot.model import ParsedArticle

EXIT_USAGE = 2


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        print("claimbot: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - user-facing boundary: one line, never a traceback
        from claimbot.embed import EmbedderError
        from claimbot.sources import SourceError
        from claimbot.store import StoreError

        known = (UserError, SourceError, StoreError, EmbedderError)
        message = str(exc) if isinstance(exc, known) else f"{type(exc).__name__}: {exc}"
        print(f"claimbot: error: {one_line(message)}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, known) else 1


def one_line(text: str) -> str:
    """One line for stderr; control characters (say, in a file name) are shown escaped, never raw."""
    from claimbot.sources import escape_controls

    return escape_controls(" ".join(text.split()))[:500]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimbot",
        description="Who said what: speaker-attributed claims from news articles.",
    )
    parser.set_defaults(handler=cmd_tui, index_dir=None, chroma_url=None, model=None)
    sub = parser.add_subparsers(title="commands (none: open the terminal app)", metavar="COMMAND")

    p = sub.add_parser("parse", help="print each sentence of the given articles with its speaker")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt, .md, .html) or folders")
    p.add_argument("--json", action="store_true", help="print a JSON array of claim objects")
    p.add_argument("--all", action="store_true", help="also list headings and dropped boilerplate")
    p.set_defaults(handler=cmd_parse)

    index_opts = argparse.ArgumentParser(add_help=False)
    group = index_opts.add_argument_group("index")
    group.add_argument("--index-dir", metavar="DIR", help="local index folder (env CLAIMBOT_INDEX_DIR)")
    group.add_argument("--chroma-url", metavar="URL", help="use a Chroma server (env CLAIMBOT_CHROMA_URL)")
    group.add_argument(
        "--model", metavar="NAME_OR_PATH", help="sentence-transformers model (env CLAIMBOT_MODEL)"
    )

    p = sub.add_parser("tui", parents=[index_opts], help="open the terminal app (the default)")
    p.set_defaults(handler=cmd_tui)

    p = sub.add_parser("index", parents=[index_opts], help="add or re-index articles (files or folders)")
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="article files or folders")
    p.add_argument("--rebuild", action="store_true", help="delete the index first and build it anew")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.set_defaults(handler=cmd_index)

    p = sub.add_parser("ask", parents=[index_opts], help="the source sentences that answer a question")
    p.add_argument("question", help="a question in any language")
    p.add_argument("-k", type=int, default=5, help="how many sentences (default 5)")
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's claims")
    p.add_argument("--article", metavar="ID", help="only this article (id, id prefix or title words)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_ask)

    p = sub.add_parser("claims", parents=[index_opts], help="list indexed claims")
    p.add_argument("--speaker", metavar="NAME", help="only this speaker (matched loosely)")
    p.add_argument("--article", metavar="ID", help="only this article")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_claims)

    p = sub.add_parser("speakers", parents=[index_opts], help="list speakers with claim counts")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_speakers)

    p = sub.add_parser("articles", parents=[index_opts], help="list indexed articles")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_articles)

    p = sub.add_parser(
        "similar", parents=[index_opts], help="the same claim in other articles (any language)"
    )
    p.add_argument("claim", metavar="CLAIM_ID", help="a claim id or its first 6+ characters (see `claims`)")
    p.add_argument("-k", type=int, default=5, help="how many claims (default 5)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_similar)

    p = sub.add_parser("check", parents=[index_opts], help="who in the index says something like this")
    p.add_argument("statement", help="a statement in any language")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("remove", parents=[index_opts], help="remove an article from the index")
    p.add_argument("article", metavar="ARTICLE_ID")
    p.set_defaults(handler=cmd_remove)

    p = sub.add_parser(
        "eval-retrieval", parents=[index_opts], help="Recall@k, MRR and abstention on a question set"
    )
    p.add_argument("questions", nargs="?", default="tests/data/questions.json", help="question set (JSON)")
    p.add_argument("--corpus", nargs="+", default=["seeds", "tests/data/articles"], help="articles to index")
    p.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    p.set_defaults(handler=cmd_eval_retrieval)

    p = sub.add_parser(
        "eval-tracking", parents=[index_opts], help="speaker merging and claim matching on labelled articles"
    )
    p.add_argument("labels", nargs="?", default="tests/data/tracking/labels.json", help="labels (JSON)")
    p.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    p.set_defaults(handler=cmd_eval_tracking)

    p = sub.add_parser("eval-attribution", help="score attribution against gold files")
    p.add_argument("gold", nargs="+", metavar="GOLD", help="gold JSON files (see tests/data/gold/README.md)")
    p.add_argument("--verbose", "-v", action="store_true", help="list every mismatch")
    p.set_defaults(handler=cmd_eval_attribution)
    return parser


def _parse_paths(paths: Sequence[str]) -> list[ParsedArticle]:
    from claimbot.parse import parse_article
    from claimbot.sources import iter_source_files, read_article

    files = list(iter_source_files(paths))
    if not files:
        raise UserError(f"no supported article files in {', '.join(paths)}")
    parsed = []
    for path in files:
        result = parse_article(read_article(path))
        if not result.claims:
            raise UserError(f"{path}: no sentences found")
        parsed.append(result)
    return parsed


def cmd_parse(args: argparse.Namespace) -> int:
    parsed = _parse_paths(args.paths)
    if args.json:
        rows: list[dict[str, Any]] = []
        for item in parsed:
            rows.extend(c.to_dict() for c in item.claims)
            if args.all:
                rows.extend(
                    {
                        "article_id": item.article.id,
                        "kind": str(s.kind),
                        "text": s.text,
                        "start": s.start,
                        "end": s.end,
                    }
                    for s in item.segments
                    if not s.is_claim
                )
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    from claimbot.views import print_parsed

    for item in parsed:
        print_parsed(item, show_all=args.all)
    return 0


def cmd_eval_attribution(args: argparse.Namespace) -> int:
    from claimbot.evaluation import score_gold
    from claimbot.views import print_attribution_scores

    scores = []
    misses = []
    for raw in args.gold:
        path = Path(raw)
        if not path.is_file():
            raise UserError(f"{path}: no such gold file")
        score, miss = score_gold(path)
        scores.append(score)
        misses.extend(miss)
    print_attribution_scores(scores, misses if args.verbose else [])
    return 0


def _settings(args: argparse.Namespace) -> Settings:
    from claimbot.config import Settings

    return Settings.load(index_dir=args.index_dir, chroma_url=args.chroma_url, model=args.model)


def _engine(args: argparse.Namespace, *, fast_queries: bool = True, rebuild: bool = False) -> Engine:
    from claimbot.factory import open_engine

    return open_engine(_settings(args), fast_queries=fast_queries, rebuild=rebuild)


def _dump(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    print()


def cmd_tui(args: argparse.Namespace) -> int:
    from claimbot.factory import open_engine
    from claimbot.tui.app import ClaimbotApp

    settings = _settings(args)
    ClaimbotApp(lambda: open_engine(settings), seeds=settings.seeds_dir).run()
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from claimbot.views import index_progress, print_index_report

    engine = _engine(args, fast_queries=False, rebuild=args.rebuild)
    with index_progress(enabled=not args.json and sys.stderr.isatty()) as progress:
        report = engine.index(args.sources, rebuild=args.rebuild, progress=progress)
    if args.json:
        _dump(report.to_dict())
    else:
        print_index_report(report)
    return EXIT_USAGE if report.failed else 0


def _text_argument(raw: str, what: str) -> str:
    """A question or statement from the command line, checked before any model loads. It is
    printed back: no escape sequences, and bytes that are not UTF-8 become U+FFFD, not raw bytes."""
    from claimbot.engine import MAX_QUESTION_CHARS
    from claimbot.sources import clean_line

    text = clean_line(os.fsencode(raw).decode("utf-8", "replace"))
    if not text:
        raise UserError(f"the {what} is empty")
    if len(text) > MAX_QUESTION_CHARS:
        raise UserError(f"the {what} is {len(text)} characters; the limit is {MAX_QUESTION_CHARS}")
    return text


def cmd_ask(args: argparse.Namespace) -> int:
    from claimbot.factory import open_engine

    question = _text_argument(args.question, "question")
    if args.k < 1:
        raise UserError("-k must be at least 1")
    settings = _settings(args)
    engine = open_engine(settings)
    if engine.is_empty() and settings.seeds_dir.is_dir():
        print(f"claimbot: the index is empty; indexing {settings.seeds_dir} first…", file=sys.stderr)
        report = engine.seed_if_empty(settings.seeds_dir)
        if report is not None:
            print(f"claimbot: indexed {len(report.added)} articles, {report.claims} claims", file=sys.stderr)
    answer = engine.ask(question, args.k, speaker=args.speaker, article=args.article)
    if args.json:
        _dump(answer.to_dict())
        return 0
    from claimbot.views import print_answer

    print_answer(answer)
    return 0


def cmd_claims(args: argparse.Namespace) -> int:
    claims = _engine(args).claims(speaker=args.speaker, article=args.article)
    if args.json:
        _dump([c.to_dict() for c in claims])
        return 0
    if not claims:
        print("no claims match", file=sys.stderr)
        return 0
    from claimbot.views import print_claims

    print_claims(claims)
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    speakers = _engine(args).speakers()
    if args.json:
        _dump([s.to_dict() for s in speakers])
        return 0
    from claimbot.views import print_speakers

    print_speakers(speakers)
    return 0


def cmd_articles(args: argparse.Namespace) -> int:
    records = _engine(args).articles()
    if args.json:
        _dump([r.__dict__ for r in records])
        return 0
    from claimbot.views import print_articles

    print_articles(records)
    return 0


def cmd_similar(args: argparse.Namespace) -> int:
    if args.k < 1:
        raise UserError("-k must be at least 1")
    claim, related = _engine(args).similar(args.claim, args.k)
    if args.json:
        _dump({"claim": claim.to_dict(), "related": [r.to_dict() for r in related]})
        return 0
    from claimbot.views import print_similar

    print_similar(claim, related)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    result = _engine(args).check(_text_argument(args.statement, "statement"))
    if args.json:
        _dump(result.to_dict())
        return 0
    from claimbot.views import print_check

    print_check(result)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    record = _engine(args).remove(args.article)
    print(f"removed {record.id}: {record.title} ({record.claims} claims)")
    return 0


def cmd_eval_retrieval(args: argparse.Namespace) -> int:
    from claimbot.evaluation import evaluate_retrieval
    from claimbot.views import print_retrieval_scores

    path = Path(args.questions)
    if not path.is_file():
        raise UserError(f"{path}: no such question file")
    results = evaluate_retrieval(_settings(args), path, args.corpus)
    print_retrieval_scores(results, verbose=args.verbose)
    return 0


def cmd_eval_tracking(args: argparse.Namespace) -> int:
    import tempfile
    from dataclasses import replace

    from claimbot.evaluation import evaluate_tracking
    from claimbot.factory import open_engine
    from claimbot.views import print_tracking_scores

    path = Path(args.labels)
    if not path.is_file():
        raise UserError(f"{path}: no such labels file")
    with tempfile.TemporaryDirectory(prefix="claimbot-eval-") as tmp:
        engine = open_engine(replace(_settings(args), index_dir=Path(tmp), chroma_url=None))
        print_tracking_scores(evaluate_tracking(engine, path), verbose=args.verbose)
    return 0


def entry() -> None:
    sys.exit(main())

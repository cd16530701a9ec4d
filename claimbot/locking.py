"""Several processes on one local index folder: a reader/writer lock and a change counter.

Chroma's local client keeps each collection's vector index in memory and writes it back to the
folder. A process that writes after another process wrote persists its stale copy, and the other
process's vectors silently drop out of search (measured with chromadb 1.5: 3,000 of 9,000 vectors
lost). So every write holds an exclusive `flock` on `claimbot.lock` and, if it changed anything,
bumps the counter stored in that file; every read holds a shared lock; a process that sees the
counter move reopens its Chroma client before it reads or writes. The lock is advisory and per
folder; a Chroma server (`--chroma-url`) needs none of this.
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = "claimbot.lock"
_WIDTH = 20  # the counter is a fixed-width decimal, rewritten in place


class IndexLock:
    """Shared/exclusive lock and change counter for one index folder. Re-entrant per process."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        self._thread = threading.RLock()  # threads of one process take turns; flock is per process
        self._depth = 0
        self._exclusive = False
        self._dirty = False
        self._known = self._own = self.generation()

    def generation(self) -> int:
        """How many writes the folder has seen (from any process)."""
        raw = os.pread(self._fd, _WIDTH, 0).strip()
        return int(raw) if raw.isdigit() else 0

    def moved(self) -> bool:
        """Whether the folder changed since this process last caught up (`seen`) or wrote."""
        return self.generation() != self._known

    def seen(self) -> None:
        """This process has caught up with the folder (call under the lock, after reopening)."""
        self._known = self.generation()

    def written_here(self) -> bool:
        """Whether the last change to the folder was this process's own."""
        return self.generation() == self._own

    def touch(self) -> None:
        """Mark the current write as a change: the counter moves when it ends."""
        self._dirty = True

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._held(exclusive=False):
            yield

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the folder alone; if the write `touch`ed, the counter moves before others may read."""
        with self._held(exclusive=True):
            yield

    @contextmanager
    def _held(self, *, exclusive: bool) -> Iterator[None]:
        with self._thread:
            outer = self._depth == 0
            if not outer and exclusive and not self._exclusive:
                # flock would drop the shared lock before taking the exclusive one: not atomic.
                raise RuntimeError("a write cannot start inside a read of the index")
            if outer:
                fcntl.flock(self._fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
                self._exclusive = exclusive
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if outer:
                    try:
                        if self._exclusive and self._dirty:
                            self._bump()
                    finally:
                        self._dirty = self._exclusive = False
                        fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _bump(self) -> None:
        caught_up = self._known == self.generation()
        self._own = self.generation() + 1
        os.pwrite(self._fd, f"{self._own:0{_WIDTH}d}".encode(), 0)
        if caught_up:
            self._known = self._own

    def close(self) -> None:
        os.close(self._fd)

"""Two processes on one local index folder: nothing written by one is lost or hidden from the other.

Chroma's local client keeps its vector index in memory; without claimbot's lock and reopen, a
process that writes after another one persists a stale copy and the other's vectors drop out of
search. These tests write from real separate processes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from claimbot.model import Article, Claim
from claimbot.store import ClaimStore, StoreError
from tests.conftest import ROOT, make_claim

DIM = 16
PER_ARTICLE = 1200  # above Chroma's default sync threshold (1,000), so the vector index is persisted


def article(name: str) -> tuple[Article, list[Claim], list[list[float]]]:
    """A synthetic article of PER_ARTICLE claims with seeded random vectors (the model is not under test)."""
    art = Article(id=name, source=name, title=f"Title {name}", text="x", language="en")
    claims = [
        make_claim(name, i, f"{name} sentence {i}", id=f"{name}-{i}", article_title=art.title, language="en")
        for i in range(PER_ARTICLE)
    ]
    rng = np.random.default_rng(sum(map(ord, name)))
    return art, claims, rng.normal(size=(PER_ARTICLE, DIM)).tolist()


def write_elsewhere(folder: Path, name: str) -> None:
    """Write one article from another Python process."""
    code = (
        "import sys; from pathlib import Path; from claimbot.store import ClaimStore; "
        "from tests.test_processes import article; "
        "store = ClaimStore(path=Path(sys.argv[1])); store.open('fake', 16, create=True); "
        "store.put_article(*article(sys.argv[2]))"
    )
    subprocess.run([sys.executable, "-c", code, str(folder), name], cwd=ROOT, check=True, timeout=120)


def found(store: ClaimStore, name: str) -> int:
    """How many of 12 sampled claims are among their own 50 nearest: 12 when all are searchable."""
    _, claims, vectors = article(name)
    hits = 0
    for claim, vector in list(zip(claims, vectors, strict=True))[::100]:
        hits += claim.id in {rid for rid, _ in store.nearest(vector, 50)}
    return hits


def test_each_process_sees_and_keeps_the_others_writes(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    mine = ClaimStore(path=folder)
    mine.open("fake", DIM, create=True)
    mine.put_article(*article("first"))
    assert found(mine, "first") == 12

    write_elsewhere(folder, "second")
    assert found(mine, "second") == 12, "a long-running reader must see another process's new vectors"
    assert {r.id for r in mine.articles()} == {"first", "second"}

    mine.put_article(*article("third"))  # this write must not persist a copy without "second"
    write_elsewhere(folder, "fourth")
    code = (
        "import sys; from pathlib import Path; from claimbot.store import ClaimStore; "
        "from tests.test_processes import article, found; "
        "store = ClaimStore(path=Path(sys.argv[1])); store.open('fake', 16, create=False); "
        "print(store.count(), *(found(store, n) for n in ('first', 'second', 'third', 'fourth')))"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", code, str(folder)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert fresh.stdout.split() == [str(4 * PER_ARTICLE), "12", "12", "12", "12"]


def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    ClaimStore(path=folder).open("fake", DIM, create=True)
    code = (
        "import sys; from pathlib import Path; from claimbot.store import ClaimStore; "
        "from tests.test_processes import article; "
        "store = ClaimStore(path=Path(sys.argv[1])); store.open('fake', 16, create=True); "
        "[store.put_article(*article(f'{sys.argv[2]}{i}')) for i in range(3)]"
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", code, str(folder), prefix], cwd=ROOT) for prefix in "ab"
    ]
    assert [w.wait(timeout=300) for w in writers] == [0, 0]
    reader = ClaimStore(path=folder)
    reader.open("fake", DIM, create=False)
    assert reader.count() == 6 * PER_ARTICLE
    assert [found(reader, f"{p}{i}") for p in "ab" for i in range(3)] == [12] * 6


def run_elsewhere(folder: Path, code: str) -> None:
    prelude = "import sys; from pathlib import Path; from claimbot.store import ClaimStore; "
    prelude += "from tests.test_processes import article; store = ClaimStore(path=Path(sys.argv[1])); "
    subprocess.run([sys.executable, "-c", prelude + code, str(folder)], cwd=ROOT, check=True, timeout=120)


def test_two_stores_on_one_folder_in_one_process_share_the_reopening(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    first, second = ClaimStore(path=folder), ClaimStore(path=folder)
    first.open("fake", DIM, create=True)
    second.open("fake", DIM, create=False)
    first.put_article(*article("first"))
    run_elsewhere(folder, "store.open('fake', 16, create=True); store.put_article(*article('second'))")
    assert found(second, "second") == 12  # second reopens the folder that first also uses ...
    first.put_article(*article("third"))  # ... and first still writes through it
    assert {r.id for r in second.articles()} == {"first", "second", "third"}


def test_only_real_changes_move_the_counter(tmp_path: Path) -> None:
    store = ClaimStore(path=tmp_path / "index")
    store.open("fake", DIM, create=True)
    store.put_article(*article("first"))
    before = store.version()
    assert store.repair() == 0 and not store.remove_article("nothing")
    store.open("fake", DIM, create=True)  # the collections exist already
    assert store.version() == before and store.written_here()


def test_an_index_rebuilt_elsewhere_with_another_model_is_a_clear_error_every_time(tmp_path: Path) -> None:
    folder = tmp_path / "index"
    store = ClaimStore(path=folder)
    store.open("fake", DIM, create=True)
    store.put_article(*article("first"))
    run_elsewhere(folder, "store.drop(); store.open('other', 16, create=True)")
    for _ in range(2):  # not an AttributeError from a stopped client the second time
        with pytest.raises(StoreError, match="built with model 'other'"):
            store.articles()
    assert not store.written_here()

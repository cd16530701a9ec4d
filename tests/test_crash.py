"""An index run killed with SIGKILL at each write step leaves every article whole (old or new version,
never half, never duplicated), and the next run repairs what was left behind."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, SEED

# Runs the real CLI `index`, but SIGKILLs itself right after the N-th write to Chroma.
KILLER = """
import os, signal, sys
from claimbot import store
calls = {"n": 0}
limit = int(os.environ["KILL_AFTER_WRITE"])
original_open = store.ClaimStore.open
def open_and_wrap(self, *args, **kwargs):
    original_open(self, *args, **kwargs)
    for collection in (self._claims, self._articles):
        if collection is None or getattr(collection, "_wrapped", False):
            continue
        for method in ("upsert", "delete"):
            real = getattr(collection, method)
            def wrapped(*a, _real=real, **k):
                result = _real(*a, **k)
                calls["n"] += 1
                if calls["n"] == limit:
                    os.kill(os.getpid(), signal.SIGKILL)
                return result
            setattr(collection, method, wrapped)
        collection._wrapped = True
store.ClaimStore.open = open_and_wrap
from claimbot.cli import main
sys.exit(main(sys.argv[1:]))
"""


def cli(*args: str, index: Path, kill_after: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    if kill_after is None:
        command = [sys.executable, "-m", "claimbot", *args]
    else:
        env["KILL_AFTER_WRITE"] = str(kill_after)
        command = [sys.executable, "-c", KILLER, *args]
    return subprocess.run(
        [*command, "--index-dir", str(index)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def state(index: Path) -> dict[str, list[str]]:
    claims = json.loads(cli("claims", "--json", index=index).stdout)
    out: dict[str, list[str]] = {}
    for claim in claims:
        out.setdefault(claim["article_title"], []).append(claim["text"])
    return out


@pytest.mark.slow
def test_killed_index_runs_leave_whole_articles(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    base = tmp_path / "base"
    assert cli("index", str(folder), index=base).returncode == 0
    old = state(base)
    # The new run changes the seed (17 sentences instead of 16) and adds a second article.
    (folder / "a.txt").write_text(
        SEED.read_text(encoding="utf-8") + "\nEn ny mening lades till i texten.\n", "utf-8"
    )
    shutil.copy(DATA / "articles" / "en_economy_battery.txt", folder / "b.txt")
    seed_title = next(iter(old))
    # Both articles are written in one batch: the new claims of both, their article records (the
    # commit point of each), then the deletion of a.txt's old claims. Kill after each write.
    for kill_after in (1, 2, 3):
        index = tmp_path / f"run{kill_after}"
        shutil.copytree(base, index)
        killed = cli("index", str(folder), index=index, kill_after=kill_after)
        assert killed.returncode == -9, killed.stderr[-500:]
        after_crash = state(index)
        seed = after_crash[seed_title]
        assert seed in (old[seed_title], old[seed_title] + ["En ny mening lades till i texten."]), kill_after
        assert len(seed) == len(set(seed))  # never duplicated
        for title, texts in after_crash.items():
            if title != seed_title:
                assert len(texts) == 24  # the new article is all there or not there at all
        repaired = cli("index", str(folder), index=index)
        assert repaired.returncode == 0, repaired.stderr
        final = state(index)
        assert len(final[seed_title]) == 17 and sum(len(v) for v in final.values()) == 17 + 24

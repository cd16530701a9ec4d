"""Building an engine from settings: the one place that picks the store and the embedders."""

from __future__ import annotations

from pathlib import Path

from claimbot.config import DEFAULT_MODEL, Settings
from claimbot.engine import Engine
from claimbot.fetch import FetchSettings
from claimbot.store import ClaimStore


def model_identity(model: str) -> str:
    """The name an index records for a model: the bundled default, an absolute folder or a hub name."""
    if model == DEFAULT_MODEL:
        from claimbot.embed import DEFAULT_MODEL_NAME

        return DEFAULT_MODEL_NAME
    path = Path(model).expanduser()
    return str(path.resolve()) if path.exists() else model


def open_store(settings: Settings) -> ClaimStore:
    if settings.chroma_url:
        return ClaimStore(url=settings.chroma_url)
    return ClaimStore(path=settings.index_dir)


def open_engine(settings: Settings, *, fast_queries: bool = True) -> Engine:
    """An engine over the configured index. Models load on first use, not here; a model that has
    no separate fast path is loaded once and serves both roles."""
    from claimbot import embed

    model = settings.model

    def passages() -> embed.Embedder:
        return embed.load_embedder(model, fast=False)

    def queries() -> embed.Embedder:
        return embed.load_embedder(model, fast=True)

    fast = fast_queries and model == DEFAULT_MODEL
    return Engine(
        open_store(settings),
        model_name=model_identity(model),
        passages=passages,
        queries=queries if fast else passages,
        max_bytes=settings.max_bytes,
        fetch=FetchSettings(max_bytes=settings.max_fetch_bytes),
    )

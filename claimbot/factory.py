"""Building an engine from settings: the one place that picks the store and the embedders."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from claimbot.config import DEFAULT_MODEL, Settings
from claimbot.engine import Engine
from claimbot.fetch import FetchSettings
from claimbot.store import ClaimStore, StoreError


def model_identity(model: str) -> str:
    """The name an index records for a model: the bundled default, an absolute folder or a hub name."""
    if model == DEFAULT_MODEL:
        from claimbot.embed import DEFAULT_MODEL_NAME

        return DEFAULT_MODEL_NAME
    path = Path(model).expanduser()
    return str(path.resolve()) if path.exists() else model


def open_store(settings: Settings, *, set_aside_broken: bool = False) -> ClaimStore:
    """The configured store. With `set_aside_broken` (for --rebuild), a local index that cannot be
    opened is renamed to `<dir>.broken-<time>` (kept, not deleted) and a new one is started."""
    if settings.chroma_url:
        return ClaimStore(url=settings.chroma_url)
    try:
        return ClaimStore(path=settings.index_dir)
    except StoreError:
        if not set_aside_broken or not (settings.index_dir / "chroma.sqlite3").exists():
            raise
    aside = settings.index_dir.with_name(f"{settings.index_dir.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    settings.index_dir.rename(aside)
    print(f"claimbot: the index could not be opened; it was moved to {aside}", file=sys.stderr)
    return ClaimStore(path=settings.index_dir)


def open_engine(settings: Settings, *, fast_queries: bool = True, rebuild: bool = False) -> Engine:
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
        open_store(settings, set_aside_broken=rebuild),
        model_name=model_identity(model),
        passages=passages,
        queries=queries if fast else passages,
        max_bytes=settings.max_bytes,
        fetch=FetchSettings(max_bytes=settings.max_fetch_bytes),
    )

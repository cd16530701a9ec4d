"""Settings: command-line flags over `CLAIMBOT_*` environment variables over defaults.

| field | flag | variable | default |
| --- | --- | --- | --- |
| index_dir | --index-dir | CLAIMBOT_INDEX_DIR | `./index` in the project folder (it has `seeds/`), |
| | | | else `$XDG_DATA_HOME/claimbot/index` |
| chroma_url | --chroma-url | CLAIMBOT_CHROMA_URL | none: a local folder index |
| model | --model | CLAIMBOT_MODEL | `e5-small`, the bundled multilingual-e5-small |
| seeds_dir | - | CLAIMBOT_SEEDS_DIR | `./seeds` |
| max_bytes | - | CLAIMBOT_MAX_BYTES | 10 MB, the largest article file read |
| max_fetch_bytes | - | CLAIMBOT_MAX_FETCH_BYTES | 5 MB, the largest page fetched from a URL |
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from claimbot.sources import DEFAULT_MAX_BYTES

DEFAULT_MODEL = "e5-small"  # the same alias as claimbot.embed.DEFAULT_MODEL


@dataclass(frozen=True)
class Settings:
    index_dir: Path
    chroma_url: str | None = None
    model: str = DEFAULT_MODEL
    seeds_dir: Path = Path("seeds")
    max_bytes: int = DEFAULT_MAX_BYTES
    max_fetch_bytes: int = 5 * 1024 * 1024

    @classmethod
    def load(
        cls,
        *,
        index_dir: str | None = None,
        chroma_url: str | None = None,
        model: str | None = None,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
    ) -> Settings:
        env = os.environ if env is None else env
        cwd = cwd or Path.cwd()
        chosen_dir = index_dir or env.get("CLAIMBOT_INDEX_DIR")
        return cls(
            index_dir=Path(chosen_dir) if chosen_dir else default_index_dir(cwd, env),
            chroma_url=chroma_url or env.get("CLAIMBOT_CHROMA_URL") or None,
            model=model or env.get("CLAIMBOT_MODEL") or DEFAULT_MODEL,
            seeds_dir=Path(env.get("CLAIMBOT_SEEDS_DIR") or cwd / "seeds"),
            max_bytes=int(env.get("CLAIMBOT_MAX_BYTES") or DEFAULT_MAX_BYTES),
            max_fetch_bytes=int(env.get("CLAIMBOT_MAX_FETCH_BYTES") or 5 * 1024 * 1024),
        )


def default_index_dir(cwd: Path, env: Mapping[str, str]) -> Path:
    """`./index` inside the project folder (it has `seeds/`); elsewhere the user's data folder."""
    if (cwd / "seeds").is_dir():
        return cwd / "index"
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "claimbot" / "index"

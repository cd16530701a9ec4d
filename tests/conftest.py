"""Shared test fixtures: paths to the seed and the test articles."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEED = ROOT / "seeds" / "000_56626a77b847323d.txt"
GOLD_FILES = sorted((DATA / "gold").glob("*.json"))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED

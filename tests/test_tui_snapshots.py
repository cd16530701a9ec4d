"""SVG snapshots of the main screens at 100x30 and 80x24 (update with --snapshot-update, then look)."""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, ListView

from claimbot.tui.app import ClaimbotApp
from claimbot.tui.screens import ClaimsScreen, SpeakerScreen
from tests.conftest import SEED
from tests.test_tui import ask, make_engine, wait_for_screen, wait_ready

SIZES = [(100, 30), (80, 24)]


@pytest.fixture
def app(tmp_path: Path, passage_embedder: Any, query_embedder: Any) -> ClaimbotApp:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / SEED.name)
    app = ClaimbotApp(lambda: make_engine(tmp_path / "index", passage_embedder, query_embedder), seeds=seeds)
    app.animation_level = "none"  # tab underlines and scrolling must not be caught mid-animation
    return app


async def steady(pilot: Pilot[Any]) -> None:
    """No blinking cursor in the picture, and everything laid out."""
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for widget in pilot.app.query(Input):
        widget.cursor_blink = False
    await pilot.app.workers.wait_for_complete()  # e.g. "seen elsewhere" after an answer
    await pilot.pause(0.3)


async def ready(pilot: Pilot[Any]) -> ClaimbotApp:
    """The app, once the index and the model are loaded."""
    app = pilot.app
    assert isinstance(app, ClaimbotApp)
    await wait_ready(app, pilot)
    return app


def with_answer(question: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        app = await ready(pilot)
        await ask(app, pilot, question)
        await steady(pilot)

    return run


async def speaker_view(pilot: Pilot[Any]) -> None:
    app = await ready(pilot)
    app.open_item("speaker", "Johan Fredriksson")
    await wait_for_screen(app, pilot, SpeakerScreen)
    await steady(pilot)


async def claims_browser(pilot: Pilot[Any]) -> None:
    app = await ready(pilot)
    await pilot.press("ctrl+b")
    await wait_for_screen(app, pilot, ClaimsScreen)
    await pilot.press(*"ryska")
    await steady(pilot)


async def add_dialog(pilot: Pilot[Any]) -> None:
    app = await ready(pilot)
    await pilot.press("ctrl+o")
    await pilot.pause(0.2)
    app.screen.query_one("#add-path", Input).value = "/no/such/article.txt"
    await pilot.press("enter")
    await steady(pilot)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen_with_answer(snap_compare: Any, app: ClaimbotApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=with_answer("Vad sa Lavrov?"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_speaker_view(snap_compare: Any, app: ClaimbotApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=speaker_view)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_claims_browser(snap_compare: Any, app: ClaimbotApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=claims_browser)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_add_dialog(snap_compare: Any, app: ClaimbotApp, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=add_dialog)


def test_side_panel_lists_the_seed(app: ClaimbotApp) -> None:
    """Guard for the snapshots: they show a ready app with the seed indexed."""

    async def check() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_ready(app, pilot)
            assert len(app.query_one("#articles", ListView).children) == 1

    import asyncio

    asyncio.run(check())

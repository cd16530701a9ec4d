"""The terminal app through Textual's Pilot, over a real engine (Chroma folder + real model)."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, ListView, Static

from claimbot.embed import DEFAULT_MODEL_NAME
from claimbot.engine import Engine
from claimbot.store import ClaimStore
from claimbot.tui.app import ClaimbotApp
from claimbot.tui.screens import AddArticleScreen, ClaimsScreen, SpeakerScreen
from claimbot.tui.widgets import AnswerView, EvidenceCard
from tests.conftest import DATA, ROOT, SEED


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def make_engine(path: Path, passages: Any, queries: Any) -> Engine:
    return Engine(
        ClaimStore(path=path),
        model_name=DEFAULT_MODEL_NAME,
        passages=lambda: passages,
        queries=lambda: queries,
    )


@pytest.fixture
def app(tmp_path: Path, seeds: Path, passage_embedder: Any, query_embedder: Any) -> ClaimbotApp:
    return ClaimbotApp(lambda: make_engine(tmp_path / "index", passage_embedder, query_embedder), seeds=seeds)


async def wait_ready(app: ClaimbotApp, pilot: Any) -> None:
    for _ in range(600):
        if app.ready:
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never became ready")


async def wait_for_screen(app: ClaimbotApp, pilot: Any, kind: type[Screen[Any]]) -> Any:
    """The screen of that kind, once the worker that builds it has pushed it."""
    for _ in range(100):
        if isinstance(app.screen, kind):
            break
        await pilot.pause(0.05)
    assert isinstance(app.screen, kind)
    return app.screen


async def ask(app: ClaimbotApp, pilot: Any, question: str) -> AnswerView:
    await pilot.click("#question")
    app.query_one("#question", Input).value = question
    await pilot.press("enter")
    for _ in range(400):
        await pilot.pause(0.05)
        views = [v for v in app.query(AnswerView) if v.question == question and (v.answer or v.error)]
        if views:
            return views[-1]
    raise AssertionError("no answer arrived")


async def test_ask_shows_a_card_for_lavrov(app: ClaimbotApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(app, pilot)
        view = await ask(app, pilot, "Vad sa Lavrov?")
        cards = list(view.query(EvidenceCard))
        assert cards and cards[0].evidence.claim.speaker == "Sergej Lavrov"
        assert "Sergej Lavrov" in str(cards[0].query_one(".card-head", Static).render())


async def test_a_card_expands_from_the_keyboard(app: ClaimbotApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(app, pilot)
        await ask(app, pilot, "Vad sa Lavrov?")
        for _ in range(6):
            await pilot.press("tab")
            if isinstance(app.focused, EvidenceCard):
                break
        card = app.focused
        assert isinstance(card, EvidenceCard) and not card.has_class("expanded")
        await pilot.press("enter")
        assert card.has_class("expanded")
        context = [str(w.render()) for w in card.query(".context")]
        assert any(line.startswith("before: Från Kreml") for line in context)


async def test_question_before_the_model_is_ready_is_answered(
    tmp_path: Path, seeds: Path, passage_embedder: Any, query_embedder: Any
) -> None:
    release = threading.Event()

    def slow_engine() -> Engine:
        release.wait(30)
        return make_engine(tmp_path / "index", passage_embedder, query_embedder)

    app = ClaimbotApp(slow_engine, seeds=seeds)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        assert not app.ready
        app.query_one("#question", Input).value = "Who called Trump a coward?"
        await pilot.press("enter")
        await pilot.pause(0.1)
        assert [v.question for v in app.waiting] == ["Who called Trump a coward?"]
        assert "opening the index" in str(app.query_one("#status", Static).render())
        release.set()
        await wait_ready(app, pilot)
        for _ in range(400):
            await pilot.pause(0.05)
            done = [v for v in app.query(AnswerView) if v.answer is not None]
            if done:
                break
        assert (
            done[0].answer is not None
            and done[0].answer.hits[0].claim.speaker == "flera radikala ryska röster"
        )


async def test_choosing_a_speaker_shows_only_their_claims(app: ClaimbotApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(app, pilot)
        speakers = app.query_one("#speakers", ListView)
        index = next(
            i
            for i, item in enumerate(speakers.children)
            if getattr(item, "key", "").endswith("johan fredriksson")
        )
        speakers.index = index
        speakers.action_select_cursor()
        screen = await wait_for_screen(app, pilot, SpeakerScreen)
        assert len(screen.claims) == 4 and {c.speaker for c in screen.claims} == {"Johan Fredriksson"}


async def test_claims_browser_filters(app: ClaimbotApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("ctrl+b")
        table = (await wait_for_screen(app, pilot, ClaimsScreen)).query_one(DataTable)
        assert table.row_count == 16
        await pilot.click("#claims-filter")
        await pilot.press(*"peskov")
        await pilot.pause(0.2)
        assert table.row_count == 1


async def test_add_article_through_the_dialog(app: ClaimbotApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("ctrl+o")
        await pilot.pause(0.2)
        assert isinstance(app.screen, AddArticleScreen)
        app.screen.query_one("#add-path", Input).value = str(DATA / "articles" / "en_economy_battery.txt")
        await pilot.press("enter")
        for _ in range(400):
            await pilot.pause(0.05)
            titles = [str(item.key) for item in app.query_one("#articles", ListView).children]
            if len(titles) == 2:
                break
        assert not isinstance(app.screen, AddArticleScreen)
        assert len(app.engine.articles()) == 2
        assert len(app.query_one("#articles", ListView).children) == 2


async def test_bad_path_shows_an_error_and_the_app_keeps_working(app: ClaimbotApp, tmp_path: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(app, pilot)
        await pilot.press("ctrl+o")
        await pilot.pause(0.2)
        bad = tmp_path / "image.txt"
        bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
        for value, message in ((str(tmp_path / "missing.txt"), "no such file"), (str(bad), "PNG")):
            app.screen.query_one("#add-path", Input).value = value
            await pilot.press("enter")
            for _ in range(200):
                await pilot.pause(0.05)
                status = str(app.screen.query_one("#add-status", Static).render())
                if message in status:
                    break
            assert message in status and isinstance(app.screen, AddArticleScreen)
        await pilot.press("escape")
        view = await ask(app, pilot, "Vad sa Peskov?")
        assert view.answer is not None and view.answer.hits[0].claim.speaker == "Dmitrij Peskov"


async def test_article_text_cannot_inject_markup(
    tmp_path: Path, passage_embedder: Any, query_embedder: Any
) -> None:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Rubrik [bold red]inte fet[/]\n”Det här är [link=http://x]ingen länk[/link],” säger Anna Berg.\n",
        "utf-8",
    )
    app = ClaimbotApp(lambda: make_engine(tmp_path / "index", passage_embedder, query_embedder), seeds=folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(app, pilot)
        view = await ask(app, pilot, "Vad säger Anna Berg?")
        text = view.query_one(EvidenceCard).query_one(".card-text", Static).render()
        assert "[link=http://x]ingen länk[/link]" in str(text)


async def test_an_article_indexed_by_another_process_appears(app: ClaimbotApp, tmp_path: Path) -> None:
    """`claimbot index` in another terminal while the app is open: no crash, and the app shows the
    new article on its own and answers from it."""
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_ready(app, pilot)
        assert len(app.query_one("#articles", ListView).children) == 1
        other = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "claimbot", "index", str(DATA / "articles" / "en_sports_tennis.txt"),
            "--index-dir", str(tmp_path / "index"), cwd=ROOT, stderr=asyncio.subprocess.PIPE,
            env={**os.environ, "HF_HUB_OFFLINE": "1"},
        )  # fmt: skip
        _, stderr = await asyncio.wait_for(other.communicate(), timeout=300)
        assert other.returncode == 0, stderr.decode()
        for _ in range(200):
            if len(app.query_one("#articles", ListView).children) == 2:
                break
            await pilot.pause(0.05)
        titles = [str(item.query_one(Label).render()) for item in app.query("#articles SideItem")]
        assert any(t.startswith("Hale stuns world No. 10 Rinaldi") for t in titles), titles
        view = await ask(app, pilot, "Who complained that the balls were flying?")
        assert view.answer is not None and view.answer.hits[0].claim.speaker == "Luca Rinaldi"


async def test_timeline_and_seen_elsewhere_across_articles(
    tmp_path: Path, seeds: Path, passage_embedder: Any, query_embedder: Any
) -> None:
    """Two reports of the seed's story: a card says where else its claim was seen, and the speaker
    view is a timeline over all three articles."""
    for name in ("02_sv_dagens_eko.txt", "03_en_baltic_herald.txt"):
        shutil.copy(DATA / "tracking" / "articles" / name, seeds / name)
    app = ClaimbotApp(lambda: make_engine(tmp_path / "index", passage_embedder, query_embedder), seeds=seeds)
    async with app.run_test(size=(110, 40)) as pilot:
        await wait_ready(app, pilot)
        view = await ask(app, pilot, "Vad sa Johan Fredriksson om Putins löften?")
        card = next(iter(view.query(EvidenceCard)))

        def foot() -> str:
            return " ".join(str(w.render()) for w in card.query(".card-foot").results(Static))

        # "Seen elsewhere" arrives after the answer, and the card recomposes on a later refresh.
        for _ in range(200):
            if card.elsewhere and "other article" in foot():
                break
            await pilot.pause(0.05)
        assert card.evidence.claim.speaker == "Johan Fredriksson" and card.elsewhere
        assert all(r.same and r.claim.article_id != card.evidence.claim.article_id for r in card.elsewhere)
        assert "other article" in foot()
        card.focus()
        await pilot.press("s")
        screen = await wait_for_screen(app, pilot, SpeakerScreen)
        headings = [str(w.render()) for w in screen.query(".timeline-date")]
        assert len(headings) == 3 and headings[-1].startswith("date unknown")  # the undated seed last
        assert headings[0].startswith("2025-03-12 · Dagens Eko")

"""The main app: ask questions, read evidence cards, browse articles, speakers and claims.

All blocking work (loading the model, indexing, asking) runs in thread workers; results come back
through `call_from_thread`, so the screen stays responsive. The engine is passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, ListView, Static, TabbedContent, TabPane

from claimbot.engine import Engine, IndexReport
from claimbot.model import Answer, Claim, Speaker
from claimbot.store import ArticleRecord
from claimbot.tui.screens import AddArticleScreen, ArticleScreen, ClaimsScreen, HelpScreen, SpeakerScreen
from claimbot.tui.widgets import AnswerView, EvidenceCard, SideItem

MORE_FROM_SPEAKER = 2
SEEN_ELSEWHERE = 3
Side = tuple[object, list[ArticleRecord], list[Speaker]]  # index version, articles, speakers
WATCH_SECONDS = 2.0  # how often the app looks for writes by another process (`claimbot index`)


class ClaimbotApp(App[None]):
    """claimbot's terminal app over an `Engine`."""

    TITLE = "claimbot"
    SUB_TITLE = "who said what"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+b", "claims", "Claims"),
        Binding("ctrl+o", "add", "Add article"),
        Binding("ctrl+r", "refresh", "Refresh"),
        Binding("ctrl+t", "toggle_theme", "Theme"),
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+q", "quit", "Quit"),
    ]

    def __init__(self, engine: Callable[[], Engine], seeds: Path | None = None) -> None:
        """`engine` builds the engine; it runs in a worker, so the app appears before Chroma loads."""
        super().__init__()
        self._make_engine = engine
        self._engine: Engine | None = None
        self.seeds = seeds
        self.ready = False
        self.failed: str | None = None
        self.waiting: list[AnswerView] = []
        self.shown: tuple[object, set[str]] = ((), set())  # index version and article ids on screen

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise RuntimeError("the engine is not ready yet")
        return self._engine

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            with Vertical(id="side"), TabbedContent(id="side-tabs"):
                with TabPane("Articles", id="tab-articles"):
                    yield ListView(id="articles")
                with TabPane("Speakers", id="tab-speakers"):
                    yield ListView(id="speakers")
            with Vertical(id="main"):
                # Not focusable itself: Tab goes straight to the evidence cards.
                yield VerticalScroll(id="conversation", can_focus=False)
                yield Input(placeholder="Ask: Vad sa Lavrov? · Who called Trump a coward?", id="question")
        yield Static(Text("loading model…"), id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#question", Input).focus()
        self.prepare()

    # ------------------------------------------------------------ start-up

    @work(thread=True, exclusive=True, group="prepare")
    def prepare(self) -> None:
        """First run indexes the seeds; then the model loads; questions asked meanwhile wait."""
        try:
            self.call_from_thread(self.set_status, "opening the index…")
            self._engine = self._make_engine()
            if self.seeds is not None and self.engine.is_empty():
                self.call_from_thread(self.set_status, f"indexing {self.seeds} (first run)…")
                self.engine.seed_if_empty(self.seeds)
            self.call_from_thread(self.set_status, "loading model…")
            self.engine.warm_up()
            side = self.read_side()
        except Exception as exc:  # noqa: BLE001 - reported in place; the app stays open
            self.call_from_thread(self.start_failed, f"{exc}")
            return
        self.call_from_thread(self.model_ready, side)

    def model_ready(self, side: Side) -> None:
        self.ready = True
        self.fill_side(*side)
        self.set_interval(WATCH_SECONDS, self.watch_index)
        waiting, self.waiting = self.waiting, []
        for view in waiting:
            self.ask(view)

    def start_failed(self, message: str) -> None:
        self.failed = message
        self.set_status(f"error: {message}", True)
        waiting, self.waiting = self.waiting, []
        for view in waiting:
            self.show_answer(view, None, {}, f"cannot answer: {message}")

    def set_status(self, message: str, error: bool = False) -> None:
        self.query_one("#status", Static).update(Text(message, style="red" if error else ""))

    def report_error(self, exc: Exception) -> None:
        """A failed read in a worker becomes a notification; the app stays open."""
        self.notify(f"{type(exc).__name__}: {exc}", severity="error")

    def read_side(self) -> Side:
        """What the side panel shows (read in a worker). The version is read first, so a write that
        lands during the read shows on the next tick."""
        return self.engine.version(), self.engine.articles(), self.engine.speakers()

    def fill_side(self, version: object, articles: list[ArticleRecord], speakers: list[Speaker]) -> None:
        self.shown = (version, {a.id for a in articles})
        claims = sum(a.claims for a in articles)
        counts = f"{len(articles)} articles · {claims} claims · {len(speakers)} speakers"
        self.set_status(f"{counts} · {self.engine.model_name}")
        self.fill_list("#articles", [("article", a.id, a.title, f"{a.claims}") for a in articles])
        self.fill_list("#speakers", [("speaker", s.key, s.name, f"{s.claims} · {s.kind}") for s in speakers])

    def fill_list(self, selector: str, rows: list[tuple[str, str, str, str]]) -> None:
        target = self.query_one(selector, ListView)
        target.clear()
        for kind, key, name, count in rows:
            label = Text(name)
            label.append(f"  {count}", style="dim")
            target.append(SideItem(kind, key, label))

    # ------------------------------------------------------------ asking

    @on(Input.Submitted, "#question")
    def question_submitted(self, event: Input.Submitted) -> None:
        question = event.value.strip()
        if not question:
            return
        event.input.value = ""
        view = AnswerView(question)
        self.query_one("#conversation", VerticalScroll).mount(view)  # it scrolls itself into view
        if self.ready:
            self.ask(view)
        elif self.failed:
            self.show_answer(view, None, {}, f"cannot answer: {self.failed}")
        else:
            self.waiting.append(view)

    @work(thread=True, group="ask")
    def ask(self, view: AnswerView) -> None:
        try:
            answer = self.engine.ask(view.question)
            more = self.more_from_speakers(answer)
        except Exception as exc:  # noqa: BLE001 - shown as the answer, the app keeps running
            self.call_from_thread(self.show_answer, view, None, {}, f"{type(exc).__name__}: {exc}")
            return
        done = self.call_from_thread(self.show_answer, view, answer, more, None)
        self.seen_elsewhere(done, answer)

    def seen_elsewhere(self, view: AnswerView, answer: Answer) -> None:
        """Under each card, the same claim in other articles (any language). Runs after the
        answer is shown (still in the ask worker): each claim's sentences elsewhere are embedded
        on first use, which can take a second."""
        for hit in answer.hits:
            try:
                related = self.engine.similar(hit.claim.id, k=SEEN_ELSEWHERE)[1]
            except Exception as exc:  # noqa: BLE001 - the answer stands; the extra is reported
                self.call_from_thread(self.report_error, exc)
                return
            same = tuple(r for r in related if r.same)
            self.call_from_thread(view.set_elsewhere, hit.claim.id, same)

    def more_from_speakers(self, answer: Answer) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = {}
        for hit in answer.hits:
            key = self.engine.speaker_key(hit.claim)
            if key:
                same = [c for c in self.engine.speaker_claims(key) if c.id != hit.claim.id]
                out[hit.claim.id] = same[:MORE_FROM_SPEAKER]
        return out

    def show_answer(
        self,
        view: AnswerView,
        answer: Answer | None,
        more: dict[str, list[Claim]],
        error: str | None,
    ) -> AnswerView:
        done = AnswerView(view.question, answer, more, error)
        conversation = self.query_one("#conversation", VerticalScroll)
        conversation.mount(done, after=view)
        view.remove()
        return done

    # ------------------------------------------------------------ navigation

    @on(ListView.Selected)
    def side_selected(self, event: ListView.Selected) -> None:
        item = event.item
        if isinstance(item, SideItem) and not self.not_ready():
            self.open_item(item.kind, item.key)

    @work(thread=True, group="open")
    def open_item(self, kind: str, key: str) -> None:
        try:
            if kind == "speaker":
                profile = self.engine.speaker(key)
                screen: Screen[None] = SpeakerScreen(key, self.engine.speaker_claims(key), profile)
            else:
                record = self.engine.find_article(key)
                screen = ArticleScreen(record.title, self.engine.claims(article=record.id))
        except Exception as exc:  # noqa: BLE001 - a failed read is reported, the app stays open
            self.call_from_thread(self.report_error, exc)
            return
        self.call_from_thread(self.push_screen, screen)

    @on(EvidenceCard.ShowSpeaker)
    def show_speaker(self, event: EvidenceCard.ShowSpeaker) -> None:
        self.open_speaker_of(event.claim)

    @work(thread=True, group="open")
    def open_speaker_of(self, claim: Claim) -> None:
        try:
            key = self.engine.speaker_key(claim)
        except Exception as exc:  # noqa: BLE001 - reported, the app stays open
            self.call_from_thread(self.report_error, exc)
            return
        if key:
            self.call_from_thread(self.open_item, "speaker", key)

    def not_ready(self) -> bool:
        if self.failed:
            self.notify(self.failed, severity="error")
        elif not self.ready:
            self.notify("still loading the index and the model…", severity="warning")
        return not self.ready

    def action_claims(self) -> None:
        if not self.not_ready():
            self.open_claims()

    @work(thread=True, group="open")
    def open_claims(self) -> None:
        try:
            claims = self.engine.claims()
        except Exception as exc:  # noqa: BLE001 - reported, the app stays open
            self.call_from_thread(self.report_error, exc)
            return
        self.call_from_thread(self.push_screen, ClaimsScreen(claims))

    def action_add(self) -> None:
        if not self.not_ready():
            self.push_screen(AddArticleScreen(self.engine), self.added)

    def added(self, report: IndexReport | None) -> None:
        if report is not None:
            count = len(report.added) + len(report.updated)
            self.notify(f"indexed {count} article(s), {report.claims} claims")
            self.action_refresh()

    def action_refresh(self) -> None:
        if not self.not_ready():
            self.refresh_side()

    @work(thread=True, exclusive=True, group="refresh")
    def refresh_side(self, announce: bool = False) -> None:
        try:
            version, articles, speakers = self.read_side()
        except Exception as exc:  # noqa: BLE001 - reported, the app stays open
            self.call_from_thread(self.report_error, exc)
            return
        if announce:
            new = [a.title for a in articles if a.id not in self.shown[1]]
            gone = len(self.shown[1] - {a.id for a in articles})
            self.call_from_thread(self.notify, _change_note(new, gone), title="The index changed")
        self.call_from_thread(self.fill_side, version, articles, speakers)

    @work(thread=True, exclusive=True, group="watch")
    def watch_index(self) -> None:
        """Another process (`claimbot index` in another terminal) wrote: show its articles."""
        try:
            changed = self.engine.version() != self.shown[0]
            elsewhere = changed and not self.engine.written_here()
        except Exception:  # noqa: BLE001 - the next tick tries again; a real failure shows on use
            return
        if changed:  # the app's own adds are reported by the add dialog, not announced again
            self.call_from_thread(self.refresh_side, elsewhere)

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Claims browser", "Every claim, filterable and sortable", self.action_claims)
        yield SystemCommand("Add article", "Index an article file or folder", self.action_add)
        yield SystemCommand("Refresh", "Reload articles and speakers from the index", self.action_refresh)
        yield SystemCommand("Keys", "The key bindings", self.action_help)


def _change_note(new: list[str], gone: int) -> str:
    lines = [f"new: {title}" for title in new[:3]]
    if len(new) > 3:
        lines.append(f"and {len(new) - 3} more")
    if gone:
        lines.append(f"{gone} article(s) removed")
    return "\n".join(lines) or "articles were updated"

"""Secondary screens: a speaker's claims, an article with speakers in the margin, the claims browser,
the add-article dialog and the help screen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, ProgressBar, Static

from claimbot.engine import Engine, IndexReport
from claimbot.fetch import is_url
from claimbot.model import Claim, Speaker
from claimbot.tui import render


class SpeakerScreen(Screen[None]):
    """One speaker's timeline across articles: oldest first, a heading per article, and the name
    and role each article gives them."""

    BINDINGS = [("escape", "app.pop_screen", "Back")]

    def __init__(self, speaker: str, claims: list[Claim], profile: Speaker | None = None) -> None:
        super().__init__()
        self.speaker = profile.name if profile else speaker
        self.profile = profile
        self.claims = claims

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._title(), classes="screen-title")
        with VerticalScroll(id="speaker-claims"):
            article = None
            for claim in self.claims:
                if claim.article_id != article:
                    article = claim.article_id
                    yield Static(render.timeline_heading(claim), classes="timeline-date")
                with Vertical(classes="card"):
                    yield Static(render.badge(claim), classes="card-head")
                    yield Static(render.sentence(claim), classes="card-text")
        yield Footer()

    def _title(self) -> Text:
        articles = len({c.article_id for c in self.claims})
        title = Text(f"{self.speaker} · {len(self.claims)} claims in {articles} article(s)", style="bold")
        if self.profile and (self.profile.first_date or self.profile.last_date):
            title.append(f" · {self.profile.first_date} – {self.profile.last_date}", style="dim")
        if self.profile and self.profile.aliases:
            title.append(f"\nalso: {', '.join(self.profile.aliases)}", style="dim")
        if self.profile and self.profile.roles:
            title.append(f"\nroles: {'; '.join(self.profile.roles)}", style="dim italic")
        return title


class ArticleScreen(Screen[None]):
    """An article sentence by sentence, each with its speaker in the margin."""

    BINDINGS = [("escape", "app.pop_screen", "Back")]

    def __init__(self, title: str, claims: list[Claim]) -> None:
        super().__init__()
        self.article_title = title
        self.claims = claims

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text(self.article_title, style="bold"), classes="screen-title")
        with VerticalScroll(id="article-body"):
            for claim in self.claims:
                with Horizontal(classes="article-line"):
                    yield Static(Text(claim.speaker or "—", style=render.BADGE_STYLES[claim.speaker_kind]),
                                 classes="margin")  # fmt: skip
                    yield Static(render.sentence(claim), classes="line-text")
        yield Footer()


class ClaimsScreen(Screen[None]):
    """Every claim in a table: type to filter, click a column header (or press 1-3) to sort."""

    BINDINGS = [
        ("escape", "app.pop_screen", "Back"),
        ("1", "sort('speaker')", "Sort speaker"),
        ("2", "sort('form')", "Sort form"),
        ("3", "sort('article')", "Sort article"),
    ]

    def __init__(self, claims: list[Claim]) -> None:
        super().__init__()
        self.claims = claims
        self.sort_key = "article"
        self.reverse = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter: words in the sentence, speaker or article", id="claims-filter")
        yield DataTable(id="claims-table", zebra_stripes=True, cursor_type="row")
        yield Static("", id="claim-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("speaker", key="speaker", width=22)
        table.add_column("form", key="form", width=9)
        table.add_column("article", key="article", width=22)
        table.add_column("#", key="index", width=3)
        table.add_column("text", key="text")
        self.refill("")

    def rows_for(self, needle: str) -> list[Claim]:
        needle = needle.lower().strip()
        rows = [
            c for c in self.claims
            if not needle or needle in f"{c.text} {c.speaker or 'narrator'} {c.article_title}".lower()
        ]  # fmt: skip
        keys: dict[str, Callable[[Claim], tuple[str, int]]] = {
            "speaker": lambda c: ((c.speaker or "~").lower(), c.index),
            "form": lambda c: (str(c.form), c.index),
            "article": lambda c: ((c.article_date or "") + c.article_title, c.index),
        }
        return sorted(rows, key=keys[self.sort_key], reverse=self.reverse)

    def refill(self, needle: str) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for claim in self.rows_for(needle):
            table.add_row(
                Text(claim.speaker or "narrator"), str(claim.form), Text(claim.article_title[:40]),
                str(claim.index + 1), Text(claim.text), key=claim.id,
            )  # fmt: skip
        self.sub_title = f"{table.row_count} of {len(self.claims)} claims"

    @on(DataTable.RowHighlighted)
    def show_detail(self, event: DataTable.RowHighlighted) -> None:
        """The whole sentence of the highlighted row, wrapped: the table cuts long text."""
        claim = next((c for c in self.claims if c.id == event.row_key.value), None)
        detail = self.query_one("#claim-detail", Static)
        if claim is None:
            detail.update("")
            return
        text = render.badge(claim)
        text.append("\n")
        text.append_text(render.sentence(claim))
        text.append("\n")
        text.append_text(render.where(claim))
        detail.update(text)

    @on(Input.Changed, "#claims-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.refill(event.value)

    @on(DataTable.HeaderSelected)
    def header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        if key in ("speaker", "form", "article"):
            self.action_sort(key)

    def action_sort(self, key: str) -> None:
        self.reverse = not self.reverse if key == self.sort_key else False
        self.sort_key = key
        self.refill(self.query_one(Input).value)


class AddArticleScreen(ModalScreen[IndexReport | None]):
    """Index an article file (or folder) from inside the app; errors stay in the dialog."""

    BINDINGS = [("escape", "cancel", "Cancel")]

    def __init__(self, engine: Engine) -> None:
        super().__init__()
        self.engine = engine

    def compose(self) -> ComposeResult:
        with Vertical(id="add-dialog"):
            yield Label(
                "Add an article: a file (.txt, .md, .html), a folder or a URL", classes="dialog-title"
            )
            yield Input(placeholder="path/to/article.txt or https://…", id="add-path")
            yield ProgressBar(id="add-progress", show_eta=False)
            yield Static("", id="add-status")
            with Horizontal(classes="buttons"):
                yield Button("Add", variant="primary", id="add-go")
                yield Button("Cancel", id="add-cancel")

    @on(Button.Pressed, "#add-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#add-path")
    @on(Button.Pressed, "#add-go")
    def start(self) -> None:
        if self.query_one("#add-go", Button).disabled:
            return  # a run is going; the engine does one index run at a time anyway
        raw = self.query_one("#add-path", Input).value.strip()
        status = self.query_one("#add-status", Static)
        if not raw:
            status.update(Text("Type a path first.", style="red"))
            return
        source: str | Path = raw if is_url(raw) else Path(raw).expanduser()
        if isinstance(source, Path) and not source.exists():
            status.update(Text(f"{source}: no such file or folder", style="red"))
            return
        status.update(Text("fetching and indexing…" if is_url(raw) else "indexing…", style="dim"))
        self.query_one("#add-go", Button).disabled = True
        self.index(source)

    @work(thread=True, exclusive=True, group="add")
    def index(self, path: str | Path) -> None:
        def progress(what: str, done: int, total: int) -> None:
            self.app.call_from_thread(self._progress, done, total)

        try:
            report = self.engine.index([path], progress=progress)
        except Exception as exc:  # noqa: BLE001 - shown in the dialog, the app keeps running
            self.app.call_from_thread(self._failed, f"{type(exc).__name__}: {exc}")
            return
        self.app.call_from_thread(self._done, report)

    def _progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)

    def _failed(self, message: str) -> None:
        self.query_one("#add-status", Static).update(Text(message, style="red"))
        self.query_one("#add-go", Button).disabled = False

    def _done(self, report: IndexReport) -> None:
        if report.failed and not (report.added or report.updated or report.unchanged):
            self._failed("; ".join(f.message for f in report.failed))
            return
        self.dismiss(report)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [("escape", "app.pop_screen", "Close"), ("question_mark", "app.pop_screen", "Close")]

    KEYS = (
        ("type + enter", "ask a question (any language)"),
        ("tab / shift+tab", "move between the question box, answers and side panel"),
        ("enter on a card", "show the sentences around it and more from the speaker"),
        ("s on a card", "all claims of that speaker"),
        ("enter in the side panel", "open the article or the speaker"),
        ("ctrl+b", "claims browser (type to filter, 1-3 or click a header to sort)"),
        ("ctrl+o", "add an article"),
        ("ctrl+r", "refresh from the index"),
        ("ctrl+t", "dark / light theme"),
        ("ctrl+p", "command palette"),
        ("escape", "back"),
        ("ctrl+q", "quit"),
    )

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            yield Label("Keys", classes="dialog-title")
            for key, what in self.KEYS:
                line = Text(f"{key:>24}  ", style="bold")
                line.append(what)
                yield Static(line)

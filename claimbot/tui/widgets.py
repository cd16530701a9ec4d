"""Widgets of the main screen: an answer with its evidence cards, and the side panel."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import ScrollableContainer, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Label, ListItem, Static

from claimbot.model import Answer, Claim, Evidence, Related
from claimbot.tui import render


class EvidenceCard(Vertical, can_focus=True):
    """One retrieved sentence; Enter (or a click) shows the sentences around it and more from the speaker."""

    BINDINGS = [("enter", "expand", "Expand"), ("s", "speaker", "Speaker's claims")]

    class ShowSpeaker(Message):
        """Open the timeline of the speaker of this claim."""

        def __init__(self, claim: Claim) -> None:
            self.claim = claim
            super().__init__()

    # Filled in after the answer is shown: finding the same claim elsewhere takes a moment.
    elsewhere: reactive[tuple[Related, ...]] = reactive((), recompose=True)

    def __init__(self, evidence: Evidence, rank: int, more: list[Claim]) -> None:
        super().__init__(classes="card")
        self.evidence = evidence
        self.rank = rank
        self.more = more

    def compose(self) -> ComposeResult:
        claim = self.evidence.claim
        head = Text()
        head.append(f"{self.rank}. ", style="bold")
        head.append_text(render.badge(claim))
        yield Static(head, classes="card-head")
        yield Static(render.sentence(claim), classes="card-text")
        foot = render.where(claim)
        foot.append("   ")
        foot.append_text(render.score_bar(self.evidence.similarity))
        if self.elsewhere:
            articles = len({r.claim.article_id for r in self.elsewhere})
            foot.append(f"   seen in {articles} other article(s)", style="bold magenta")
        yield Static(foot, classes="card-foot")
        with Vertical(classes="card-more"):
            if self.evidence.before:
                yield Static(Text(f"before: {self.evidence.before}", style="italic"), classes="context")
            if self.evidence.after:
                yield Static(Text(f"after: {self.evidence.after}", style="italic"), classes="context")
            for other in self.more:
                line = Text(f"{claim.speaker} also: ", style="bold")
                line.append(other.text)
                yield Static(line, classes="context")
            if self.elsewhere:
                yield Static(Text("Seen elsewhere", style="bold magenta"), classes="context")
            for related in self.elsewhere:
                yield Static(render.elsewhere(related), classes="context elsewhere")

    def on_mount(self) -> None:
        parent = self.parent
        if isinstance(parent, AnswerView) and self.evidence.claim.id in parent.elsewhere:
            self.elsewhere = parent.elsewhere[self.evidence.claim.id]

    def action_expand(self) -> None:
        self.toggle_class("expanded")

    def on_click(self) -> None:
        self.toggle_class("expanded")

    def action_speaker(self) -> None:
        if self.evidence.claim.speaker:
            self.post_message(self.ShowSpeaker(self.evidence.claim))


class AnswerView(Vertical):
    """A question and its answer: evidence cards, or a plain statement that nothing answers it."""

    def __init__(
        self,
        question: str,
        answer: Answer | None = None,
        more: dict[str, list[Claim]] | None = None,
        error: str | None = None,
    ) -> None:
        super().__init__(classes="answer")
        self.question = question
        self.answer = answer
        self.more = more or {}
        self.error = error
        self.elsewhere: dict[str, tuple[Related, ...]] = {}

    def on_mount(self) -> None:
        # Once laid out, show this question and its answer from the top, not the end of the last
        # card (scrolling before layout would use the old geometry).
        self.call_after_refresh(self._reveal)

    def _reveal(self) -> None:
        parent = self.parent
        if isinstance(parent, ScrollableContainer):
            parent.scroll_to_widget(self, animate=False, top=True)

    def set_elsewhere(self, claim_id: str, related: tuple[Related, ...]) -> None:
        """Found after the answer was shown; a card not mounted yet picks it up on mount."""
        self.elsewhere[claim_id] = related
        for card in self.query(EvidenceCard):
            if card.evidence.claim.id == claim_id:
                card.elsewhere = related

    def compose(self) -> ComposeResult:
        yield Static(Text(f"❯ {self.question}", style="bold"), classes="question")
        if self.error:
            yield Static(Text(self.error), classes="error")
            return
        if self.answer is None:
            yield Static(Text("searching…", style="dim italic"), classes="pending")
            return
        if self.answer.abstained:
            yield Static(
                Text(f"No answer in the index: {self.answer.note or 'nothing close enough'}."),
                classes="abstain",
            )
            return
        for rank, hit in enumerate(self.answer.hits, 1):
            yield EvidenceCard(hit, rank, self.more.get(hit.claim.id, []))


class SideItem(ListItem):
    """An article or a speaker in the side panel."""

    def __init__(self, kind: str, key: str, label: Text) -> None:
        super().__init__(Label(label))
        self.kind = kind
        self.key = key

"""The domain: articles, segments, claims and speakers as frozen dataclasses. No I/O here."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

# Bump when segmentation, attribution or what is embedded for a claim changes: indexed articles are
# then parsed and embedded again.
PARSER_VERSION = "29"


class SegmentKind(StrEnum):
    """What a piece of an article is: only titles and sentences are claims."""

    TITLE = "title"
    HEADING = "heading"
    BOILERPLATE = "boilerplate"
    SENTENCE = "sentence"


class SpeakerKind(StrEnum):
    PERSON = "person"
    SOURCE = "source"  # unnamed, collective, an organisation or a document
    NARRATOR = "narrator"  # the journalist's own statement


class Form(StrEnum):
    DIRECT = "direct"  # the sentence is inside a quotation
    PARTIAL = "partial"  # reported speech with quoted fragments
    INDIRECT = "indirect"  # reported speech without quotation marks
    NARRATOR = "narrator"


def short_hash(*parts: str, size: int = 16) -> str:
    """A stable hex id for the given parts."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:size]


@dataclass(frozen=True)
class Article:
    """One article as read from a file or a URL; `text` is what every offset points into."""

    id: str
    source: str
    title: str
    text: str
    language: str
    date: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None

    @cached_property
    def content_hash(self) -> str:
        """Changes with the text, its metadata or the parsing rules (so an upgrade re-parses).
        Cached: every claim's id uses it, and hashing a long article per claim was quadratic."""
        return short_hash(PARSER_VERSION, self.title, self.text, self.date or "", self.outlet or "")


@dataclass(frozen=True)
class Segment:
    """A span of an article's text: a sentence, the title, a heading or boilerplate."""

    kind: SegmentKind
    text: str
    start: int
    end: int
    paragraph: int

    @property
    def is_claim(self) -> bool:
        return self.kind in (SegmentKind.TITLE, SegmentKind.SENTENCE)


@dataclass(frozen=True)
class Attribution:
    """Who says a sentence, and how."""

    speaker: str | None = None
    speaker_kind: SpeakerKind = SpeakerKind.NARRATOR
    mention: str | None = None
    cue: str | None = None
    form: Form = Form.NARRATOR
    role: str | None = None
    via: str | None = None


NARRATION = Attribution()


@dataclass(frozen=True)
class Claim:
    """One sentence of an article with its speaker: the unit that is stored and retrieved."""

    id: str
    article_id: str
    index: int
    text: str
    start: int
    end: int
    paragraph: int
    speaker: str | None
    speaker_kind: SpeakerKind
    mention: str | None
    cue: str | None
    form: Form
    role: str | None = None
    via: str | None = None
    article_title: str = ""
    article_date: str | None = None
    article_outlet: str | None = None
    article_source: str = ""
    language: str = ""

    @classmethod
    def build(cls, article: Article, index: int, segment: Segment, who: Attribution) -> Claim:
        return cls(
            id=short_hash(article.id, article.content_hash, str(index)),
            article_id=article.id,
            index=index,
            text=segment.text,
            start=segment.start,
            end=segment.end,
            paragraph=segment.paragraph,
            speaker=who.speaker,
            speaker_kind=who.speaker_kind,
            mention=who.mention,
            cue=who.cue,
            form=who.form,
            role=who.role,
            via=who.via,
            article_title=article.title,
            article_date=article.date,
            article_outlet=article.outlet,
            article_source=article.source,
            language=article.language,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object shape every command prints for a claim."""
        data = asdict(self)
        data["speaker_kind"] = str(self.speaker_kind)
        data["form"] = str(self.form)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        names = set(cls.__dataclass_fields__)
        values = {k: v for k, v in data.items() if k in names}
        values["speaker_kind"] = SpeakerKind(values["speaker_kind"])
        values["form"] = Form(values["form"])
        return cls(**values)


@dataclass(frozen=True)
class ParsedArticle:
    """An article with all its segments and the claims among them, in order."""

    article: Article
    segments: tuple[Segment, ...]
    claims: tuple[Claim, ...]


def date_order(claim: Claim) -> tuple[bool, str, str, int]:
    """Dated claims oldest first, then claims of undated articles; sentence order within an article."""
    return (claim.article_date is None, claim.article_date or "", claim.article_id, claim.index)


@dataclass(frozen=True)
class Speaker:
    """A speaker as seen across the index: canonical name, aliases, roles and where they speak."""

    name: str
    kind: SpeakerKind
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    claims: int
    articles: tuple[str, ...]
    first_date: str | None = None
    last_date: str | None = None
    key: str = ""  # identifies the merged speaker; two speakers may share a display name

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "kind": str(self.kind),
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "claims": self.claims,
            "articles": list(self.articles),
            "first_date": self.first_date,
            "last_date": self.last_date,
        }


@dataclass(frozen=True)
class Evidence:
    """One retrieved claim with its score and the sentences around it."""

    claim: Claim
    score: float
    similarity: float
    before: str | None = None
    after: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.claim.to_dict(),
            "score": round(self.score, 4),
            "similarity": round(self.similarity, 4),
            "context": {"before": self.before, "after": self.after},
        }


@dataclass(frozen=True)
class Answer:
    """What `ask` returns: ranked evidence, or an abstention with the reason in `note`."""

    question: str
    abstained: bool
    hits: tuple[Evidence, ...]
    speakers: tuple[str, ...] = ()  # speakers the question was read as naming
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "abstained": self.abstained,
            "note": self.note,
            "speakers": list(self.speakers),
            "hits": [h.to_dict() for h in self.hits],
        }


@dataclass(frozen=True)
class Related:
    """A claim in another article, scored against a claim or a statement: the same claim when
    `same`, else only related. `conflicts` say what speaks against it being the same."""

    claim: Claim
    speaker: str | None  # the speaker merged across articles (None for the narrator)
    score: float
    similarity: float
    same: bool
    conflicts: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.claim.to_dict(),
            "merged_speaker": self.speaker,
            "score": round(self.score, 4),
            "similarity": round(self.similarity, 4),
            "same": self.same,
            "conflicts": list(self.conflicts),
        }


@dataclass(frozen=True)
class Check:
    """What `check` returns: who in the index says something like the statement, oldest first."""

    statement: str
    matches: tuple[Related, ...]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "statement": self.statement,
            "found": bool(self.matches),
            "note": self.note,
            "matches": [m.to_dict() for m in self.matches],
        }

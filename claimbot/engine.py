"""The one API the CLI and the TUI call: index articles, ask questions, list claims and speakers.

The engine is plain Python: it is given a store and a way to get an embedder, and knows nothing of
terminals. The embedder is loaded on first need (the TUI does that in a worker).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimbot import retrieve
from claimbot.model import Article, Claim, SpeakerKind
from claimbot.parse import parse_article
from claimbot.sources import SourceError, iter_source_files, read_article
from claimbot.store import ArticleRecord, ClaimStore, StoreError

if TYPE_CHECKING:
    from claimbot.embed import Embedder

Progress = Callable[[str, int, int], None]  # (what, done, total)

# Cosine similarity below which the best hit does not answer the question (multilingual-e5-small,
# calibrated on tests/data/questions.json: see `claimbot eval-retrieval`).
ABSTAIN_BELOW = 0.78
DENSE_CANDIDATES = 40
MAX_QUESTION_CHARS = 2000


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
class SourceFailure:
    source: str
    message: str


@dataclass(frozen=True)
class IndexReport:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    failed: tuple[SourceFailure, ...] = ()
    claims: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": list(self.added),
            "updated": list(self.updated),
            "unchanged": list(self.unchanged),
            "failed": [{"source": f.source, "error": f.message} for f in self.failed],
            "claims_embedded": self.claims,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class SpeakerSummary:
    name: str
    kind: SpeakerKind
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    claims: int
    articles: tuple[str, ...]
    first_date: str | None = None
    last_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": str(self.kind),
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "claims": self.claims,
            "articles": list(self.articles),
            "first_date": self.first_date,
            "last_date": self.last_date,
        }


@dataclass
class _Lexicon:
    """The in-memory lexical side of the index, rebuilt when the index changes."""

    version: tuple[int, ...]
    claims: dict[str, Claim]
    bm25: retrieve.BM25
    speakers: set[str] = field(default_factory=set)


class Engine:
    """Index and query claims.

    Embedders are passed as loaders so that start-up stays instant: `passages` embeds claims when
    indexing (sentence-transformers), `queries` embeds questions (may be a faster engine that gives
    the same vectors). Both must carry `model_name`, which the index records.
    """

    def __init__(
        self,
        store: ClaimStore,
        *,
        model_name: str,
        passages: Callable[[], Embedder],
        queries: Callable[[], Embedder] | None = None,
    ) -> None:
        self.store = store
        self.model_name = model_name
        self._loaders = {"passages": passages, "queries": queries or passages}
        self._loaded: dict[str, Embedder] = {}
        self._lexicon: _Lexicon | None = None
        self.store.open(model_name, 0, create=False)

    # ------------------------------------------------------------ model

    def _embedder(self, role: str) -> Embedder:
        if role not in self._loaded:
            same = self._loaders["queries"] is self._loaders["passages"]
            other = "passages" if role == "queries" else "queries"
            self._loaded[role] = (
                self._loaded[other] if same and other in self._loaded else self._loaders[role]()
            )
        return self._loaded[role]

    def warm_up(self) -> None:
        """Load the query model now (the TUI calls this in a worker)."""
        self._embedder("queries").embed_query("warm up")

    # ------------------------------------------------------------ indexing

    def index(
        self, sources: Sequence[str | Path], *, rebuild: bool = False, progress: Progress | None = None
    ) -> IndexReport:
        """Add or update articles; unchanged ones cost nothing. Bad sources are reported, not fatal."""
        started = time.perf_counter()
        if rebuild:
            self.store.drop()
        added: list[str] = []
        updated: list[str] = []
        unchanged: list[str] = []
        failed: list[SourceFailure] = []
        embedded = 0
        articles, failures = self._read_all(sources)
        failed.extend(failures)
        if not self.store.is_open:
            self.store.open(self.model_name, self._embedder("passages").dim, create=True)
        else:
            self.store.repair()
        for number, article in enumerate(articles, 1):
            existing = self.store.article(article.id)
            if existing is not None and existing.content_hash == article.content_hash:
                unchanged.append(article.source)
                continue
            try:
                embedded += self._store_article(article, progress, number, len(articles))
            except SourceError as exc:
                failed.append(SourceFailure(article.source, str(exc)))
                continue
            (updated if existing is not None else added).append(article.source)
        self._lexicon = None
        return IndexReport(
            tuple(added),
            tuple(updated),
            tuple(unchanged),
            tuple(failed),
            embedded,
            time.perf_counter() - started,
        )

    def _read_all(self, sources: Sequence[str | Path]) -> tuple[list[Article], list[SourceFailure]]:
        articles: list[Article] = []
        failures: list[SourceFailure] = []
        for source in sources:
            text = str(source)
            if text.startswith(("http://", "https://")):
                failures.append(SourceFailure(text, "URLs are not supported yet"))
                continue
            files = list(iter_source_files([source]))
            if not files:
                failures.append(SourceFailure(text, "no supported article files"))
            for path in files:
                try:
                    articles.append(read_article(path))
                except SourceError as exc:
                    failures.append(SourceFailure(str(path), str(exc)))
        return articles, failures

    def _store_article(self, article: Article, progress: Progress | None, number: int, total: int) -> int:
        claims = parse_article(article).claims
        if not claims:
            raise SourceError(f"{article.source}: no sentences found")

        def report(done: int, count: int) -> None:
            if progress is not None:
                progress(f"[{number}/{total}] {article.title[:60]}", done, count)

        vectors = self._embedder("passages").embed_passages([passage_text(c) for c in claims], report)
        self.store.put_article(article, claims, vectors)
        return len(claims)

    def remove(self, article_id: str) -> ArticleRecord:
        record = self.find_article(article_id)
        self.store.remove_article(record.id)
        self._lexicon = None
        return record

    # ------------------------------------------------------------ reading

    def is_empty(self) -> bool:
        return not self.store.is_open or self.store.count() == 0

    def articles(self) -> list[ArticleRecord]:
        return self.store.articles()

    def find_article(self, query: str) -> ArticleRecord:
        """An article by id, id prefix, source path/URL or a unique title fragment."""
        records = self.store.articles()
        q = query.strip().lower()
        exact = [r for r in records if q in (r.id, r.source.lower())]
        loose = exact or [
            r for r in records if r.id.startswith(q) or q in r.title.lower() or q in r.source.lower()
        ]
        if len(loose) == 1:
            return loose[0]
        if not loose:
            raise StoreError(f"no article matches {query!r} (see `claimbot articles`)")
        raise StoreError(f"{len(loose)} articles match {query!r}; use its id (see `claimbot articles`)")

    def claims(self, speaker: str | None = None, article: str | None = None) -> list[Claim]:
        """Claims in date and sentence order, filtered by speaker (loosely) and article."""
        where: dict[str, Any] = {}
        if article:
            where = {"article_id": self.find_article(article).id}
        claims = self.store.claims(where)
        if speaker:
            claims = [c for c in claims if retrieve.speaker_matches(speaker, c.speaker)]
        return claims

    def speakers(self) -> list[SpeakerSummary]:
        grouped: dict[str, list[Claim]] = {}
        for claim in self.store.claims():
            if claim.speaker:
                grouped.setdefault(claim.speaker, []).append(claim)
        out = []
        for name, claims in grouped.items():
            dates = sorted(c.article_date for c in claims if c.article_date)
            out.append(
                SpeakerSummary(
                    name=name,
                    kind=claims[0].speaker_kind,
                    aliases=tuple(sorted({c.mention for c in claims if c.mention and c.mention != name})),
                    roles=tuple(sorted({c.role for c in claims if c.role})),
                    claims=len(claims),
                    articles=tuple(sorted({c.article_id for c in claims})),
                    first_date=dates[0] if dates else None,
                    last_date=dates[-1] if dates else None,
                )
            )
        return sorted(out, key=lambda s: (-s.claims, s.name))

    # ------------------------------------------------------------ asking

    def ask(
        self,
        question: str,
        k: int = 5,
        *,
        speaker: str | None = None,
        article: str | None = None,
        mode: str = "hybrid",
    ) -> Answer:
        """The claims that answer a question, best first, or an honest abstention."""
        question = " ".join(question.split())
        if not question:
            raise StoreError("the question is empty")
        if len(question) > MAX_QUESTION_CHARS:
            raise StoreError(f"the question is {len(question)} characters; the limit is {MAX_QUESTION_CHARS}")
        if self.is_empty():
            return Answer(question, True, (), note="the index is empty")
        lexicon = self._lexicon_now()
        article_id = self.find_article(article).id if article else None
        pool = {cid: c for cid, c in lexicon.claims.items() if _passes(c, speaker, article_id)}
        if not pool:
            return Answer(question, True, (), note="no claims match the filters")
        named = tuple(sorted(retrieve.speakers_named(question, lexicon.speakers))) if not speaker else ()
        person = retrieve.asked_person(question)
        if person and not named and not speaker:
            return Answer(question, True, (), (), self._nobody_note(person, lexicon))
        similarities = self._similarities(question, pool, lexicon, named)
        lexical = {cid: s for cid, s in lexicon.bm25.scores(retrieve.terms(question)).items() if cid in pool}
        favoured = [cid for cid in similarities if pool[cid].speaker in named]
        groups = {cid: pool[cid].language for cid in similarities}
        if mode == "dense":
            ranked = retrieve.fuse(similarities, {}, dict.fromkeys(similarities, ""), (), speaker_bonus=0.0)
        elif mode == "lexical":
            ranked = retrieve.fuse(dict.fromkeys(lexical, 0.0), lexical, {}, (), speaker_bonus=0.0)
        else:
            ranked = retrieve.fuse(similarities, lexical, groups, favoured)
        best = max(similarities.values(), default=0.0)
        abstain = best < ABSTAIN_BELOW and not favoured
        hits = tuple(self._evidence(pool[s.claim_id], s, lexicon) for s in ranked[:k])
        note = f"nothing in the index answers this closely (best similarity {best:.2f})" if abstain else ""
        return Answer(question, abstain, hits, named, note)

    @staticmethod
    def _nobody_note(person: str, lexicon: _Lexicon) -> str:
        variants = retrieve.name_variants(person)
        mentions = sum(
            1
            for c in lexicon.claims.values()
            if any(v in retrieve.transliterate(retrieve.fold(c.text)) for v in variants)
        )
        said = f"nobody called {person} is quoted in the index"
        return f"{said}; {person} is mentioned in {mentions} sentences" if mentions else said

    def _similarities(
        self, question: str, pool: dict[str, Claim], lexicon: _Lexicon, named: Sequence[str]
    ) -> dict[str, float]:
        """Cosine similarity for dense candidates from each language, the named speakers' claims and
        lexical candidates."""
        vector = self._embedder("queries").embed_query(question)
        languages = sorted({c.language for c in pool.values()})
        found: dict[str, float] = {}
        for language in languages:
            where = {"language": language}
            for hit in self.store.nearest(vector, DENSE_CANDIDATES, where):
                if hit.claim.id in pool:
                    found[hit.claim.id] = hit.similarity
        extra = {cid for cid, c in pool.items() if c.speaker in named}
        lexical_top = sorted(lexicon.bm25.scores(retrieve.terms(question)).items(), key=lambda kv: -kv[1])[
            :20
        ]
        extra |= {cid for cid, _ in lexical_top if cid in pool}
        missing = [cid for cid in extra if cid not in found]
        if missing:
            found.update(self.store.similarities(vector, missing))
        return found

    def _evidence(self, claim: Claim, scored: retrieve.Scored, lexicon: _Lexicon) -> Evidence:
        by_position = {
            (c.article_id, c.index): c for c in lexicon.claims.values() if c.article_id == claim.article_id
        }
        before = by_position.get((claim.article_id, claim.index - 1))
        after = by_position.get((claim.article_id, claim.index + 1))
        return Evidence(
            claim,
            scored.score,
            scored.similarity,
            before.text if before else None,
            after.text if after else None,
        )

    def _lexicon_now(self) -> _Lexicon:
        version = (self.store.count(), len(self.store.articles()))
        if self._lexicon is None or self._lexicon.version != version:
            claims = {c.id: c for c in self.store.claims()}
            docs = {cid: retrieve.terms(lexical_text(c)) for cid, c in claims.items()}
            speakers = {c.speaker for c in claims.values() if c.speaker}
            self._lexicon = _Lexicon(version, claims, retrieve.BM25(docs), speakers)
        return self._lexicon


def _passes(claim: Claim, speaker: str | None, article_id: str | None) -> bool:
    if speaker and not retrieve.speaker_matches(speaker, claim.speaker):
        return False
    return not article_id or claim.article_id == article_id


def passage_text(claim: Claim) -> str:
    """What is embedded for a claim: the sentence, with who says it, so that questions naming the
    speaker or role find sentences that say only "han" or "I"."""
    who = claim.speaker or ""
    if claim.role:
        who = f"{who} ({claim.role})" if who else claim.role
    return f"{who}: {claim.text}" if who else claim.text


def lexical_text(claim: Claim) -> str:
    return " ".join(x for x in (claim.speaker, claim.role, claim.text) if x)

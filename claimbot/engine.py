"""The one API the CLI and the TUI call: index articles, ask questions, list claims and speakers.

The engine is plain Python: it is given a store and a way to get an embedder, and knows nothing of
terminals. The embedder is loaded on first need (the TUI does that in a worker).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimbot import retrieve
from claimbot.fetch import FetchSettings, fetch_article, is_url
from claimbot.model import Answer, Article, Check, Claim, Evidence, Related, Speaker, SpeakerKind
from claimbot.parse import parse_article
from claimbot.scan import VectorScan
from claimbot.sources import DEFAULT_MAX_BYTES, SourceError, iter_source_files, read_article, with_language
from claimbot.speakers import SpeakerDirectory
from claimbot.store import ArticleRecord, ClaimStore, StoreError
from claimbot.tracking import Claims, Tracker

if TYPE_CHECKING:
    from claimbot.embed import Embedder

Progress = Callable[[str, int, int], None]  # (what, done, total)

# Cosine similarity below which the best hit does not answer the question (multilingual-e5-small,
# calibrated on tests/data/questions.json: see `claimbot eval-retrieval`).
ABSTAIN_BELOW = 0.78
DENSE_CANDIDATES = 40
MAX_QUESTION_CHARS = 2000
UNFILTERED_CANDIDATES = 400
DENSE_SCAN = 500  # neighbours read from one unfiltered query (about 3 ms at 10,000 claims)
SCAN_LIMIT = 100_000  # claims whose vectors a process keeps in memory (150 MB, read in slices)
EMBED_GROUP = 256  # claims embedded in one call across articles


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


@dataclass
class _Lexicon:
    """The in-memory side of the index (current claims, BM25), rebuilt when the index changes."""

    version: tuple[int, ...]
    claims: dict[str, Claim]
    bm25: retrieve.BM25
    by_language: dict[str, list[str]]  # article language -> claim ids
    positions: dict[tuple[str, int], Claim]
    roles: dict[str, set[str]]
    directory: SpeakerDirectory
    by_speaker: dict[str, list[str]]  # stored speaker name -> claim ids
    folded: dict[str, str] = field(default_factory=dict)  # claim id -> folded text, filled on use
    asks: int = 0  # questions asked of this state of the index
    scan: VectorScan | None = None  # its vectors in memory, from the second question on

    def current(self) -> Claims:
        """What the tracker needs of this state of the index."""
        return Claims(self.claims, self.directory, self.by_language)

    def folded_texts(self) -> dict[str, str]:
        """Every claim's text folded and transliterated, for finding names in sentences."""
        if not self.folded:
            self.folded.update(
                {cid: retrieve.transliterate(retrieve.fold(c.text)) for cid, c in self.claims.items()}
            )
        return self.folded


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
        max_bytes: int = DEFAULT_MAX_BYTES,
        fetch: FetchSettings | None = None,
    ) -> None:
        self.store = store
        self.max_bytes = max_bytes
        self.fetch_settings = fetch or FetchSettings()
        self.model_name = model_name
        self._loaders = {"passages": passages, "queries": queries or passages}
        self._loaded: dict[str, Embedder] = {}
        self._lexicon: _Lexicon | None = None
        self._tracker = Tracker(store, lambda: self._embedder("queries"))
        # One operation at a time: the TUI runs asks and an index run in worker threads.
        self._lock = threading.RLock()
        self._checked = False

    def _open(self) -> None:
        """Attach to an existing index (refusing another model's); a missing one stays closed."""
        if not self._checked:
            self.store.open(self.model_name, 0, create=False)
            self._checked = True

    # ------------------------------------------------------------ model

    def _embedder(self, role: str) -> Embedder:
        with self._lock:
            return self._load(role)

    def _load(self, role: str) -> Embedder:
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
        """Add or update articles; unchanged ones cost nothing. Bad sources are reported, not fatal.

        With `rebuild`, the old index (of any model or version) is dropped, but only once the sources
        have been read and the model has loaded, so a typo or a broken model loses nothing."""
        with self._lock:
            return self._index(sources, rebuild, progress)

    def _index(self, sources: Sequence[str | Path], rebuild: bool, progress: Progress | None) -> IndexReport:
        started = time.perf_counter()
        added: list[str] = []
        updated: list[str] = []
        unchanged: list[str] = []
        failed: list[SourceFailure] = []
        articles, failures = self._read_all(sources)
        failed.extend(failures)
        if not articles:
            return IndexReport(failed=tuple(failed), seconds=time.perf_counter() - started)
        if rebuild:
            dim = self._embedder("passages").dim
            self.store.drop()
            self.store.open(self.model_name, dim, create=True)
            self._checked = True
        self._open()
        if not self.store.is_open:
            self.store.open(self.model_name, self._embedder("passages").dim, create=True)
        else:
            self.store.repair()
        pending: list[tuple[Article, tuple[Claim, ...]]] = []
        seen: set[str] = set()
        for article in articles:
            if article.id in seen:
                continue
            seen.add(article.id)
            existing = self.store.article(article.id)
            if existing is not None and existing.content_hash == article.content_hash:
                unchanged.append(article.source)
                continue
            article = with_language(article)
            claims = parse_article(article).claims
            if not claims:
                failed.append(SourceFailure(article.source, f"{article.source}: no sentences found"))
                continue
            pending.append((article, claims))
            (updated if existing is not None else added).append(article.source)
        embedded = self._embed_and_store(pending, progress)
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
            if is_url(text):
                try:
                    articles.append(fetch_article(text, self.fetch_settings))
                except SourceError as exc:
                    failures.append(SourceFailure(text, str(exc)))
                continue
            files = list(iter_source_files([source]))
            if not files:
                failures.append(SourceFailure(text, "no supported article files"))
            for path in files:
                try:
                    articles.append(read_article(path, self.max_bytes, detect=False))
                except SourceError as exc:
                    failures.append(SourceFailure(str(path), str(exc)))
        return articles, failures

    def _embed_and_store(
        self, pending: Sequence[tuple[Article, tuple[Claim, ...]]], progress: Progress | None
    ) -> int:
        """Embed and store claims in large batches across articles (faster); each article is still
        written atomically."""
        total = sum(len(claims) for _, claims in pending)
        done = 0
        group: list[tuple[Article, tuple[Claim, ...]]] = []
        for item in [*pending, None]:
            if item is not None:
                group.append(item)
            size = sum(len(claims) for _, claims in group)
            if group and (item is None or size >= EMBED_GROUP):
                texts = [passage_text(c) for _, claims in group for c in claims]

                def report(count: int, _all: int, base: int = done, title: str = group[0][0].title) -> None:
                    if progress is not None:
                        progress(f"embedding {title[:50]}", base + count, total)

                vectors = self._embedder("passages").embed_passages(texts, report)
                offsets = [0]
                for _, claims in group:
                    offsets.append(offsets[-1] + len(claims))
                self.store.put_articles(
                    [(a, c, vectors[offsets[k] : offsets[k + 1]]) for k, (a, c) in enumerate(group)]
                )
                done += size
                group = []
        return total

    def seed_if_empty(self, folder: Path) -> IndexReport | None:
        """First run: an empty index gets the shipped seed articles."""
        if folder.is_dir() and self.is_empty():
            return self.index([folder])
        return None

    def remove(self, article_id: str) -> ArticleRecord:
        """Remove by exact id or unique id prefix only: a destructive command does not guess."""
        self._open()
        q = article_id.strip().lower()
        matches = [r for r in self.store.articles() if r.id == q] or [
            r for r in self.store.articles() if len(q) >= 4 and r.id.startswith(q)
        ]
        if len(matches) != 1:
            found = "no article has" if not matches else f"{len(matches)} articles have"
            raise StoreError(f"{found} the id {article_id!r} (see `claimbot articles`)")
        with self._lock:
            self.store.remove_article(matches[0].id)
            self._lexicon = None
        return matches[0]

    # ------------------------------------------------------------ reading

    def version(self) -> tuple[int, int, int]:
        """Changes whenever the index is written, here or by another process (cheap to poll)."""
        self._open()
        return self.store.version()

    def written_here(self) -> bool:
        """Whether the index's last change was made by this process (the app's own add)."""
        return self.store.written_here()

    def is_empty(self) -> bool:
        self._open()
        return not self.store.is_open or self.store.count() == 0

    def articles(self) -> list[ArticleRecord]:
        self._open()
        return self.store.articles()

    def find_article(self, query: str) -> ArticleRecord:
        """An article by id, id prefix, source path/URL or a unique title fragment."""
        records = self.articles()
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
        """Claims in date and sentence order, filtered by speaker (across articles, loosely) and article."""
        self._open()
        where: dict[str, Any] = {}
        if article:
            where = {"article_id": self.find_article(article).id}
        if not speaker:
            return self.store.claims(where)
        claims = self.speaker_claims(speaker)
        return [c for c in claims if c.article_id == where["article_id"]] if where else claims

    def speaker_claims(self, name: str) -> list[Claim]:
        """One speaker's claims across all articles, oldest first: the speaker's timeline. The
        name may be the merged name, any alias or a loose form ("lavrov")."""
        lexicon = self._filled()
        return lexicon.directory.claims_of(name) if lexicon else []

    def speaker_directory(self) -> SpeakerDirectory:
        """Speakers merged across articles: which per-article names are one person."""
        self._open()
        return self._lexicon_now().directory

    def speaker_key(self, claim: Claim) -> str | None:
        """The key of a claim's speaker merged across articles (None for the narrator)."""
        lexicon = self._filled()
        return lexicon.directory.key_of(claim) if lexicon else None

    def speaker(self, name: str) -> Speaker | None:
        """The merged speaker a name refers to (canonical name, alias or loose form)."""
        lexicon = self._filled()
        return lexicon.directory.find(name) if lexicon else None

    def speakers(self) -> list[Speaker]:
        """Speakers merged across articles (see `speakers.py`), most claims first."""
        lexicon = self._filled()
        return lexicon.directory.speakers() if lexicon else []

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
        with self._lock:
            return self._ask(question, k, speaker, article, mode)

    def _ask(self, question: str, k: int, speaker: str | None, article: str | None, mode: str) -> Answer:
        question = self._clean_question(question)
        lexicon = self._filled()
        if lexicon is None:
            return Answer(question, True, (), note="the index is empty")
        where = self._filters(lexicon, speaker, article)
        if where is None:  # only an unknown speaker empties the filter; an unknown article raises
            return Answer(question, True, (), note=self._nobody_note(speaker or "", lexicon))
        person = retrieve.asked_person(question) if not speaker else None
        asked = self._named(person, lexicon) if person else set()  # "What did Hale say…?"
        if person and not asked:  # nobody of that name is quoted: no stand-in by role or by topic
            return Answer(question, True, (), (), self._nobody_note(person, lexicon))
        named = tuple(sorted(self._named(question, lexicon))) if not speaker else ()
        if not named and not speaker:
            named = tuple(sorted(retrieve.speakers_by_role(question, lexicon.roles)))
        allowed = _allowed(lexicon, where)
        lexical = {cid: v for cid, v in lexicon.bm25.scores(retrieve.terms(question)).items() if allowed(cid)}
        similarities = self._similarities(question, where, lexicon, named, lexical)
        favoured = [cid for cid in similarities if lexicon.claims[cid].speaker in named and allowed(cid)]
        groups = {cid: lexicon.claims[cid].language for cid in similarities}
        if mode == "dense":
            ranked = retrieve.fuse(similarities, {}, dict.fromkeys(similarities, ""), (), speaker_bonus=0.0)
        elif mode == "lexical":
            ranked = retrieve.fuse(dict.fromkeys(lexical, 0.0), lexical, {}, (), speaker_bonus=0.0)
        else:
            ranked = retrieve.fuse(similarities, lexical, groups, favoured)
            if asked:  # Hale's claims before sentences that mention him (or anyone else named)
                ranked.sort(key=lambda s: lexicon.claims[s.claim_id].speaker not in asked)
        best = max(similarities.values(), default=0.0)
        abstain = best < ABSTAIN_BELOW and not favoured
        hits = tuple(self._evidence(lexicon.claims[s.claim_id], s, lexicon) for s in ranked[:k])
        note = f"nothing in the index answers this closely (best similarity {best:.2f})" if abstain else ""
        return Answer(question, abstain, hits, named, note)

    def _filters(self, lexicon: _Lexicon, speaker: str | None, article: str | None) -> dict[str, Any] | None:
        """A Chroma `where` for the speaker and article filters; None when nothing can match."""
        clauses: list[dict[str, Any]] = []
        if speaker:
            names = sorted(lexicon.directory.raw_names(speaker))
            if not names:
                return None
            clauses.append({"speaker": {"$in": names}})
        if article:
            clauses.append({"article_id": self.find_article(article).id})
        if len(clauses) > 1:
            return {"$and": clauses}
        return clauses[0] if clauses else {}

    @staticmethod
    def _clean_question(text: str, what: str = "question") -> str:
        text = " ".join(text.split())
        if not text:
            raise StoreError(f"the {what} is empty")
        if len(text) > MAX_QUESTION_CHARS:
            raise StoreError(f"the {what} is {len(text)} characters; the limit is {MAX_QUESTION_CHARS}")
        return text

    @staticmethod
    def _named(question: str, lexicon: _Lexicon) -> set[str]:
        """Stored speaker names of the people a question names, with their names in other articles."""
        named = retrieve.speakers_named(question, lexicon.by_speaker)
        return {raw for name in named for raw in lexicon.directory.raw_names(name)}

    @staticmethod
    def _nobody_note(person: str, lexicon: _Lexicon) -> str:
        variants = retrieve.name_variants(person)
        mentions = sum(1 for text in lexicon.folded_texts().values() if any(v in text for v in variants))
        said = f"nobody called {person} is quoted in the index"
        return f"{said}; {person} is mentioned in {mentions} sentences" if mentions else said

    def _similarities(
        self,
        question: str,
        where: dict[str, Any],
        lexicon: _Lexicon,
        named: Sequence[str],
        lexical: dict[str, float],
    ) -> dict[str, float]:
        """Cosine similarity of the candidates: dense neighbours overall and in each article language
        (the model favours documents in the question's language), the best claims of a speaker the
        question names, and the top lexical hits."""
        vector = self._embedder("queries").embed_query(question)
        allowed = _allowed(lexicon, where)
        scan = self._scan(lexicon) if not where else None
        if scan is not None:
            found = scan.candidates(vector, UNFILTERED_CANDIDATES, DENSE_CANDIDATES)
        else:
            found = self._nearest(vector, where, allowed, lexicon)
        wanted = [cid for cid, _ in sorted(lexical.items(), key=lambda kv: -kv[1])[:20]]
        if named:
            said = (cid for name in named for cid in lexicon.by_speaker.get(name, ()))
            wanted += [cid for cid in said if allowed(cid)][:100]
        missing = [cid for cid in dict.fromkeys(wanted) if cid not in found]
        if missing:
            found.update((scan or VectorScan(self.store.vectors(missing), {})).similarities(vector, missing))
        return found

    def _scan(self, lexicon: _Lexicon) -> VectorScan | None:
        """The vectors in memory, from the second question on one state of the index: a one-shot
        `ask` does not pay for loading them (0.4 s at 10,000 claims), a TUI or an evaluation does once.
        Tried once per state: if another writer removed claims meanwhile, Chroma answers until the
        next state."""
        lexicon.asks += 1
        if lexicon.asks == 2 and len(lexicon.claims) <= SCAN_LIMIT:
            vectors = self.store.vectors(list(lexicon.claims))
            if len(vectors) == len(lexicon.claims):
                lexicon.scan = VectorScan(vectors, lexicon.by_language)
        return lexicon.scan

    def _nearest(
        self, vector: list[float], where: dict[str, Any], allowed: Callable[[str], bool], lexicon: _Lexicon
    ) -> dict[str, float]:
        """The dense candidates from Chroma, the same ones as `VectorScan.candidates`: one unfiltered
        query for many neighbours gives the best overall; a language with fewer than its share among
        them gets a query restricted to its claim ids (a `where` on the language is ~8x slower)."""

        def nearest(k: int, ids: Sequence[str] | None = None) -> dict[str, float]:
            found = self.store.nearest(vector, k, where, ids)
            return {cid: sim for cid, sim in found if cid in lexicon.claims}  # current versions only

        scanned = nearest(DENSE_SCAN)
        found = dict(list(scanned.items())[:UNFILTERED_CANDIDATES])
        by_language: dict[str | None, list[tuple[str, float]]] = {}
        for cid, sim in scanned.items():
            by_language.setdefault(lexicon.claims[cid].language, []).append((cid, sim))
        for language, ids in sorted(lexicon.by_language.items()):
            theirs = by_language.get(language, [])
            found.update(theirs[:DENSE_CANDIDATES])
            pool = [c for c in ids if allowed(c)] if where else ids
            if len(theirs) < min(DENSE_CANDIDATES, len(pool)):  # its best may lie outside the scan
                found.update(nearest(DENSE_CANDIDATES, pool))
        return found

    # ------------------------------------------------------------ across articles

    def similar(self, claim_id: str, k: int = 5) -> tuple[Claim, list[Related]]:
        """A claim (by id or a prefix of 6+ characters) and the closest claims in other articles,
        in any language: the same claim first, then related ones, best first."""
        with self._lock:
            current = self._current()
            claim = self._find_claim(claim_id, current)
            return claim, self._tracker.similar(claim, current, k)

    def compare(self, a_id: str, b_id: str) -> Related:
        """How claim b stands to claim a (the score `similar` gives; used by the evaluation)."""
        with self._lock:
            current = self._current()
            a, b = self._find_claim(a_id, current), self._find_claim(b_id, current)
            return self._tracker.compare(a, b, current)

    def check(self, statement: str) -> Check:
        """Who in the index says something like the statement, oldest first; never a verdict."""
        statement = self._clean_question(statement, "statement")
        with self._lock:
            lexicon = self._filled()
            if lexicon is None:
                return Check(statement, (), "the index is empty")
            return self._tracker.check(statement, lexicon.current())

    @staticmethod
    def _find_claim(claim_id: str, current: Claims) -> Claim:
        q = claim_id.strip().lower()
        if q in current.by_id:
            return current.by_id[q]
        matches = [c for cid, c in current.by_id.items() if len(q) >= 6 and cid.startswith(q)]
        if len(matches) == 1:
            return matches[0]
        reason = "no claim has" if not matches else f"{len(matches)} claims have"
        raise StoreError(f"{reason} the id {claim_id!r} (ids are in `claimbot claims --json`)")

    def _current(self) -> Claims:
        lexicon = self._filled()
        if lexicon is None:
            raise StoreError("the index is empty; add articles with `claimbot index`")
        return lexicon.current()

    def _filled(self) -> _Lexicon | None:
        """The in-memory side of an index that has claims; None for a missing or empty one."""
        self._open()
        lexicon = self._lexicon_now() if self.store.is_open else None
        return lexicon if lexicon is not None and lexicon.claims else None

    @staticmethod
    def _evidence(claim: Claim, scored: retrieve.Scored, lexicon: _Lexicon) -> Evidence:
        before = lexicon.positions.get((claim.article_id, claim.index - 1))
        after = lexicon.positions.get((claim.article_id, claim.index + 1))
        return Evidence(
            claim,
            scored.score,
            scored.similarity,
            before.text if before else None,
            after.text if after else None,
        )

    def _lexicon_now(self) -> _Lexicon:
        """The in-memory side of the index, rebuilt when the index changed. Under the engine lock:
        the TUI reads from worker threads while an index run resets it."""
        with self._lock:
            version = self.store.version()
            lexicon = self._lexicon
            if lexicon is None or lexicon.version != version:
                lexicon = self._lexicon = self._build_lexicon(version)
            return lexicon

    def _build_lexicon(self, version: tuple[int, ...]) -> _Lexicon:
        claims = {c.id: c for c in self.store.claims()}
        docs = {cid: retrieve.terms(lexical_text(c)) for cid, c in claims.items()}
        return _Lexicon(
            version=version,
            claims=claims,
            bm25=retrieve.BM25(docs),
            by_language=_group(claims.values(), lambda c: c.language),
            positions={(c.article_id, c.index): c for c in claims.values()},
            roles=_roles(claims.values()),
            directory=SpeakerDirectory(claims.values()),
            by_speaker=_group(claims.values(), lambda c: c.speaker),
        )


def _group(claims: Iterable[Claim], key: Callable[[Claim], str | None]) -> dict[str, list[str]]:
    """Claim ids by a field (speaker, language), in index order; claims without it are left out."""
    out: dict[str, list[str]] = {}
    for claim in claims:
        value = key(claim)
        if value:
            out.setdefault(value, []).append(claim.id)
    return out


def _roles(claims: Iterable[Claim]) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for claim in claims:
        if claim.speaker and claim.role:
            roles.setdefault(claim.speaker, set()).add(claim.role)
        if claim.speaker and claim.speaker_kind is not SpeakerKind.PERSON:
            roles.setdefault(claim.speaker, set()).add(claim.speaker)  # "Prosecutors", "the ministry"
    return roles


def _allowed(lexicon: _Lexicon, where: dict[str, Any]) -> Callable[[str], bool]:
    """The same filter as `where`, applied in memory to lexical hits."""
    clauses = where.get("$and", [where] if where else [])
    speakers: set[str] | None = None
    article_id: str | None = None
    for clause in clauses:
        if "speaker" in clause:
            speakers = set(clause["speaker"]["$in"])
        if "article_id" in clause:
            article_id = clause["article_id"]

    def allowed(claim_id: str) -> bool:
        claim = lexicon.claims[claim_id]
        return (speakers is None or claim.speaker in speakers) and (
            article_id is None or claim.article_id == article_id
        )

    return allowed


def passage_text(claim: Claim) -> str:
    """What is embedded for a claim: the sentence, with who says it, so that questions naming the
    speaker or role find sentences that say only "han" or "I"; and after it the article's title, so
    that a question about the story finds sentences that say only "mannen" or "the company"."""
    who = claim.speaker or ""
    if claim.role:
        who = f"{who} ({claim.role})" if who else claim.role
    text = f"{who}: {claim.text}" if who else claim.text
    return f"{text} ({claim.article_title})" if claim.article_title else text


def lexical_text(claim: Claim) -> str:
    return " ".join(x for x in (claim.speaker, claim.role, claim.text) if x)

"""The same claim in other articles: `similar` for a claim, `check` for a statement.

Candidates come from the index, whose stored vectors embed the speaker with the sentence, which
finds reports of a claim well but makes any two claims of one person look alike. Whether a
candidate says the same thing is therefore judged on the sentences without the words that name
their speakers (`matching.content_text`), embedded on demand with the query embedder and kept per
claim id, and scored by `matching.match` with the speakers merged across articles.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimbot import matching
from claimbot.model import Check, Claim, Related, SpeakerKind, date_order
from claimbot.speakers import SpeakerDirectory
from claimbot.store import ClaimStore, StoreError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from claimbot.embed import Embedder

CANDIDATES = 40  # nearest claims in the index that are scored
CANDIDATE_FLOOR = 0.75  # stored-vector similarity below which a candidate is not worth embedding
CACHE = 20_000  # sentence vectors kept (384 floats each)
CHECK_FLOOR = 0.875  # a bare statement sits close to every sentence of its language
CROSS_FLOOR = 0.83  # ... and further from its translation: a sentence in another language
CROSS_CANDIDATES = 10  # nearest claims of each other language
CHECK_BAND = 0.03  # ... so a direct match must also stand out: within this of the best
CHECK_EXPANDED = 5  # direct matches of a statement whose reports in other languages are added
CHECK_MARGIN = 0.02  # a report must clear the same-claim bar by this much


@dataclass(frozen=True)
class Claims:
    """What the tracker needs of the index's current state."""

    by_id: Mapping[str, Claim]
    directory: SpeakerDirectory
    by_language: Mapping[str, Sequence[str]]  # article language -> claim ids


class Tracker:
    """Finds the same claim elsewhere; holds the cache of sentence vectors."""

    def __init__(self, store: ClaimStore, embedder: Callable[[], Embedder]) -> None:
        self.store = store
        self._embedder = embedder
        self._vectors: dict[str, Any] = {}  # claim id -> unit vector of its content text

    def similar(self, claim: Claim, current: Claims, k: int) -> list[Related]:
        """The closest claims in other articles: the same ones first, then related, best first."""
        vector = self.store.vectors([claim.id]).get(claim.id)
        if vector is None:
            raise StoreError(f"the claim {claim.id} is no longer in the index")
        others = self._candidates(vector.tolist(), current, {"article_id": {"$ne": claim.article_id}})
        others += self._other_languages(vector.tolist(), current, claim.language, claim.article_id)
        others = list({c.id: c for c in others}.values())
        similarity = self._similarities(claim, others)
        related = [_related(claim, o, similarity[o.id], current.directory) for o in others]
        return sorted(related, key=lambda r: (not r.same, -r.score))[:k]

    def compare(self, a: Claim, b: Claim, current: Claims) -> Related:
        """How claim b stands to claim a (the score `similar` gives)."""
        return _related(a, b, self._similarities(a, [b])[b.id], current.directory)

    def check(self, statement: str, current: Claims) -> Check:
        """Who says something like the statement, oldest first; direct matches are joined by their
        reports in other languages (a statement is closest to sentences in its own language)."""
        from claimbot.language import detect_language

        vector = self._embedder().embed_passages([statement])[0]  # compared as a passage, like claims
        language = detect_language(statement)
        if language not in current.by_language:
            language = "und"  # short statements are often mistaken ("Putin stalls": Finnish)
        others = self._candidates(vector, current, None)
        others += self._other_languages(vector, current, language)
        others = list({c.id: c for c in others}.values())
        similarity = self._similarities(_unit(vector), others)
        found = sorted(
            (_related(statement, o, similarity[o.id], current.directory) for o in others),
            key=lambda r: -r.score,
        )
        direct = {r.claim.id: r for r in _direct(found, language)}
        reported = {
            r.claim.id: r
            for match in list(direct.values())[:CHECK_EXPANDED]
            for r in self.similar(match.claim, current, CHECK_EXPANDED)
            if r.claim.id not in direct and _reports(match, r, current.directory)
        }
        matches = sorted([*direct.values(), *reported.values()], key=lambda r: date_order(r.claim))
        if matches:
            return Check(statement, tuple(matches))
        closest = f" (closest: {found[0].score:.2f}, {found[0].claim.text[:60]!r})" if found else ""
        return Check(statement, (), f"nobody in the index says this{closest}")

    def _candidates(
        self,
        vector: Sequence[float],
        current: Claims,
        where: dict[str, Any] | None,
        k: int = CANDIDATES,
        ids: Sequence[str] | None = None,
    ) -> list[Claim]:
        nearest = self.store.nearest(vector, k, where, ids)
        return [current.by_id[cid] for cid, sim in nearest if cid in current.by_id and sim >= CANDIDATE_FLOOR]

    def _other_languages(
        self, vector: Sequence[float], current: Claims, language: str, article_id: str | None = None
    ) -> list[Claim]:
        """The nearest claims of each language but this one (outside the given article): the stored
        vectors carry the article's title, which keeps a claim's own language closest, so a report
        in another language would rarely make the overall candidates. Restricted by ids: a `where`
        on the language is slower."""
        out = []
        for other, ids in sorted(current.by_language.items()):
            if other != language:
                pool = [c for c in ids if current.by_id[c].article_id != article_id] if article_id else ids
                out += self._candidates(vector, current, None, CROSS_CANDIDATES, pool)
        return out

    def _similarities(
        self, source: Claim | npt.NDArray[np.float32], claims: Sequence[Claim]
    ) -> dict[str, float]:
        """Cosine similarity of a claim's content (or a statement's unit vector) to each claim's
        content."""
        import numpy as np

        if len(self._vectors) > CACHE:
            self._vectors.clear()
        wanted = [source, *claims] if isinstance(source, Claim) else list(claims)
        missing = list({c.id: c for c in wanted if c.id not in self._vectors}.values())
        if missing:
            texts = [matching.content_text(c) for c in missing]
            for claim, vec in zip(missing, self._embedder().embed_passages(texts), strict=True):
                self._vectors[claim.id] = _unit(vec)
        query = self._vectors[source.id] if isinstance(source, Claim) else source
        return {c.id: float(np.dot(self._vectors[c.id], query)) for c in claims}


def _related(a: Claim | str, b: Claim, similarity: float, directory: SpeakerDirectory) -> Related:
    """Claim b scored against claim a, or against a statement (whose speaker is unknown)."""
    if isinstance(a, str):
        text, same, people = a, None, False
    else:
        text, same = a.text, directory.same(a, b)
        people = a.speaker_kind == b.speaker_kind == SpeakerKind.PERSON
    m = matching.match(similarity, text, b.text, same, other_person=same is False and people)
    return Related(b, directory.canonical(b), m.score, similarity, m.same, m.conflicts)


def _direct(found: list[Related], language: str) -> list[Related]:
    """The claims that say a statement, best first: in its own language those close to it and to the
    best one; in another language (where the model puts even a translation further away) those over
    a lower bar, which `match` has already lowered for sentences that share nothing with it."""
    out = []
    for same_language in (True, False):
        group = [r for r in found if (r.claim.language == language or language == "und") is same_language]
        bar = CHECK_FLOOR if same_language else CROSS_FLOOR
        floor = max(bar, group[0].score - CHECK_BAND) if group else bar
        out += [r for r in group if r.score >= floor]
    return out


def _reports(match: Related, other: Related, directory: SpeakerDirectory) -> bool:
    """Whether `other` reports `match` in another language: the same merged speaker (or both the
    journalists' own words), and a score that clears the bar with a margin."""
    same = directory.same(match.claim, other.claim)
    both_narrated = match.claim.speaker is None and other.claim.speaker is None
    return (
        other.claim.language != match.claim.language
        and (same is True or both_narrated)
        and other.score >= matching.SAME_CLAIM + CHECK_MARGIN
    )


def _unit(vector: Sequence[float]) -> npt.NDArray[np.float32]:
    import numpy as np

    array = np.asarray(vector, dtype=np.float32)
    return array / (np.linalg.norm(array) or 1.0)

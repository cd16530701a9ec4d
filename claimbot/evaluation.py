"""Scoring attribution against hand-labelled gold files (speaker, kind and form per sentence)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimbot.model import Claim
from claimbot.parse import parse_article
from claimbot.sources import SourceError, read_article


@dataclass(frozen=True)
class GoldScore:
    """Counts for one gold article (or the sum of several)."""

    name: str
    sentences: int
    segmented: int  # gold sentences found as exactly one claim
    speaker_ok: int
    kind_ok: int
    form_ok: int
    true_pos: int  # gold and predicted both have a non-narrator speaker
    pred_pos: int
    gold_pos: int

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.sentences if self.sentences else 0.0

    @property
    def precision(self) -> float:
        return self.true_pos / self.pred_pos if self.pred_pos else 1.0

    @property
    def recall(self) -> float:
        return self.true_pos / self.gold_pos if self.gold_pos else 1.0

    @classmethod
    def zero(cls) -> GoldScore:
        return cls("total", *(0 for _ in _COUNTS))

    def __add__(self, other: GoldScore) -> GoldScore:
        return GoldScore(
            "total",
            *(getattr(self, f) + getattr(other, f) for f in _COUNTS),
        )


_COUNTS = ("sentences", "segmented", "speaker_ok", "kind_ok", "form_ok", "true_pos", "pred_pos", "gold_pos")


@dataclass(frozen=True)
class Mismatch:
    article: str
    text: str
    field: str
    expected: Any
    got: Any


def load_gold(path: Path) -> tuple[Path, dict[str, Any]]:
    """The gold data and the article file it describes (relative to the gold file or ../articles/)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    article = path.parent / gold["article"]
    if not article.exists():
        article = path.parent.parent / "articles" / gold["article"]
    return article, gold


def same_speaker(expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is got
    return " ".join(expected.lower().split()) == " ".join(got.lower().split())


def score_gold(path: Path) -> tuple[GoldScore, list[Mismatch]]:
    article_path, gold = load_gold(path)
    article = read_article(article_path)
    claims = parse_article(article).claims
    by_text: dict[str, Claim] = {c.text: c for c in claims}
    counts = dict.fromkeys(_COUNTS, 0)
    misses: list[Mismatch] = []
    position = 0
    text = article.text
    for item in gold["claims"]:
        counts["sentences"] += 1
        claim = by_text.get(item["text"])
        if claim is not None:
            counts["segmented"] += 1
        else:
            start = text.find(item["text"], position)
            claim = next((c for c in claims if c.start <= start < c.end), None) if start >= 0 else None
            misses.append(
                Mismatch(path.name, item["text"], "segmentation", item["text"], claim.text if claim else None)
            )
        if claim is None:
            continue
        position = claim.start
        expected_pos = item["speaker"] is not None
        got_pos = claim.speaker is not None
        counts["gold_pos"] += expected_pos
        counts["pred_pos"] += got_pos
        counts["true_pos"] += expected_pos and got_pos
        checks = (
            ("speaker", same_speaker(item["speaker"], claim.speaker), item["speaker"], claim.speaker),
            (
                "kind",
                item["speaker_kind"] == claim.speaker_kind,
                item["speaker_kind"],
                str(claim.speaker_kind),
            ),
            ("form", item["form"] == claim.form, item["form"], str(claim.form)),
        )
        for name, ok, expected, got in checks:
            counts[f"{name}_ok"] += ok
            if not ok:
                misses.append(Mismatch(path.name, claim.text, name, expected, got))
    return GoldScore(path.stem, **counts), misses


# ---------------------------------------------------------------- retrieval


@dataclass(frozen=True)
class RetrievalScore:
    """Retrieval quality of one ranking mode on a question set."""

    mode: str
    answerable: int
    recall_at_1: float
    recall_at_3: float
    mrr: float
    abstain_precision: float  # of the abstentions, how many were right
    abstain_recall: float  # of the unanswerable questions, how many were abstained on
    by_type: dict[str, tuple[int, float]]
    misses: tuple[str, ...] = ()


MODES = ("dense", "lexical", "hybrid")


def evaluate_retrieval(settings: Any, questions_path: Path, corpus: list[str]) -> list[RetrievalScore]:
    """Index the corpus into a throw-away index and score every mode on the questions."""
    import tempfile
    from dataclasses import replace

    from claimbot.factory import open_engine

    questions = json.loads(questions_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="claimbot-eval-") as tmp:
        engine = open_engine(replace(settings, index_dir=Path(tmp), chroma_url=None))
        report = engine.index(corpus)
        if not report.added:
            raise SourceError(f"the corpus {' '.join(corpus)} has no articles to index")
        stale = stale_answers(questions, {c.text for c in engine.claims()})
        if stale:  # a changed segmentation would otherwise count as retrieval misses
            raise SourceError(
                f"{len(stale)} answers in {questions_path} are not sentences of the corpus "
                f"(first: {stale[0][:70]!r}); re-derive them from `claimbot claims --json`"
            )
        return [score_mode(engine, questions, mode) for mode in MODES]


def stale_answers(questions: list[dict[str, Any]], sentences: set[str]) -> list[str]:
    """Answers of a question set that are no sentence of the corpus."""
    return [a for q in questions for a in q["answers"] if a not in sentences]


def score_mode(engine: Any, questions: list[dict[str, Any]], mode: str) -> RetrievalScore:
    ranks: list[int | None] = []
    types: dict[str, list[int | None]] = {}
    misses: list[str] = []
    abstained_right = abstained = unanswerable = caught = 0
    for q in questions:
        answer = engine.ask(q["question"], k=10, mode=mode)
        gold = set(q["answers"])
        if not gold:
            unanswerable += 1
            caught += answer.abstained
            abstained += answer.abstained
            abstained_right += answer.abstained
            continue
        abstained += answer.abstained
        texts = [h.claim.text for h in answer.hits]
        rank = next((i + 1 for i, t in enumerate(texts) if t in gold), None)
        ranks.append(rank)
        types.setdefault(q.get("type", "other"), []).append(rank)
        if rank != 1:
            misses.append(f"[{mode}] rank {rank}: {q['question']} -> {texts[0][:80] if texts else '-'}")
    n = len(ranks) or 1
    return RetrievalScore(
        mode=mode,
        answerable=len(ranks),
        recall_at_1=sum(r == 1 for r in ranks) / n,
        recall_at_3=sum(r is not None and r <= 3 for r in ranks) / n,
        mrr=sum(1 / r for r in ranks if r) / n,
        abstain_precision=abstained_right / abstained if abstained else 1.0,
        abstain_recall=caught / unanswerable if unanswerable else 1.0,
        by_type={
            t: (len(rs), sum(r is not None and r <= 3 for r in rs) / len(rs)) for t, rs in types.items()
        },
        misses=tuple(misses),
    )


# ---------------------------------------------------------------- tracking across articles


@dataclass(frozen=True)
class PairScore:
    """Precision and recall of a same/not-same decision over labelled pairs."""

    true_pos: int
    false_pos: int
    false_neg: int
    true_neg: int

    @property
    def pairs(self) -> int:
        return self.true_pos + self.false_pos + self.false_neg + self.true_neg

    @property
    def precision(self) -> float:
        predicted = self.true_pos + self.false_pos
        return self.true_pos / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_pos + self.false_neg
        return self.true_pos / actual if actual else 1.0

    @classmethod
    def of(cls, decisions: list[tuple[bool, bool]]) -> PairScore:
        """From (labelled same, predicted same) pairs."""
        return cls(
            sum(g and p for g, p in decisions),
            sum(p and not g for g, p in decisions),
            sum(g and not p for g, p in decisions),
            sum(not g and not p for g, p in decisions),
        )


@dataclass(frozen=True)
class TrackingScore:
    """Speaker merging and claim matching on a labelled corpus (tests/data/tracking)."""

    speakers: PairScore
    attributed: PairScore  # the same, over mentions that attribution gave a claim to
    mentions: int
    mentions_found: int
    claims: PairScore
    threshold: float
    sweep: tuple[tuple[float, PairScore], ...]
    misses: tuple[str, ...]


def evaluate_tracking(engine: Any, labels_path: Path) -> TrackingScore:
    """Index the labelled articles (into a throw-away engine); score speaker merges and claim matches."""
    from claimbot.matching import SAME_CLAIM

    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    folder = labels_path.parent / "articles"
    files = {Path(name).name: (folder / name).resolve() for name in labels["articles"]}
    report = engine.index([str(p) for p in files.values()])
    if report.failed:
        raise SourceError(f"cannot index {report.failed[0].source}: {report.failed[0].message}")
    by_article = _claims_by_file(engine, files)
    speakers, attributed, found, misses = _speaker_pairs(engine, labels["speakers"], by_article)
    scored, claim_misses = _claim_pairs(engine, labels, by_article)

    sweep = tuple(
        (t, PairScore.of([(gold, score >= t) for gold, score, _ in scored]))
        for t in (SAME_CLAIM - 0.04, SAME_CLAIM - 0.02, SAME_CLAIM, SAME_CLAIM + 0.02, SAME_CLAIM + 0.04)
    )
    return TrackingScore(
        speakers=PairScore.of(speakers),
        attributed=PairScore.of(attributed),
        mentions=sum(m.get("speaks", True) for s in labels["speakers"] for m in s["mentions"]),
        mentions_found=found,
        claims=PairScore.of([(gold, score >= SAME_CLAIM) for gold, score, _ in scored]),
        threshold=SAME_CLAIM,
        sweep=sweep,
        misses=tuple(
            misses + [m for gold, score, m in scored if gold != (score >= SAME_CLAIM)] + claim_misses
        ),
    )


def _claims_by_file(engine: Any, files: dict[str, Path]) -> dict[str, list[Any]]:
    from claimbot.sources import read_article

    ids = {name: read_article(path).id for name, path in files.items()}
    out: dict[str, list[Any]] = {name: [] for name in files}
    names = {article_id: name for name, article_id in ids.items()}
    for claim in engine.claims():
        if claim.article_id in names:
            out[names[claim.article_id]].append(claim)
    return out


def _speaker_pairs(
    engine: Any, speakers: list[dict[str, Any]], by_article: dict[str, list[Any]]
) -> tuple[list[tuple[bool, bool]], list[tuple[bool, bool]], int, list[str]]:
    """Every pair of labelled mentions in different articles: same person? merged by claimbot?"""
    from claimbot.speakers import name_key

    directory = engine.speaker_directory()
    mentions: list[tuple[str, str, str | None]] = []  # (label id, article, merged speaker or None)
    misses = []
    for person in speakers:
        # A mention labelled `speaks: false` only names the person; nobody should be attributed.
        for mention in (m for m in person["mentions"] if m.get("speaks", True)):
            article = Path(mention["article"]).name
            wanted = set(name_key(mention["name"]).split())
            candidates = [
                c for c in by_article[article] if c.speaker and set(name_key(c.speaker).split()) <= wanted
            ]
            merged = directory.canonical(candidates[0]) if candidates else None
            if merged is None:
                misses.append(f"[speaker] {mention['name']!r} in {article}: no claim attributed to it")
            mentions.append((person["id"], article, merged))
    pairs = [(a, b) for i, a in enumerate(mentions) for b in mentions[i + 1 :] if a[1] != b[1]]
    decisions = [(a[0] == b[0], a[2] is not None and a[2] == b[2]) for a, b in pairs]
    attributed = [(a[0] == b[0], a[2] == b[2]) for a, b in pairs if a[2] and b[2]]
    return decisions, attributed, sum(m[2] is not None for m in mentions), misses


def _claim_pairs(
    engine: Any, labels: dict[str, Any], by_article: dict[str, list[Any]]
) -> tuple[list[tuple[bool, float, str]], list[str]]:
    """(labelled same, score, description) for every labelled pair of claims in different articles."""
    misses: list[str] = []

    def find(member: dict[str, str]) -> Any:
        article = Path(member["article"]).name
        for claim in by_article[article]:
            if member["sentence"] in claim.text or claim.text in member["sentence"]:
                return claim
        misses.append(f"[claim] not found in {article}: {member['sentence'][:70]}")
        return None

    pairs: list[tuple[bool, Any, Any]] = []
    for group in labels["same_claims"]:
        members = [find(m) for m in group["members"]]
        pairs += [(True, a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    pairs += [(False, find(p["a"]), find(p["b"])) for p in labels["different_claims"]]
    out = []
    for gold, a, b in pairs:
        if a is None or b is None or a.article_id == b.article_id:
            continue
        related = engine.compare(a.id, b.id)
        label = "same" if gold else "different"
        out.append((gold, related.score, f"[{label} {related.score:.3f}] {a.text[:60]} | {b.text[:60]}"))
    return out, misses

"""Whether two claims say the same thing: the score behind `similar`, `check` and "Seen elsewhere".

A multilingual embedding puts a Swedish sentence near its English report, but it also puts "Russia
will study the proposal" near "Russia rejects the proposal" and "337 drones" near "57 drones". A
fact-checker needs those apart, so the cosine is corrected by the facts that must agree:

- numbers: both sentences state numbers and they differ;
- days: both name a weekday and the days differ;
- stance: one sentence negates or rejects and the other does not;
- speaker: two different named people say them (a claim is the same only from the same source);
  the same person (merged across articles) raises the score a little;
- anchors: unless one speaker says both, the sentences must share a number, a name or two content
  words. Short sentences of one language sit at cosine 0.86-0.91 from unrelated ones ("Men
  oppositionen ifrågasätter siffrorna." / "Det gör ont att ens tänka på det."), which the
  labelled pairs, all about one story, never showed: on 14 articles about different stories, 143
  of 301 claims had a "same claim" in another story without this, 25 with it.

The weights and the threshold were chosen on the labelled pairs in tests/data/tracking (see
`claimbot eval-tracking`); they are calibrated for the default e5 model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimbot.model import Claim, SpeakerKind
from claimbot.retrieve import STOPWORDS, fold, terms, transliterate

SAME_CLAIM = 0.86  # a score at or above this is shown as the same claim
NUMBER_CONFLICT = 0.15
DAY_CONFLICT = 0.05
STANCE_CONFLICT = 0.05
SAME_SPEAKER = 0.02
OTHER_PERSON = 0.08
UNANCHORED = 0.1

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_THOUSANDS = re.compile(r"(?<=\d)[,.\s\u00a0\u202f](?=\d{3}(?!\d))")
_WORD = re.compile(r"[^\W\d_]+")
# Number words, English and Swedish ("en"/"ett"/"one" are left out: they are mostly articles).
_NUMBER_WORDS = {
    word: str(value)
    for value, words in {
        2: "two två", 3: "three tre", 4: "four fyra", 5: "five fem", 6: "six sex", 7: "seven sju",
        8: "eight åtta", 9: "nine nio", 10: "ten tio", 11: "eleven elva", 12: "twelve tolv",
        15: "fifteen femton", 20: "twenty tjugo", 30: "thirty trettio", 40: "forty fyrtio",
        50: "fifty femtio", 100: "hundred hundra", 1000: "thousand tusen",
    }.items()
    for word in words.split()
}  # fmt: skip
_DAYS = {
    "mon": ("monday", "måndag"),
    "tue": ("tuesday", "tisdag"),
    "wed": ("wednesday", "onsdag"),
    "thu": ("thursday", "torsdag"),
    "fri": ("friday", "fredag"),
    "sat": ("saturday", "lördag"),
    "sun": ("sunday", "söndag"),
}
# Words that turn a statement around: negations, and the stems of verbs and nouns of refusal.
_NEGATIONS = {
    "not", "no", "never", "cannot", "nobody", "nothing", "neither", "nor", "inte", "ej", "aldrig", "ingen",
    "inget", "inga", "nej",
}  # fmt: skip
_REFUSALS = (
    "reject", "refus", "deny", "deni", "declin", "dismiss",
    "avvis", "vägra", "förnek", "avslå", "avslog", "avböj", "avfärd",
)  # fmt: skip


def numbers(text: str) -> frozenset[str]:
    """The numbers a sentence states, in digits or words ("seven of twelve" and "7 av 12" agree;
    "1,200", "1 200" and "1.200" are one number)."""
    text = _THOUSANDS.sub("", text)
    digits = {n.replace(",", ".") for n in _NUMBER.findall(text)}
    words = {_NUMBER_WORDS[w] for w in _WORD.findall(text.lower()) if w in _NUMBER_WORDS}
    return frozenset(digits | words)


def days(text: str) -> frozenset[str]:
    """Weekdays named, by word start ("onsdagen", "onsdags", "Wednesday"; not "Frida")."""
    words = _WORD.findall(fold(text))
    return frozenset(
        key for key, names in _DAYS.items() for n in names if any(w.startswith(fold(n)) for w in words)
    )


_FIRST = re.compile(r"\W*([A-ZÅÄÖ][\w-]{2,})")
_NAME = re.compile(r"(?<=[\w,;:)\]”\"] )[^\W\d_][\w-]{2,}")


def shares_anchor(a: str, b: str) -> bool:
    """Whether two sentences share something beyond their drift: a number, a name (a capitalised
    word inside the sentence, compared on its first five letters so that "Ukraina" and "Ukraine"
    agree) or two content words."""
    if a == b or numbers(a) & numbers(b):
        return True
    if _names(a) & _names(b):
        return True
    return len(_content_words(a) & _content_words(b)) >= 2


def _names(text: str) -> set[str]:
    words = [w for w in _NAME.findall(text) if w[0].isupper()]
    first = _FIRST.match(text)
    if first and first.group(1).lower() not in STOPWORDS:
        words.append(first.group(1))  # "Putin lovar …": a name opening the sentence counts too
    return {transliterate(fold(w))[:5] for w in words}


def _content_words(text: str) -> set[str]:
    return {w for w in terms(text) if len(w) >= 5}


def negated(text: str) -> bool:
    words = {w.lower() for w in _WORD.findall(text.replace("n't", " not"))}
    return bool(words & _NEGATIONS) or any(w.startswith(_REFUSALS) for w in words)


def content_text(claim: Claim) -> str:
    """The sentence without the words that name its speaker ("…, Foreign Minister Sergei Lavrov
    said"): two claims of one person are compared on what they say, not on who says it. Whole
    words only, so that removing "han" leaves "chans" alone."""
    text = claim.text
    phrases = [claim.mention, claim.role, claim.speaker]
    if claim.speaker_kind == SpeakerKind.PERSON and claim.speaker:
        phrases.append(claim.speaker.split()[-1])
    for phrase in phrases:
        if phrase and len(phrase) > 2:
            text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Match:
    """How close two claims are, and what spoke against them being the same."""

    score: float
    similarity: float
    conflicts: tuple[str, ...]

    @property
    def same(self) -> bool:
        return self.score >= SAME_CLAIM


def match(similarity: float, a: str, b: str, same_speaker: bool | None, other_person: bool = False) -> Match:
    """Score two claim texts whose embeddings have the given cosine similarity. `same_speaker` is
    None when either has no speaker; `other_person` when both are named people, not the same."""
    conflicts = []
    penalty = 0.0
    na, nb = numbers(a), numbers(b)
    if na and nb and na != nb:
        conflicts.append("numbers differ")
        penalty += NUMBER_CONFLICT
    da, db = days(a), days(b)
    if da and db and not da & db:
        conflicts.append("days differ")
        penalty += DAY_CONFLICT
    if negated(a) != negated(b):
        conflicts.append("one of them negates")
        penalty += STANCE_CONFLICT
    if other_person:
        conflicts.append("said by someone else")
        penalty += OTHER_PERSON
    if not same_speaker and not shares_anchor(a, b):
        conflicts.append("nothing in common")
        penalty += UNANCHORED
    bonus = SAME_SPEAKER if same_speaker else 0.0
    return Match(similarity - penalty + bonus, similarity, tuple(conflicts))

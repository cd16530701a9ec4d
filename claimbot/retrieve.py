"""Ranking without I/O: lexical scoring (BM25), speaker matching and the fusion of signals.

The engine gathers candidates (dense neighbours per article language, lexical hits, the claims of a
speaker the question names) and this module turns them into one ranked list with an honest
abstention decision.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"\w+", re.UNICODE)
STOPWORDS = frozenset(
    """
    och att det som en ett i på är av för med till den har de inte om var sig men han hon vi jag du
    så från eller när kan ska skulle vad vem vilka vilken hur varför sa säger sade också nu då här
    där efter vid under mot utan alla mer man blir blev hade deras dess hans hennes sin sitt sina
    the a an and or of to in on at for with by from is are was were be been it its this that these
    those he she they we i you his her their our what who whom which how why when where did does do
    say said says about into than then there not no but as also has have had will would can could
    """.split()
)
_SUFFIXES = (
    "arna",
    "erna",
    "orna",
    "ande",
    "ende",
    "ing",
    "ens",
    "ets",
    "en",
    "et",
    "na",
    "ar",
    "er",
    "or",
    "es",
    "ed",
    "s",
    "n",
)


def fold(text: str) -> str:
    """Lower case without accents: "Sergej Lavróv" and "sergej lavrov" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stem(word: str) -> str:
    """A light Swedish/English suffix stripper, enough to match "freden" with "fred"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """Search terms of a text: folded, stop words dropped, stemmed; numbers kept whole."""
    out = []
    for word in _WORD.findall(fold(text)):
        if word in STOPWORDS or (len(word) < 2 and not word.isdigit()):
            continue
        out.append(word if word.isdigit() else stem(word))
    return out


class BM25:
    """Okapi BM25 over a fixed set of documents."""

    def __init__(self, docs: Mapping[str, Sequence[str]], k1: float = 1.4, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        lengths = {doc_id: len(words) for doc_id, words in docs.items()}
        avg = (sum(lengths.values()) / len(lengths)) if lengths else 1.0
        # Postings: term -> [(doc, tf / length-normalised denominator)], so a query touches only
        # the documents that contain its terms.
        self.postings: dict[str, list[tuple[str, float]]] = {}
        for doc_id, words in docs.items():
            norm = k1 * (1 - b + b * lengths[doc_id] / avg)
            for term, tf in Counter(words).items():
                self.postings.setdefault(term, []).append((doc_id, tf * (k1 + 1) / (tf + norm)))
        n = len(docs)
        self.idf = {t: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for t, p in self.postings.items()}

    def scores(self, query: Iterable[str]) -> dict[str, float]:
        out: dict[str, float] = {}
        for term in set(query):
            idf = self.idf.get(term)
            if idf is None:
                continue
            for doc_id, weight in self.postings[term]:
                out[doc_id] = out.get(doc_id, 0.0) + idf * weight
        return out


@lru_cache(maxsize=65536)
def name_variants(name: str) -> frozenset[str]:
    """Folded forms by which a question may refer to a speaker: full name and surname. Cached: every
    question is compared with every speaker."""
    parts = _WORD.findall(fold(name))
    variants = {" ".join(parts)}
    if len(parts) >= 2 and len(parts[-1]) >= 2:
        variants.add(parts[-1])
    return frozenset(transliterate(v) for v in variants)


# Spelling variants of transliterated names, by position, so that only the known alternations
# fold together: "Ian"/"Jan" and "Wade"/"Vade" stay apart.
_SPELLINGS = (
    (re.compile(r"sj|sch"), "sh"),  # Usjakov, Ushakov
    (re.compile(r"zj"), "zh"),
    (re.compile(r"kh|ch|ck"), "k"),  # Mikhail, Michail; Michael, Mikael
    (re.compile(r"\b[jy]e|\bie"), "e"),  # Jekaterina, Yekaterina, Ekaterina
    (re.compile(r"\b[jy]u"), "iu"),  # Jurij, Yuri
    (re.compile(r"(?:ij|iy|yj|yy|ii|y)\b"), "i"),  # Dmitrij, Dmitry; Zelenskyj, Zelenskyy, Zelensky
    (re.compile(r"([aeou])[jy]\b"), r"\1i"),  # Sergej, Sergey, Sergei; Nikolaj, Nikolai
    (re.compile(r"([aeiou])j([aeiou])"), r"\1i\2"),  # Andrejev, Andreiev
)


def transliterate(text: str) -> str:
    """Fold common spelling variants of transliterated names (Sergej/Sergei, Dmitrij/Dmitry,
    Usjakov/Ushakov, Zelenskyj/Zelenskyy, Mikhail/Michail, Jekaterina/Ekaterina, Michael/Mikael)."""
    for pattern, replacement in _SPELLINGS:
        text = pattern.sub(replacement, text)
    return text


def speakers_named(question: str, speakers: Iterable[str]) -> set[str]:
    """The speakers a question names, loosely ("lavrov", "Sergei Lavrov", "Lavrovs")."""
    words = [transliterate(w) for w in _WORD.findall(fold(question))]
    text = " ".join(words)
    found = set()
    # A one-word description ("domen", "mannen", "laboratories") is a common noun, not a name: the
    # question "Vad tyckte borgmästaren om domen?" does not ask what the verdict said.
    variants = {s: name_variants(s) for s in speakers if " " in s.strip() or not s[:1].islower()}
    # Full names first, and blanked out once found: "Laura Chen" does not also name David Chen.
    for full in (True, False):
        hits = []
        for speaker, forms in variants.items():
            for variant in forms:
                match = (" " in variant) == full and re.search(rf"\b{re.escape(variant)}(s|')?\b", text)
                if match:
                    found.add(speaker)
                    hits.append(match.span())
        for start, end in hits:
            text = text[:start] + " " * (end - start) + text[end:]
    return found


# Role words in English and Swedish, so that "the prosecutor" finds "kammaråklagare Karin Lind".
ROLE_TRANSLATIONS = {
    "prosecutor": "åklagare",
    "minister": "minister",
    "spokes": "tales",
    "mayor": "borgmästare",
    "judge": "domare",
    "lawyer": "advokat",
    "chairman": "ordförande",
    "president": "president",
    "professor": "professor",
    "researcher": "forskare",
    "police": "polis",
    "court": "tingsrätt",
    "reporter": "reporter",
    "correspondent": "korrespondent",
    "chief": "chef",
    "executive": "vd",
    "analyst": "analytiker",
    "doctor": "läkare",
    "expert": "expert",
    "treasurer": "kassör",
    "director": "direktör",
    "official": "tjänsteman",
    "farmer": "bonde",
    "scientist": "forskare",
    "witness": "vittne",
    "economist": "ekonom",
    "ambassador": "ambassadör",
    "governor": "landshövding",
    "commander": "befälhavare",
    "teacher": "lärare",
    "nurse": "sjuksköterska",
    "neighbour": "granne",
    "lawmaker": "riksdagsledamot",
    "chair": "ordförande",
}


# Danish, Norwegian and German parts of role words, by their English key above: "the mayor" finds
# "Bürgermeisterin Sabine Krämer". Not "politi": it starts "politiker".
_OTHER_ROLES = {
    "burgermeister": "mayor", "borgmester": "mayor", "sprecher": "spokes",
    "talsmand": "spokes", "richter": "judge", "dommer": "judge", "anklager": "prosecutor",
    "staatsanwalt": "prosecutor", "formand": "chairman", "vorsitzend": "chairman", "polizei": "police",
}  # fmt: skip

# English role words that begin longer ones ("spokesman", "spokesperson", "policeman",
# "chairwoman"); the others match whole ("officially" is not an official, "nursery" not a nurse).
_ROLE_PREFIXES = frozenset({"spokes", "police", "chair"})


@lru_cache(maxsize=65536)
def role_terms(text: str) -> frozenset[str]:
    """Stemmed words of a role, with Swedish compounds split on known parts and translations added.
    Cached: every question compares against every speaker's roles."""
    out = set()
    for word in _WORD.findall(fold(text)):
        if word in STOPWORDS or len(word) < 4:
            continue
        out.add(stem(word))
        if word.endswith("ologist"):  # hydrogeologist / hydrogeolog(en), cardiologist / kardiolog
            out.add(word[:-3])
        for en, sv in ROLE_TRANSLATIONS.items():
            sv_folded = fold(sv)
            english = word in (en, f"{en}s") or (en in _ROLE_PREFIXES and word.startswith(en))
            if english or sv_folded in word:  # Swedish compounds: "kammaråklagare", "försvarsminister"
                out.update({en, sv_folded})
        for part, en in _OTHER_ROLES.items():
            if part in word:
                out.update({en, fold(ROLE_TRANSLATIONS[en])})
    return frozenset(out)


def speakers_by_role(question: str, roles: Mapping[str, Iterable[str]]) -> set[str]:
    """Speakers whose role the question names: "Vad sa försvarsministern?", "the prosecutor"."""
    wanted = role_terms(question)
    found = set()
    for speaker, speaker_roles in roles.items():
        have = set().union(*(role_terms(r) for r in speaker_roles)) if speaker_roles else set()
        strong = {t for t in wanted & have if t in _ROLE_KEYS or len(t) >= 8}
        if strong:
            found.add(speaker)
    return found


_ROLE_KEYS = frozenset(fold(w) for pair in ROLE_TRANSLATIONS.items() for w in pair if len(w) >= 4)


def speaker_matches(query: str, speaker: str | None) -> bool:
    """For --speaker filters: "lavrov", "Sergei Lavrov" and "Sergej Lavrov" all match."""
    if not speaker:
        return False
    q = transliterate(" ".join(_WORD.findall(fold(query))))
    full = transliterate(" ".join(_WORD.findall(fold(speaker))))
    return q == full or q in name_variants(speaker) or bool(q and re.search(rf"\b{re.escape(q)}\b", full))


_ASKED = re.compile(
    r"^(?i:what|vad)\s+(?i:did|does|has|have|had|do|sa|sade|säger|har|hade|tycker|tyckte|menar|skrev|skriver)\s+"
    r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
    r"(?P<name>[A-ZÅÄÖÆØ][\w'’-]+(?:\s+(?:(?:von|van|de|der|af|al|bin)\s+)*[A-ZÅÄÖÆØ][\w'’-]+)*)"
    r"(?P<after>\s+(?:say|said|tell|told|write|wrote|claim|think|mean|warn|argue|about|om|sagt|säga|skrivit|"
    r"tyckt|menat|on|of)\b|\s*[?.!]?$)",
)


def asked_person(question: str) -> str | None:
    """The name in "What did Putin say…?" / "Vad sa Lavrov om…?", when the question asks what a
    named speaker said; None for other questions."""
    match = _ASKED.match(question.strip())
    if not match:
        return None
    name = match.group("name")
    first = name.split()[0]
    return name if first[:1].isupper() and first.lower() not in STOPWORDS else None


@dataclass(frozen=True)
class Scored:
    claim_id: str
    score: float
    similarity: float  # raw cosine to the question
    lexical: float  # BM25, normalised to the best lexical hit


def standardise(similarities: Mapping[str, float], groups: Mapping[str, str]) -> dict[str, float]:
    """z-scores of cosine similarities within each group (document language), to remove the
    multilingual model's bias towards documents in the question's own language."""
    by_group: dict[str, list[float]] = {}
    for claim_id, sim in similarities.items():
        by_group.setdefault(groups.get(claim_id, ""), []).append(sim)
    stats = {}
    for group, values in by_group.items():
        top = sorted(values, reverse=True)[:20]
        mean = statistics.fmean(top)
        spread = statistics.pstdev(top) if len(top) > 2 else 0.0
        stats[group] = (mean, max(spread, 0.02))
    return {
        cid: (sim - stats[groups.get(cid, "")][0]) / stats[groups.get(cid, "")][1]
        for cid, sim in similarities.items()
    }


def fuse(
    similarities: Mapping[str, float],
    lexical: Mapping[str, float],
    groups: Mapping[str, str],
    speaker_ids: Iterable[str] = (),
    *,
    lexical_weight: float = 0.35,
    speaker_bonus: float = 0.5,
    language_share: float = 0.8,
) -> list[Scored]:
    """One ranking from dense similarity (standardised per language), BM25 and the speaker match.

    The similarity is mostly standardised per language and partly over all candidates: fully per
    language, the best of every language ranks near the top whatever its relevance, which pushed
    answers down on articles written blind (MRR 0.770 -> 0.800 with 0.8; 0.819 -> 0.827 on ours)."""
    per_language = standardise(similarities, groups)
    overall = standardise(similarities, {})
    z = {c: language_share * per_language[c] + (1 - language_share) * overall[c] for c in similarities}
    best_lex = max(lexical.values(), default=0.0) or 1.0
    favoured = set(speaker_ids)
    ranked = []
    for claim_id, sim in similarities.items():
        lex = lexical.get(claim_id, 0.0) / best_lex
        score = z[claim_id] + lexical_weight * lex * 2.0 + (speaker_bonus if claim_id in favoured else 0.0)
        ranked.append(Scored(claim_id, score, sim, lex))
    return sorted(ranked, key=lambda s: -s.score)

"""Who says each sentence: quotation spans, cue verbs, `enligt`/`according to`, names and pronouns.

Rule-based and language-light (word lists per language in `cues`; French, Spanish, Italian and
Portuguese sentences are read by `romance`, and what it finds is resolved here like the rest). The
article is read in order, keeping a registry of the people it names, so that "Lavrov" and "han"
resolve to the full name given at first mention, and multi-sentence quotations inherit the speaker
named at either end.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from claimbot import cues, names, romance
from claimbot.model import NARRATION, Attribution, Form, Segment, SpeakerKind
from claimbot.tokens import Found, Token, tokenize

_TITLE_GENDER = {
    "mr.": "m",
    "mr": "m",
    "mrs.": "f",
    "ms.": "f",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "herr": "m",
    "fru": "f",
    "mme": "f",  # French "Mme Roux"
    "mlle": "f",
}
_GENDERED_NOUNS = {
    "mannen": "m",
    "kvinnan": "f",
    "pojken": "m",
    "flickan": "f",
    "man": "m",
    "woman": "f",
    "boy": "m",
    "girl": "f",
    "mamman": "f",
    "pappan": "m",
}
_DASHES = "–—"
# Quotation marks by kind: a closing mark closes the innermost open quotation of its own kind.
_DOUBLE, _GUILLEMET, _SINGLE, _SINGLE_GUILLEMET, _DASH = range(5)
_MARK_KIND = {
    **dict.fromkeys('“”„‟"', _DOUBLE),
    **dict.fromkeys("«»", _GUILLEMET),
    **dict.fromkeys("‘’‚‛", _SINGLE),
    **dict.fromkeys("‹›", _SINGLE_GUILLEMET),
}
_NESTED_KINDS = frozenset({_SINGLE, _SINGLE_GUILLEMET})
_QUOTE_MARKS = '“”„‟"«»'  # the marks that quote a sentence, not a word inside a quotation
_OPEN_CONTEXT = "([{/" + _DASHES  # a mark after these opens
_CONTACT = re.compile(
    r"\b(pratat|talat|talade|pratade|spoke|spoken|talked|told|intervjuats|intervjuat|kontaktat)\b"
)
# Upper- and lowercase letters of the Latin, Greek and Cyrillic scripts: "Ánte", "Łukasz", "Željko".
_UPPER = "[" + "".join(c for c in map(chr, range(0x530)) if c.isupper() and c.isalpha()) + "]"
_LOWER = "[" + "".join(c for c in map(chr, range(0x530)) if c.islower() and c.isalpha()) + "]"
_VIA = re.compile(rf"(?:\btill|\bto|\bfor|\bför)\s+(?={_UPPER})|\b(?:seen|reviewed|obtained)\s+by\s+")
_FINITE_SV = frozenset(
    [
        "är",
        "var",
        "har",
        "hade",
        "finns",
        "fanns",
        "ska",
        "skulle",
        "kan",
        "kunde",
        "kommer",
        "blir",
        "blev",
        "måste",
        "vill",
        "får",
        "fick",
        "går",
        "gick",
        "ligger",
        "låg",
        "står",
        "stod",
        "rör",
        "handlar",
        "gäller",
        "väntas",
        "beräknas",
        "tros",
        "anses",
        "uppges",
        "bedöms",
        "saknas",
        "uppgår",
        "innebär",
        "leder",
        "ledde",
        "visar",
        "visade",
        "råder",
        "rådde",
        "behövs",
        "krävs",
        "hotar",
        "hotade",
        "drabbas",
        "drabbades",
        "is",
        "was",
        "are",
        "were",
        "has",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "seems",
        "appears",
        "remains",
    ]
)


@dataclass
class _Entity:
    name: str
    position: int
    kind: SpeakerKind = SpeakerKind.PERSON
    gender: str | None = None
    role: str | None = None
    age: str | None = None
    company: bool = False  # a company's name ("Carrow Motors"): "the company" may refer back to it


_PARTICLES = frozenset({"von", "van", "de", "af", "der", "al", "bin", "da", "di", "la", "le"})
# Inside Portuguese, Spanish and Italian names ("Maria das Dores", "José dos Santos"); in German "das"
# is an article and in Danish "da" is "when", so these count only in those languages' articles.
_ROMANCE_PARTICLES = frozenset({"das", "dos", "do", "del", "di", "da"})


@dataclass
class Registry:
    """People and sources an article names, in order of mention, for later references."""

    entities: list[_Entity] = field(default_factory=list)
    common_words: frozenset[str] = frozenset()
    particles: frozenset[str] = _PARTICLES  # lowercase words inside names: "von", "das"

    def find(self, name: str) -> _Entity | None:
        return next((e for e in self.entities if e.name.lower() == name.lower()), None)

    def add(
        self, name: str, position: int, kind: SpeakerKind = SpeakerKind.PERSON, **extra: str | None
    ) -> None:
        entity = self.find(name)
        if entity is None:
            entity = _Entity(name, position, kind)
            self.entities.append(entity)
        entity.position = max(entity.position, position)
        hint = _gender_hint(name) if kind is SpeakerKind.PERSON else None  # not "Anna Bergs advokat"
        entity.gender = entity.gender or extra.get("gender") or hint
        honorific = (entity.role or "").lower().rstrip(".") in _HONORIFICS  # "Dr", then what she does
        entity.role = (extra.get("role") or entity.role) if honorific else (entity.role or extra.get("role"))

    def people(self) -> list[_Entity]:
        return [e for e in self.entities if e.kind is SpeakerKind.PERSON]

    def by_surname(self, word: str, position: int, gender: str | None = None) -> str | None:
        low = word.lower()
        matches = [p for p in self.people() if " " in p.name and p.name.split()[-1].lower() == low]
        matches = matches or [p for p in self.people() if low in p.name.lower().split()]
        if gender:
            matches = [p for p in matches if p.gender in (None, gender)] or matches
        if not matches:
            return None
        before = [p for p in matches if p.position <= position] or matches
        return max(before, key=lambda p: p.position).name

    def by_role(self, noun: str, position: int) -> _Entity | None:
        """ "åklagaren" / "the ministry": the latest entity whose role or description has that noun."""
        stem = _definite_stem(noun)
        if len(stem) < 4:
            return None
        hits = [
            e
            for e in self.entities
            if e.position <= position
            and (
                # the head of a compound title: "kammaråklagare", not "djurparkschefen" for "djurparken"
                any(stem in h[-len(stem) - 2 :] for h in _role_heads(e.role))
                or (e.kind is SpeakerKind.SOURCE and stem in _source_head(e.name))
            )
        ]
        return max(hits, key=lambda e: e.position) if hits else None

    def by_owned_role(self, words: Sequence[str], position: int) -> _Entity | None:
        """ "Kallvattnet's municipal leader" / "Boreal Graphites vd": the latest person whose role is
        that (and, when their role names an owner too, the same owner)."""
        wanted = _possessive_role(words)
        if wanted is None:
            return None
        owner, title = wanted
        hits = []
        for e in self.people():
            role = e.role or ""
            if e.position > position or not re.search(rf"(?<!\w){re.escape(title)}(?!\w)", role.lower()):
                continue
            theirs = _possessive_role(role.split())
            if theirs is None or not owner or not theirs[0] or theirs[0] == owner:
                hits.append(e)
        return max(hits, key=lambda e: e.position) if hits else None

    def organisation(self, noun: str, position: int) -> _Entity | None:
        """The organisation "the agency" / "myndigheten" refers back to: the latest source before the
        position, if it is a named organisation of that kind ("Britain's Met Office" is an agency);
        otherwise none, rather than a guess."""
        sources = [e for e in self.entities if e.kind is SpeakerKind.SOURCE and 0 <= e.position <= position]
        if not sources:
            return None
        latest = max(sources, key=lambda e: e.position)
        if _ORG_NOUNS[noun] is _COMPANY:
            return latest if latest.company else None
        return latest if _named_organisation(latest.name, _ORG_NOUNS[noun]) else None

    def named_ending(self, words: Sequence[str], position: int) -> _Entity | None:
        """The named organisation "the coast guard" refers back to: "the Swedish Coast Guard"."""
        tail = " " + " ".join(words).lower()
        hits = [
            e
            for e in self.entities
            if e.kind is SpeakerKind.SOURCE
            and 0 <= e.position <= position
            and any(w[:1].isupper() for w in e.name.split())
            and f" {e.name.lower()}".endswith(tail)
            and e.name.lower() != tail.strip()
        ]
        return max(hits, key=lambda e: e.position) if hits else None

    def unnamed(self, position: int) -> _Entity | None:
        """The latest unnamed source ("en anställd på X", "a senior official"), for "personen"."""
        hits = [
            e
            for e in self.entities
            if e.kind is SpeakerKind.SOURCE
            and 0 <= e.position <= position
            and e.name.split()[0] in _INDEFINITE
        ]
        return max(hits, key=lambda e: e.position) if hits else None

    def company(self, word: str) -> _Entity | None:
        """The company a first word of its name stands for: "Carrow" for "Carrow Motors"."""
        return next((e for e in self.entities if e.company and e.name.split()[0] == word), None)

    def by_age(self, age: str, position: int) -> _Entity | None:
        hits = [e for e in self.entities if e.age == age and e.position <= position]
        return max(hits, key=lambda e: e.position) if hits else None

    def touch(self, name: str, position: int) -> None:
        entity = self.find(name)
        if entity is not None:
            entity.position = max(entity.position, position)

    def pronoun(self, word: str, position: int) -> _Entity | None:
        want = "m" if word in cues.PRONOUNS_MALE else "f" if word in cues.PRONOUNS_FEMALE else None
        candidates = [
            e
            for e in self.entities
            if 0 <= e.position <= position and (e.kind is SpeakerKind.PERSON or e.gender)
        ]
        for entity in sorted(candidates, key=lambda e: -e.position):
            if want is None or entity.gender in (None, want):
                return entity
        return None


def _role_heads(role: str | None) -> list[str]:
    """The title words of a role, lowercased: "presstalesperson" of "polisens presstalesperson" and
    of "presstalesperson vid polisregion Syd", so that "polisen" does not refer to its spokesperson;
    both "försvarare" and "advokat" of "Mannens försvarare, advokat"."""
    heads: list[str] = []
    for part in (role or "").lower().split(","):
        heads += _ROLE_HEAD_END.split(f" {part.strip()} ", maxsplit=1)[0].split()[-1:]
    return heads


def _source_head(name: str) -> str:
    """What "the trust" / "källan" may refer back to in a source's name: all of a proper name
    ("University of Northbridge"), the head of a description ("an official", not "with knowledge of
    the trust's finances")."""
    low = name.lower()
    return low if name[:1].isupper() else _ROLE_HEAD_END.split(low, maxsplit=1)[0]


def _possessive_role(words: Sequence[str]) -> tuple[str, str] | None:
    """(owner, role) of "Kallvattnet's municipal leader", "Boreal Graphites vd", "the company's chief
    executive", lowercased, or None. The owner is "" when it is a common noun ("the company's", "bolagets"):
    that refers back to whichever owner the article is about."""
    if (
        3 <= len(words) <= 4
        and words[0].lower() in _THE
        and all(w.isalpha() and w.islower() for w in words[1:])
    ):
        return "", " ".join(words[1:])  # "the chief medical officer": whoever was so titled
    for k in range(len(words) - 2, -1, -1):
        title = [w.lower() for w in words[k + 1 :]]
        owner = list(words[: k + 1])
        if owner[0].lower() in cues.DETERMINERS:
            owner = owner[1:]
        plain = not title or len(title) > 3 or not all(w.isalpha() and w == w.lower() for w in words[k + 1 :])
        if plain or any(w in cues.DETERMINERS | cues.PREPOSITIONS | cues.CLAUSE_WORDS for w in title):
            continue
        if not owner or len(owner) > 4 or not _genitive(owner[-1]):
            continue
        if not all(_cap(w) for w in owner):
            return "", " ".join(title)
        owner[-1] = re.sub(r"(’s|'s|:s|s)$", "", owner[-1])
        return " ".join(owner).lower(), " ".join(title)
    return None


# "Die Ministerin", "la ministra", "le maire" are definite too
_THE = frozenset("the den det der die das le la les el los las il lo gli o os".split())
_PORTUGUESE_THE = frozenset({"a", "as"})  # also English words: definite only in a Portuguese article


def _definite_stem(noun: str) -> str:
    low = re.sub(r"^l['’]", "", noun.lower())  # "l'avocat"
    for suffix in ("erna", "arna", "orna", "en", "et", "n"):
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            return low[: -len(suffix)]
    return low


# ---------------------------------------------------------------- quotation spans


def quote_masks(paragraph: str) -> tuple[list[bool], bool]:
    """Per character: inside a quotation? Also whether the paragraph ends inside one.

    Quotations nest, so they are read with a small stack of open marks. Whether a mark opens or
    closes is read from its neighbours, not from the character: Swedish ”…”, »…« and »…», English
    “…” and "…" use the same marks either way round (after a space a mark opens, before a space or
    punctuation it closes). A closing mark whose kind is not open is stray and changes nothing.
    A quotation the paragraph never closes ends at an attribution tail inside it (", said X",
    ", säger X"), so that the tail names the speaker instead of being read as quoted words.
    """
    unclosed = _quote_scan(paragraph, frozenset())[1]
    mask, still_open = _quote_scan(paragraph, unclosed)
    return mask, bool(still_open)


def _quote_scan(paragraph: str, unclosed: frozenset[int]) -> tuple[list[bool], frozenset[int]]:
    """The mask and the positions of the marks (and dashes) still open at the end of the paragraph.
    A quotation opened by a dash or at a position in `unclosed` ends where an attribution tail starts."""
    mask = [False] * len(paragraph)
    stack: list[tuple[int, int]] = [(0, _DASH)] if paragraph[:1] in _DASHES else []  # (position, kind)
    depth = [0] * _DASH + [len(stack)]  # how many quotations of each kind are open
    opened_before = False  # the character before is a mark that opened a quotation: “‘
    interrupted = False  # a dash quotation was broken off by "—dijo X": a dash after X resumes it
    for i, ch in enumerate(paragraph):
        kind = _MARK_KIND.get(ch)
        if kind is not None:
            action = _mark_action(kind, _mark_direction(paragraph, i, opened_before), bool(stack), depth)
            if action > 0:
                stack.append((i, kind))
                depth[kind] += 1
            elif action < 0:  # a closing mark also closes what was left open inside its quotation
                while (closed := stack.pop()[1]) != kind:
                    depth[closed] -= 1
                depth[kind] -= 1
            mask[i] = action != 0 or bool(stack)
            opened_before = action > 0
            continue
        opened_before = False
        if ch in _DASHES and stack and stack[-1][1] == _DASH and _dash_interrupts(paragraph, i):
            depth[stack.pop()[1]] -= 1  # Spanish "—No vamos a rendirnos —dijo la alcaldesa—. Vamos …"
            interrupted = True
        elif (
            ch in _DASHES
            and not stack
            and (_dash_opens(paragraph, i) or (interrupted and _dash_resumes(paragraph, i)))
        ):
            stack.append((i, _DASH))
            depth[_DASH] += 1
            interrupted = False
        elif stack and ch == " " and _tail_starts(paragraph, i):
            while stack and (stack[-1][1] == _DASH or stack[-1][0] in unclosed):
                depth[stack.pop()[1]] -= 1
        mask[i] = bool(stack)
    return mask, frozenset(position for position, _ in stack)


def _mark_direction(paragraph: str, i: int, opened_before: bool) -> int:
    """1 where a quotation mark can only open, -1 where it can only close, 0 where either."""
    before = paragraph[i - 1] if i else ""
    after = paragraph[i + 1 : i + 2]
    # French "« Nous ne céderons pas »", spaced inside (Danish »Vi …«, Swedish »…» are not)
    if paragraph[i] == "«" and after.isspace() and (not before or before.isspace() or before in "(:"):
        return 1
    if paragraph[i] == "»" and before.isspace() and not after.isalnum():
        return -1
    after_opening = not before or before.isspace() or before in _OPEN_CONTEXT or opened_before
    if after and not after.isspace() and after_opening:
        return 1
    if not after_opening and not after.isalnum():
        return -1
    return 0


def _mark_action(kind: int, direction: int, inside: bool, depth: Sequence[int]) -> int:
    """1: the mark opens a quotation, -1: it closes the innermost open one of its kind, 0: neither."""
    is_open = depth[kind] > 0
    if kind in _NESTED_KINDS and (direction == 0 or not inside):
        return 0  # single marks are apostrophes too: ‘…’ and ›…‹ only quote inside a quotation
    if direction == 0:
        direction = -1 if is_open else 1
    if direction < 0:
        return -1 if is_open else 0
    return 1


def _dash_opens(paragraph: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and paragraph[j].isspace():
        j -= 1
    return i == 0 or (j >= 0 and paragraph[j] in ".!?" and paragraph[i + 1 : i + 2] == " ")


def _dash_interrupts(paragraph: str, i: int) -> bool:
    """ "rendirnos —dijo", "telhado — contou": a dash after a space and before a speech verb breaks
    off a dash quotation (a dash before other words is a dash inside it)."""
    if i == 0 or not paragraph[i - 1].isspace():
        return False
    word = re.match(r"\s?(\w+)", paragraph[i + 1 : i + 30])
    return word is not None and word.group(1) in _DASH_CUES


# Only the verbs of languages that write dialogue with dashes: a Swedish "– tror jag –" is an aside.
_DASH_CUES = frozenset().union(*(g.verbs for g in cues.ROMANCE.values()))


def _dash_resumes(paragraph: str, i: int) -> bool:
    """ "Fernández—. Vamos a …": a dash after the attribution, then the quotation goes on."""
    return i > 0 and paragraph[i - 1].isalnum() and paragraph[i + 1 : i + 3] in (". ", ", ")


def _tail_starts(paragraph: str, i: int) -> bool:
    """The attribution tail after a quotation starts at this space: ", säger X", "?” said X"."""
    j = i - 1
    while j >= 0 and paragraph[j] in _MARK_KIND:
        j -= 1
    if j < 0 or paragraph[j] not in ",?!" or paragraph[i : i + 1] != " ":
        return False
    words = paragraph[i + 1 : i + 80].split(None, 2)[:2]
    return any(w.strip(",.").lower() in cues.CUE_VERBS for w in words)


# ---------------------------------------------------------------- finding attributions


def _is_adverbial(tok: Token) -> bool:
    return tok.low in cues.PREPOSITIONS or tok.low in cues.OPENING_ADVERBS or tok.low in cues.MIDDLE_ADVERBS


def _subject_before(tokens: list[Token], at: int, named: bool = False) -> bool:
    """The word at `at` can end a subject: a name, a pronoun or a noun ("the agency", "Facket"), not
    an opening adverbial ("Nu har …", "I dag har …") after which the subject follows the auxiliary.
    `named`: only a capitalised word or a pronoun will do ("Under dagen har polisen …" is inverted)."""
    if at < 0 or not tokens[at].is_word or tokens[at].quoted or _is_adverbial(tokens[at]):
        return False
    tok = tokens[at]
    if tok.low in cues.PRONOUNS or (tok.is_cap and tok.low not in cues.DETERMINERS):
        return True
    if named or tok.low in cues.DETERMINERS | cues.CLAUSE_WORDS | cues.AUXILIARIES:
        return False
    return tok.low.endswith(_DEFINITE) or (at > 0 and tokens[at - 1].low in cues.DETERMINERS)


def _adverb(tok: Token) -> bool:
    return _is_adverbial(tok) or (tok.low.endswith("ly") and len(tok.low) > 4)


def _middle_adverbial(phrase: list[Token], tokens: list[Token], aux_at: int) -> bool:
    """ "Föräldrarna har länge krävt", "Facket har hela tiden hävdat", "Critics have long argued":
    one or two lowercase words between an auxiliary and the verb are an adverbial when the subject
    stands before the auxiliary. Inverted after a fronted adverbial, the subject stands there instead
    and is a definite noun or a pronoun ("Nu har regeringen meddelat", "I dag har polisen sagt")."""
    if len(phrase) == 1 and _adverb(phrase[0]):
        return True
    if len(phrase) > 2 or any(t.is_cap or t.low in cues.PRONOUNS for t in phrase):
        return False
    if len(phrase) == 2:
        article = phrase[0].low in ("en", "ett", "den", "det", "de", "the", "a", "an")
        return not article and _subject_before(tokens, aux_at - 1, named=True)
    if phrase[0].low in cues.DETERMINERS or phrase[0].low.endswith(_DEFINITE):
        return False
    return _subject_before(tokens, aux_at - 1)


def _roleish(low: str) -> bool:
    """A role or title word, also in the Swedish definite form ("riksdagsledamoten", "ministern"), a
    profession ("hydrogeologist", "ekologen") and a compound headed by one ("eu-kommissionären")."""
    head = low.rsplit("-", 1)[-1]
    after_e = head[:-1] if head.endswith("en") else head  # "ordföranden", "skogsägaren"
    return any(_title_form(w) for w in (low, head, _definite_stem(head), after_e))


def _title_form(low: str) -> bool:
    if low in cues.ROLE_WORDS or low.endswith(cues.ROLE_SUFFIXES):
        return True
    if len(low) > 8 and low.endswith("in") and low[:-2].endswith(cues.ROLE_SUFFIXES):
        return True  # German feminine titles: "Gewerkschaftssekretärin", "Direktorin"
    return len(low) >= 6 and low.endswith(cues.PROFESSION_SUFFIXES) and not low.endswith(cues.NAME_ENDINGS)


def _left_subject(tokens: list[Token], cue_at: int) -> Found | None:
    """The subject read leftwards from a cue verb.

    Skips auxiliaries and adverbials between subject and verb ("har under rättegången medgett"),
    parentheses ("(C)"), relative clauses (", som Kyiv Post pratat med,", "who spoke on condition
    of anonymity") and appositions (", advokat Sofia Ek,", ", a battery analyst,").
    """
    phrase: list[Token] = []
    via: str | None = None
    role: str | None = None
    relative: str | None = None
    closed = False  # a comma stands between the phrase read so far and the verb
    i = cue_at - 1
    listed = _listing_relative(tokens, cue_at)
    if listed is not None:  # ", which represents … in Norway, Sweden and Finland, said"
        relative, via, closed = tokens[listed + 1].low, _via_in(tokens[listed + 1 : cue_at]), True
        i = listed - 1
    while i >= 0:
        tok = tokens[i]
        if tok.quoted or tok.text in _QUOTE_MARKS:
            break
        if tok.text == ")":
            j = i
            while j >= 0 and tokens[j].text != "(" and i - j < 8:
                j -= 1
            if j < 0:
                break
            i = j - 1
            continue
        if tok.text == ",":
            if phrase:
                # "Maria Andersson, a researcher at X in Uppsala, Sweden, said": what was read is the
                # apposition (too long or with too many commas for one clause) of a name before it.
                name = _name_before(tokens, i) if closed and _apposition_start(phrase[0]) else None
                if name:
                    text = " ".join(t.text for t in phrase)
                    return Found(name, "", ", ".join(p for p in (text, role) if p), via, relative=relative)
                break
            opening = _comma_clause_start(tokens, i)
            if opening is None:
                break
            inner = _outside_parentheses(tokens[opening + 1 : i])  # not the party: ", Eva Berg (M),"
            if not inner:
                break
            if inner[0].low in _RELATIVE_GENITIVES:
                pass  # ", whose study warned …,": a relative clause about the name before it
            elif inner[0].low in ("som", "who", "which") or _der_relative(inner):
                via = via or _via_in(inner)
                relative = inner[0].low
            elif _ends_in_name(inner):
                return _apposed_name(tokens, opening, inner, via)
            elif _ends_in_name(_without_home(inner)):  # ", 18-year-old Ellie Brandon from Sheffield,"
                return _apposed_name(tokens, opening, _without_home(inner), via)
            elif len(inner) == 1 and inner[0].text.isdigit():
                pass  # an age: "Daniel Ferris, 41, said"
            else:
                role = ", ".join(p for p in (" ".join(t.text for t in inner), role) if p)
            closed = True
            i = opening - 1
            continue
        start = _org_conjunct(tokens, i, phrase) if phrase and not closed else None
        if start is not None:  # "The Department of Health and Social Care said": one name
            phrase = tokens[start : i + 1] + phrase
            i = start - 1
            continue
        if not tok.is_word:
            break
        if not phrase and (tok.low in cues.AUXILIARIES or tok.low in _BETWEEN_SUBJECT_AND_VERB):
            i -= 1
            continue
        if tok.low in ("som", "who", "which") and closed and i > 0 and tokens[i - 1].text == ",":
            # "Per Holm, som är ordförande i Göteborg, Sverige, säger": a relative clause after the name
            via = via or _via_in([tok, *phrase])
            relative = tok.low
            phrase, role = [], None  # what the clause said is not an apposition of the name
            i -= 2
            continue
        if tok.low in ("som", "who", "which") and phrase and i > 0 and tokens[i - 1].is_word:
            if i >= 2 and tokens[i - 2].low in ("så", "lika"):
                return None  # a comparison, not a relative clause: "Så sent som i mars sade X"
            via = via or _via_in([tok, *phrase])
            relative = tok.low
            phrase = []
            i -= 1
            continue
        if tok.low in _RELATIVE_GENITIVES:
            return None  # "whose study warned": the verb of a relative clause, not of the sentence
        if tok.low in cues.AUXILIARIES or tok.low in cues.CLAUSE_WORDS:
            adverb = tok.low in _ADVERB_AUXILIARIES  # "also": the verb follows it, the subject is before
            if adverb and phrase and not closed and _subject_before(tokens, i - 1) and not _adverb(phrase[0]):
                return None  # "The Commission also faces (tough) questions": a verb, and the cue a noun
            middle = bool(phrase) and not adverb and not closed and _middle_adverbial(phrase, tokens, i)
            if phrase and tok.low in cues.AUXILIARIES and (_is_adverbial(phrase[0]) or middle):
                phrase = []  # an adverbial between the auxiliary and the verb; the subject is before it
                i -= 1
                continue
            break
        phrase.insert(0, tok)
        i -= 1
        if len(phrase) > (16 if closed else 10):  # an apposition between commas may run longer
            return None
    if not phrase or _is_adverbial(phrase[0]):
        return None
    if any(t.low in _FINITE_SV or t.low in cues.CUE_VERBS for t in phrase):
        return None
    if i >= 0 and tokens[i].is_word and tokens[i].low not in cues.AUXILIARIES | cues.CLAUSE_WORDS:
        return None
    phrase, place = _split_trailing_pp(phrase)
    if place:
        role = " ".join(p for p in (place, role) if p)
    return Found(phrase, tokens[cue_at].text, role, via, relative=relative)


def _without_home(inner: list[Token]) -> list[Token]:
    """An apposition without the place a person comes from: "18-year-old Ellie Brandon" of
    "18-year-old Ellie Brandon from Sheffield"."""
    for k in range(2, len(inner) - 1):
        if inner[k].low in _FROM and all(t.is_cap for t in inner[k + 1 :]):
            return inner[:k]
    return inner


def _listing_relative(tokens: list[Token], cue_at: int) -> int | None:
    """The comma that opens a relative clause with commas of its own (a list) right before the verb:
    ", which represents Sami organisations in Norway, Sweden, Finland and Russia, said"."""
    if cue_at < 2 or tokens[cue_at - 1].text != ",":
        return None
    commas = 0
    for j in range(cue_at - 2, max(-1, cue_at - 30), -1):
        tok = tokens[j]
        if tok.quoted or tok.low in cues.CUE_VERBS:
            return None
        if tok.text == ",":
            commas += 1
            if tokens[j + 1].low in ("som", "who", "which"):
                return j if commas >= 2 else None
    return None


def _outside_parentheses(tokens: Sequence[Token]) -> list[Token]:
    """The words of a clause that are not inside parentheses."""
    words: list[Token] = []
    depth = 0
    for t in tokens:
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.is_word:
            words.append(t)
    return words


# Lowercase words between a subject and its verb ("Doyle later told", "X också säger").
_BETWEEN_SUBJECT_AND_VERB = frozenset(
    {"inte", "not", "också", "även", "later", "earlier", "previously", "separately", "recently",
     "repeatedly", "subsequently", "initially", "again", "senare", "tidigare"}
)  # fmt: skip
_NAME_LINKS = frozenset({"of", "for", "för", "on", "de", "du"})


def _org_conjunct(tokens: list[Token], conj_at: int, phrase: list[Token]) -> int | None:
    """Where the first half of an organisation's name starts when the conjunction at `conj_at` is
    inside that name ("The Department of Health and Social Care", "Maritime and Logistics Workers'
    Union", "Myndigheten för samhällsskydd och beredskap"); None when it joins two subjects
    ("Putin och Trump", "the union and the company"), which stay as they were read."""
    if tokens[conj_at].low not in ("and", "och", "&"):
        return None
    start = conj_at
    while start > 0 and conj_at - start < 6:
        word = tokens[start - 1]
        if word.quoted or not word.is_word or word.low in cues.CLAUSE_WORDS | cues.AUXILIARIES:
            break
        start -= 1
    while start < conj_at and not (tokens[start].is_cap or tokens[start].low == "the"):
        start += 1  # the name starts with a capital: "det sa Myndigheten för …" starts at "Myndigheten"
    left = tokens[start:conj_at]
    linked = any(t.low in _NAME_LINKS for t in left)  # lowercase words may follow "för", "of"
    words_ok = all(
        t.is_cap or t.low == "the" or t.low in _NAME_LINKS or (linked and t.low.isalpha()) for t in left
    )
    right_ok = all(t.is_cap or (linked and t.low.isalpha() and t.low not in cues.DETERMINERS) for t in phrase)
    named = _is_org([t.text for t in left + phrase])
    # "Culture, Media and Sport Secretary Lisa Nandy": a title in it makes it a person's role.
    titled = any(_roleish(t.low) for t in [*left[:1], *phrase])
    return start if left and words_ok and right_ok and named and not titled else None


def _split_trailing_pp(phrase: list[Token]) -> tuple[list[Token], str | None]:
    """ "Riksdagsledamoten Erik Lindberg i försvarsutskottet": a prepositional phrase after a
    person's name is part of their role, not of the name."""
    for k in range(2, len(phrase) - 1):
        if phrase[k].low not in cues.PREPOSITIONS:
            continue
        head = phrase[:k]
        # A person: a given name or a title before the capitalised word, not "Statens X i Y".
        person = any(t.low in names.GIVEN or _roleish(t.low) for t in head[:-1])
        if head[-1].is_cap and person and head[0].low not in cues.DETERMINERS:
            # "i en intervju med SVT" says where it was said, not where the person works
            where = phrase[k + 1].is_cap or _definite_head(phrase[k + 1], phrase[k + 2 :])
            return head, " ".join(t.text for t in phrase[k:]) if where else None
        return phrase, None
    return phrase, None


def _apposition_start(tok: Token) -> bool:
    """An apposition opens with an article or a role word, not with a name."""
    return tok.low in cues.DETERMINERS or not tok.is_cap or _roleish(tok.low)


def _name_before(tokens: list[Token], comma_at: int) -> list[Token] | None:
    """A short capitalised name that ends at `comma_at` and starts the clause."""
    j = comma_at - 1
    if j >= 1 and tokens[j].text.isdigit() and tokens[j - 1].text == ",":
        j -= 2  # an age: "Jane Doe, 54, a nurse at …, said"
    name: list[Token] = []
    while j >= 0 and tokens[j].is_word and not tokens[j].quoted:
        if not (tokens[j].is_cap or (name and tokens[j].low in _PARTICLES)):
            break
        name.insert(0, tokens[j])
        j -= 1
    if not name or len(name) > 4 or _is_adverbial(name[0]) or name[0].low in cues.DETERMINERS:
        return None
    if j >= 0 and tokens[j].is_word and tokens[j].low not in cues.CLAUSE_WORDS:
        return None
    return name


def _ends_in_name(inner: list[Token]) -> bool:
    """ ", advokat Sofia Ek," / ", Kremls talesperson Dmitrij Peskov,": the apposition ends in a name
    of two or more words. Not ", an analyst at the Nordic Security Institute,": that describes."""
    if inner[0].low in cues.DETERMINERS:
        return False
    run = 0
    while run < len(inner) and (inner[-1 - run].is_cap or inner[-1 - run].low in _PARTICLES):
        run += 1
    head = inner[: len(inner) - run]
    return run >= 2 and _name_run(inner) and not any(t.low in cues.PREPOSITIONS for t in head)


def _apposed_name(tokens: list[Token], opening: int, inner: list[Token], via: str | None) -> Found:
    """ ", advokat Sofia Ek," names the speaker; what stands before the comma is a role."""
    name_at = next(k for k, t in enumerate(inner) if t.is_cap and not _roleish(t.low))
    before = _left_subject(tokens, opening) if opening > 0 else None
    # "Dr" and "Mr" before the name are no role: ", Dr Priya Nandakumar,"
    title = [t.text for t in inner[:name_at] if t.low.rstrip(".") not in _NO_ROLE]
    parts = (" ".join(t.text for t in before.phrase) if before else None, " ".join(title))
    role = ", ".join(p for p in parts if p) or None
    return Found(inner[name_at:], "", role, via)


def _name_run(tokens: Sequence[Token]) -> bool:
    """Two or more capitalised words in a row that are not role words."""
    run = 0
    for t in tokens:
        run = run + 1 if t.is_cap and not _roleish(t.low) else 0
        if run >= 2:
            return True
    return False


def _comma_clause_start(tokens: list[Token], comma_at: int) -> int | None:
    """Index of the comma that opens a short clause closed by the comma at `comma_at`."""
    j = comma_at - 1
    while j >= 0 and tokens[j].text != "," and comma_at - j < 14:
        if tokens[j].quoted:
            return None
        j -= 1
    if j < 0 or tokens[j].text != "," or j + 1 >= comma_at:
        return None
    inner = [t for t in tokens[j + 1 : comma_at] if t.is_word]
    if not inner:
        return None
    if inner[0].low in _RELATIVES or _der_relative(inner):
        return j
    if any(t.low in _FINITE_SV or t.low in cues.CUE_VERBS or _passive_past(t) for t in inner):
        return None
    return j


def _der_relative(inner: list[Token]) -> bool:
    """Danish ", der står bag projektet," and German ", die dieser Zeitung vorliegt,": a relative
    clause; not the German apposition ", der Vorsitzende des Vereins," (a noun follows)."""
    return len(inner) > 1 and inner[0].low in ("der", "die", "das") and not inner[1].is_cap


def _passive_past(tok: Token) -> bool:
    """A Swedish s-passive in the past ("sövdes", "hittades"): a clause with a verb, no apposition."""
    return not tok.is_cap and len(tok.low) > 5 and tok.low.endswith("des")


def _via_in(tokens: list[Token]) -> str | None:
    """The outlet a source was reached through: ", som Kyiv Post pratat med," / "seen by Reuters"."""
    words = [t for t in tokens if t.is_word]
    text = " ".join(t.text for t in words)
    if words and words[0].low in ("som", "who", "which") and _CONTACT.search(text):
        name = [t.text for t in words[1:] if t.is_cap]
        return " ".join(name) or None
    match = _VIA.search(text)
    if not match:
        return None
    name = [w for w in text[match.end() :].split() if w[:1].isupper() or w[:1].isdigit()]
    return " ".join(name) or None


def _right_subject(tokens: list[Token], cue_at: int) -> Found | None:
    """The subject after a cue verb (inverted order), with an apposition after it as the role."""
    phrase: list[Token] = []
    i = cue_at + 1
    while i < len(tokens):
        tok = tokens[i]
        if (
            not tok.is_word
            or tok.quoted
            or (
                tok.low in cues.RIGHT_BOUNDARY
                and not (phrase and tok.low in ("of", "för", "vid") and not phrase[-1].is_cap)
            )
        ):
            break
        ended = not tok.is_cap and not _continues_name(phrase[-1], tok) if phrase else False
        if ended and phrase[-1].is_cap and not _german_genitive(tokens, i):
            break  # "klagade Lavrov över att", "krävde Putin samtidigt att": the name has ended
        if len(phrase) == 1 and _definite_noun(phrase[0]) and not tok.is_cap and not _roleish(tok.low):
            break  # "uppmanade polisen boende i Hille att …": a definite noun, then the object
        if (
            phrase
            and (tok.low in _FINITE_SV or tok.low in cues.AUXILIARIES)
            and not _title_before_name(tokens, i)
        ):
            break  # "said the government had ignored …": a finite verb ends the subject
        phrase.append(tok)
        i += 1
        if phrase[0].low in cues.PRONOUNS:
            break
        if len(phrase) > 8:
            return None
    if not phrase or (phrase[0].low in cues.PRONOUNS and len(phrase) > 1):
        return None
    after = tokens[i].low if i < len(tokens) else ""
    if after in _FINITE_SV or (after in cues.AUXILIARIES and after not in ("also", "too", "then")):
        return None  # "said Oslo would wait": the subject of the reported clause, not of the verb
    first = phrase[0]
    # "säger källan", "säger kvinnan": a definite noun (not "man", "sedan")
    definite = first.low.endswith(("en", "et", "na", "erna", "arna")) or (
        first.low.endswith("an") and len(first.low) >= 5 and first.low not in _NOT_DEFINITE
    )
    # "säger utrikesminister Lavrov", "säger kommunens presschef Anna Ek", and with the name in an
    # apposition: "siger foreningens formand, Sofie Damgaard"
    titled = any(_roleish(t.low) for t in phrase[:-1]) and phrase[-1].is_cap
    owned_title = not phrase[-1].is_cap and _roleish(phrase[-1].low)  # "Kolding Kommunes beredskabschef"
    titled = titled or (owned_title and any(_genitive(t.text) for t in phrase[:-1]))
    sources = first.low in _SOURCE_NOUNS  # "uppger källor för Dagens Nyheter"
    if len(phrase) == 1 and definite and _roleish(first.low):
        placed = _title_place_name(tokens, i)
        if placed is not None:  # "säger statssekreteraren på Näringsdepartementet Maria Holm Eriksson"
            name, place = placed
            return Found(name, tokens[cue_at].text, f"{first.text} {place}")
    if not (
        first.is_cap
        or first.low in cues.PRONOUNS
        or first.low in cues.DETERMINERS
        or definite
        or titled
        or sources
    ):
        return None
    role = None
    i = _after_party(tokens, i)  # "säger Annika Dahlberg (S), ordförande i …"
    if i < len(tokens) and tokens[i].text == ",":
        role = _appositive(tokens, i + 1)
        if role and (not phrase[0].is_cap or owned_title) and _name_run(tokens[i + 1 : i + 6]):
            # "said the mayor, Tom Ellis": the apposition is the name.
            names = [t for t in tokens[i + 1 : i + 6] if t.is_word and t.is_cap]
            return Found(names, tokens[cue_at].text, " ".join(t.text for t in phrase))
        role = role or _described(tokens, i + 1)
    return Found(phrase, tokens[cue_at].text, role)


def _definite_noun(tok: Token) -> bool:
    return not tok.is_cap and len(tok.low) >= 5 and tok.low.endswith(("en", "et"))


def _title_place_name(tokens: list[Token], i: int) -> tuple[list[Token], str] | None:
    """The name and the place in "… på Näringsdepartementet Maria Holm Eriksson." at the end of a
    sentence, after a title: one capitalised word for the place, two or three for the name."""
    rest = [t for t in tokens[i:] if t.is_word]
    if tokens[-1].text not in ".!" or len(rest) not in (4, 5) or rest[0].low not in cues.PREPOSITIONS:
        return None
    if not all(t.is_cap and not t.quoted for t in rest[1:]) or rest[1].text.endswith("s"):
        return None
    if any(not t.is_word for t in tokens[i:-1]):
        return None  # a comma or parenthesis: another construction
    return rest[2:], f"{rest[0].text} {rest[1].text}"


# Words ending in -an after a speech verb that are no definite nouns.
_NOT_DEFINITE = frozenset({"sedan", "redan", "annan"})


def _title_before_name(tokens: list[Token], i: int) -> bool:
    """A title that is also a Swedish verb, followed by a name: "sier daglig leder Ingrid Fossum"."""
    return _roleish(tokens[i].low) and i + 1 < len(tokens) and tokens[i + 1].is_cap


def _after_party(tokens: list[Token], i: int) -> int:
    """The position after a short parenthesis behind a name, such as a party "(S)" or an age "(45)"."""
    if i + 2 < len(tokens) and tokens[i].text == "(" and tokens[i + 2].text == ")" and tokens[i + 1].is_word:
        return i + 3
    return i


def _described(tokens: list[Token], start: int) -> str | None:
    """ ", who was waiting at a bus stop." / ", som bor intill vägen." after a person's name at the
    end of a sentence: the only description the article gives of them."""
    if start + 1 >= len(tokens) or tokens[start].low not in ("som", "who"):
        return None
    if not _subject_relative(tokens[start + 1]):
        return None  # "who Tom Ellis replaced", "som polisen grep": the clause is about someone else
    words: list[str] = []
    for tok in tokens[start:]:
        if tok.quoted or (not tok.is_word and tok.text not in ".!"):
            return None  # another clause or a quotation follows: not a plain description
        if not tok.is_word:
            break
        words.append(tok.text)
    return " ".join(words) if 3 <= len(words) <= 14 else None


_POSSESSIVES = frozenset(
    "his her their its our my your hans hennes deras dess sin sitt sina vår vårt min mitt".split()
)


def _subject_relative(after: Token) -> bool:
    """Whether the word after "who"/"som" starts the clause's verb phrase (the speaker does
    something), not another subject: a name, a determiner or pronoun, or a Swedish definite noun."""
    low = after.low
    if not after.is_word or after.is_cap or low in cues.DETERMINERS | cues.PRONOUNS | _POSSESSIVES:
        return False
    return low in cues.AUXILIARIES or low in _FINITE_SV or not low.endswith(("en", "et", "na"))


def _continues_name(last: Token, tok: Token) -> bool:
    """After a capitalised word, a lowercase word still belongs to the subject only as a title
    ("Kremls talesperson"), after a genitive ("Russia's defence ministry") or as a particle."""
    if _roleish(tok.low) or tok.low in _PARTICLES:
        return True
    if last.low.endswith(("a", "e")) and tok.low.endswith(("et", "en", "an")):
        return True  # a Swedish adjective and definite noun: "Vita huset", "Svarta havet"
    genitive = last.text.endswith(("’s", "'s", ":s")) or (
        # a noun the genitive owns: not "sagte Jürgen Albers am Morgen"
        _genitive(last.text) and tok.low not in _NOT_OWNED and len(tok.low) > 2
    )
    return genitive


_NOT_OWNED = cues.OPENING_ADVERBS | cues.PREPOSITIONS  # words a genitive cannot own


def _appositive(tokens: list[Token], start: int) -> str | None:
    """ ", presschef på Trafikverket," / ", the mayor." after a name."""
    words: list[str] = []
    for tok in tokens[start:]:
        if not tok.is_word or tok.quoted or tok.low in _RELATIVES | {"och", "and", "att", "that"}:
            break
        if tok.low in _FINITE_SV or tok.low in cues.CUE_VERBS:
            return None
        words.append(tok.text)
        if len(words) > 9:
            return None
    if words and words[0].isdigit():
        return None  # an age: "Lisa Håkansson, 24,"
    return " ".join(words) or None


def find_cue(tokens: list[Token]) -> Found | None:
    """The first speech-verb attribution in a sentence, outside quotations."""
    words = [t for t in tokens if t.is_word and not t.quoted]
    title_case = sum(t.is_cap for t in words) >= 0.6 * len(words)  # "Minister Says Tariffs Will Rise"
    for i, tok in enumerate(tokens):
        clause_cue = tok.low in cues.CLAUSE_CUES and _followed_by_clause(tokens, i)
        if tok.quoted or not (tok.low in cues.CUE_VERBS or clause_cue):
            continue
        if tok.is_cap and not title_case and any(t.is_word for t in tokens[:i]):
            continue  # part of a name: "the United States", not the verb "states"
        if i > 0 and tokens[i - 1].low in _PASSIVE:
            continue  # "the plant was announced": nobody speaks
        if i > 0 and _verb_before_noun(tokens[i - 1], tok):
            continue  # "the ministry faces questions": a plural noun after a verb, not a speech verb
        if _unsaid(tokens, i):
            continue  # "X har inte svarat på frågor": the narrator reports that nothing was said
        if i + 1 < len(tokens) and tokens[i + 1].low == "upp" and tok.low in _SAY_FORMS:
            continue  # "har sagt upp sig": resigned; nobody speaks
        if i > 0 and tokens[i - 1].low in ("så", "so") and tok.low.startswith(("kallad", "called")):
            continue  # "den så kallade Burgeskatten", "the so-called": a name, not speech
        left = _opening_relative(tokens, i) or _left_subject(tokens, _coordinated_verb(tokens, i))
        if left:
            if left.phrase[0].low in ("det", "detta", "that", "this", "so", "das") and len(left.phrase) == 1:
                right = _right_subject(tokens, i)
                if right:
                    return replace(right, backward=True)
                continue
            if tok.low in cues.WEAK_CUES and not _followed_by_clause(tokens, i):
                continue
            return replace(
                left,
                cue=tok.text,
                role=left.role or _appositive_after(tokens, left.phrase),
                personal=_personal_report(tokens, i),
            )
        if i > 0 and tokens[i - 1].low in ("och", "and", "men", "but"):
            continue  # a second verb of the same subject; the first cue decides
        right = _right_subject(tokens, i)
        if right and (i == 0 or not tokens[i - 1].is_word or tokens[i - 1].quoted or _fronted(tokens, i)):
            return right
    return None


def _coordinated_verb(tokens: list[Token], cue_at: int) -> int:
    """Where the subject of a cue verb is read from: the verb before "och"/"and" when the cue is
    the second of two ("Statens vegvesen har avvist kravet og mener at …"), else the cue itself."""
    if cue_at < 2 or tokens[cue_at - 1].low not in _CONJUNCTIONS:
        return cue_at
    for j in range(cue_at - 2, -1, -1):
        tok = tokens[j]
        if tok.quoted or not (tok.is_word or tok.text == ","):
            return cue_at
        if tok.low in cues.AUXILIARIES or tok.low in _FINITE_SV or tok.low in cues.CUE_VERBS:
            return j
    return cue_at


_CONJUNCTIONS = frozenset({"och", "og", "and", "und", "samt"})


def _opening_relative(tokens: list[Token], cue_at: int) -> Found | None:
    """ "An official who asked not to be named because … said", "En tjänsteman som inte vill
    framträda med namn säger": a sentence that opens with an indefinite noun phrase and a relative
    clause without commas; the noun phrase is the subject of the cue, not the clause's last words."""
    if not tokens or tokens[0].low not in ("a", "an", "en", "ett", "one"):
        return None
    k = next((j for j in range(2, min(7, cue_at)) if tokens[j].low in ("who", "som")), None)
    # "En källa inom Kustbevakningen som …": a name may stand in the noun phrase, not first in it
    if k is None or tokens[1].is_cap or not all(t.is_word for t in tokens[1:k]):
        return None
    if any(not t.is_word or t.quoted or t.low in cues.CUE_VERBS for t in tokens[k + 1 : cue_at]):
        return None  # a comma, a quote or another speech verb: the clause is not that simple
    return Found(tokens[:k], tokens[cue_at].text, None, _via_in(tokens[k:cue_at]), relative=tokens[k].low)


_SOURCE_NOUNS = frozenset({"källor", "sources", "kilder", "quellen", "officials", "tjänstemän"})
_SAY_FORMS = frozenset({"säger", "sa", "sade", "sagt", "säga"})


def _unsaid(tokens: list[Token], cue_at: int) -> bool:
    """A negated speech verb with nothing reported after it ("har ännu inte kommenterat ansökan",
    "vill inte säga hur …", "has not commented on the report"): nobody is quoted. With a reported
    clause ("tror inte att …", "did not say that …") the clause is still theirs."""
    if not any(t.low in _NEGATIONS and not t.quoted for t in tokens[max(0, cue_at - 2) : cue_at]):
        return False
    after = tokens[cue_at + 1 : cue_at + 3]
    return not any(t.quoted or t.low in ("att", "that", ":") for t in after)


def _verb_before_noun(before: Token, cue: Token) -> bool:
    """ "faces questions", "denies claims": an -s cue word right after a lowercase word in -s. A subject
    there would be a plural noun, which does not take a verb in -s, so the cue word is a noun."""
    if not (cue.low.endswith("s") and before.is_word and not before.is_cap and not before.quoted):
        return False
    low = before.low
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "’s", "'s"))


def _personal_report(tokens: list[Token], cue_at: int) -> bool:
    """ "X said on Friday that he …": a he/she subject of the report marks X as a person."""
    previous = tokens[cue_at]
    for tok in tokens[cue_at + 1 : cue_at + 8]:
        if tok.quoted or not tok.is_word:
            return False
        if tok.low in cues.PRONOUNS_MALE | cues.PRONOUNS_FEMALE:
            return previous is tokens[cue_at] or previous.low in ("att", "that")
        if tok.low in cues.CLAUSE_WORDS and tok.low not in ("att", "that"):
            return False
        previous = tok
    return False


def _followed_by_clause(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1 : i + 3]
    return any(t.low in ("att", "that", ":") or t.quoted for t in nxt)


def _appositive_after(tokens: list[Token], phrase: list[Token]) -> str | None:
    end = tokens.index(phrase[-1]) + 1
    if end < len(tokens) and tokens[end].text == ",":
        j = end + 1
        if j < len(tokens) and tokens[j].low in _RELATIVES:
            return None
        return _appositive(tokens, j)
    return None


def _fronted(tokens: list[Token], cue_at: int) -> bool:
    """A V2 clause: something other than the subject stands before the finite cue verb."""
    before = [t for t in tokens[:cue_at] if t.is_word and not t.quoted]
    return bool(before) and (_is_adverbial(before[0]) or before[0].low in ("det", "detta", "så", "lika"))


def _named_organisation(name: str, heads: tuple[str, ...]) -> bool:
    """A name (a capital after the first word: a lone capitalised word may just open the sentence,
    as in "Hyresgästerna har krävt …") whose last word is one of the heads."""
    words = name.split()
    named = len(words) > 1 and any(w[:1].isupper() for w in words)  # "Sjöhamra tingsrätt" too
    return named and words[-1].lower().endswith(heads)


# Generic nouns by which an article refers back to an organisation it has named, with the last words
# of the names they can stand for. Companies only by a word that says so ("Motors", "AB", "Oyj").
_AGENCY = ("office", "agency", "institute", "authority", "service", "bureau", "administration",
           "verket", "myndigheten", "institutet", "inspektionen")  # fmt: skip
_MINISTRY = ("ministry", "department", "departementet", "ministeriet")
_CLUB = (*sorted(cues.CLUB_WORDS), "city")  # "Manchester City", though "city" alone names no club
_COMPANY = cues.COMPANY_HEADS
_COMPANY_NOUNS = ("company", "firm", "bolaget", "företaget", "koncernen", "selskapet", "selskabet",
                  "virksomheden", "unternehmen", "konzern")  # fmt: skip
_COURT = ("tingsrätt", "hovrätt", "court", "tingrett", "lagmannsrett", "gericht", "domstol", "byret")
_ORG_NOUNS = {
    "club": _CLUB,
    "klubben": _CLUB,
    "agency": _AGENCY,
    "authority": _AGENCY,
    "institute": _AGENCY,
    "myndigheten": _AGENCY,
    "verket": _AGENCY,
    "institutet": _AGENCY,
    "ministry": _MINISTRY,
    "department": _MINISTRY,
    "departementet": _MINISTRY,
    "ministeriet": _MINISTRY,
    **dict.fromkeys(_COMPANY_NOUNS, _COMPANY),
    **dict.fromkeys(("court", "domstolen", "tingsrätten", "hovrätten", "retten", "gericht"), _COURT),
}
_NEGATIONS = frozenset({"inte", "ej", "icke", "aldrig", "not", "never", "n't"})
_ADVERB_AUXILIARIES = frozenset({"also", "too", "then"})  # adverbs read like auxiliaries
_RELATIVE_GENITIVES = frozenset({"whose", "vars"})
_RELATIVES = frozenset({"som", "who", "which"}) | _RELATIVE_GENITIVES
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "be", "being", "blev", "blivit", "bli"})
_PARTICIPLE_STOPS = frozenset(
    {"seen", "reviewed", "obtained", "filed", "published", "released", "cited", "till", "to"}
)


def find_according(tokens: list[Token]) -> Found | None:
    """`Enligt X` / `According to X` / `Ifølge X` / `laut X` / `nach Angaben X`."""
    for i, tok in enumerate(tokens):
        if tok.quoted:
            continue
        opened = _according_opening(tokens, i)
        if opened is None:
            continue
        start, cue = opened
        german = cue in ("laut", "nach Angaben")
        # "Laut dem Verband der Zulieferindustrie": the name, without the German article
        article = tokens[start].low if german and start < len(tokens) else ""
        start += article in _GERMAN_ARTICLES
        if start >= len(tokens):
            return None
        if tokens[start].low in cues.OBJECT_PRONOUNS:  # "Enligt henne behöver …"
            return Found([tokens[start]], cue)
        # after enligt/ifølge/laut a verb-second clause follows, after "according to" a comma
        phrase, end, via = _according_phrase(tokens, start, swedish=cue != "according to")
        if phrase:
            role = None
            if end < len(tokens) and tokens[end].text == "," and phrase[-1].is_cap:
                role = _appositive(tokens, end + 1)
            phrase, place = _split_trailing_pp(phrase)  # "analytiker Sofie Brandt fra Sydbank"
            role = " ".join(r for r in (place, role) if r) or None
            phrase = _author_of_document(phrase)
            if german:
                phrase = _german_name(phrase, article)
            return Found(phrase, cue, role, via)
    return None


def _according_opening(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """(where the source's phrase starts, the cue) when an according-to phrase opens at `i`."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if tok.low in cues.ACCORDING_WORDS:
        return i + 1, tok.low
    if nxt is None or not nxt.is_word:
        return None
    if tok.low == "laut" and (nxt.is_cap or nxt.low in cues.LAUT_BEFORE):  # not "Die Musik war laut."
        return i + 1, "laut"
    if tok.low == "according" and nxt.low == "to":
        return i + 2, "according to"
    german_article = after is not None and (after.is_cap or after.low in _GERMAN_ARTICLES)
    if tok.low == "nach" and nxt.low == "angaben" and german_article:  # not "nach Angaben im Handbuch"
        return i + 2, "nach Angaben"
    return None


def _german_name(phrase: list[Token], article: str) -> list[Token]:
    """German nouns are capitalised: "des Betriebsrats rund 850" ends at "rund" ("laut Ursula von der
    Leyen" does not); after "des", the name without its genitive ("Betriebsrat")."""
    phrase = list(itertools.takewhile(lambda t: t.is_cap or t.low in _GERMAN_NAME_WORDS, phrase))
    at = next((k for k, t in enumerate(phrase) if t.low.endswith("s")), None)  # "Klinikums Nürnberg"
    if article == "des" and at is not None:
        phrase = [*phrase[:at], _without_genitive(phrase[at]), *phrase[at + 1 :]]
    return phrase


def _author_of_document(phrase: list[Token]) -> list[Token]:
    """ "an analysis by the city's budget office", "en rapport fra Havmiljøinstituttet": the author
    speaks through the document."""
    for k, tok in enumerate(phrase[:3]):
        if tok.low.endswith(cues.DOCUMENTS) and k + 2 < len(phrase) and phrase[k + 1].low in _BY:
            author = phrase[k + 2 :]
            # not a time after it: "fra Havmiljøinstituttet i fjor"; "Institutet för X" is a name
            when = (
                j
                for j in range(1, len(author))
                if author[j].low in _WHEN and not _place_after(author[j + 1 :])
            )
            return author[: next(when, len(author))]
    return phrase


_BY = frozenset({"by", "from", "från", "fra", "av", "von"})
_WHEN = frozenset({"i", "in", "under", "during"})
_GERMAN_ARTICLES = frozenset({"dem", "der", "des", "den", "von", "vom"})
_GERMAN_NAME_WORDS = cues.LAUT_BEFORE | {"von", "van", "der", "de"}  # "laut Ursula von der Leyen"


def _german_genitive(tokens: list[Token], i: int) -> bool:
    """ "eine Sprecherin des Landkreises", "ein Sprecher der Polizei": the genitive is part of who."""
    return tokens[i].low in ("des", "der") and i + 1 < len(tokens) and tokens[i + 1].is_cap


def _without_genitive(tok: Token) -> Token:
    """ "Betriebsrats" -> "Betriebsrat", "Landkreises" -> "Landkreis", "Bundes" -> "Bund"; not "ADAC"."""
    text = tok.text
    if not tok.is_cap or text.isupper() or len(text) < 5 or not text.endswith("s"):
        return tok
    sibilant = text.endswith(("ses", "zes", "xes", "ßes", "sches"))
    short = sibilant or tok.low.endswith(("bundes", "landes"))  # "Gewerkschaftsbundes"
    return replace(tok, text=text[:-2] if short else text[:-1])


def _according_phrase(tokens: list[Token], start: int, swedish: bool) -> tuple[list[Token], int, str | None]:
    phrase: list[Token] = []
    capital = tokens[start].is_cap
    headed = False  # the noun phrase has its head noun ("försvarsministeriet") or a name
    j = start
    while j < len(tokens) and len(phrase) < 8:
        t = tokens[j]
        if not t.is_word or t.quoted or (phrase and t.low in _RELATIVES):
            break  # "enligt en anställd som vill vara anonym": the relative clause is not the source
        if (
            swedish
            and headed
            and not t.is_cap
            and t.low not in cues.PREPOSITIONS
            and not _german_genitive(tokens, j)
        ):
            return phrase, j, None  # V2: "Enligt det ryska försvarsministeriet sköts …"
        particle = phrase and t.low in ("von", "van", "de", "af", "der", "al")
        role_word = _roleish(t.low)
        next_cap = j + 1 < len(tokens) and tokens[j + 1].is_cap
        # "Statens vegvesen", "EU:s regler": a capitalised genitive owns the lowercase noun after it.
        owned = len(phrase) == 1 and _genitive(phrase[0].text) and t.low not in _FINITE_SV
        # "Sjöhamra tingsrätt", "Vestkyst politidistrikt": a place and the institution's noun
        owned = owned or (len(phrase) == 1 and phrase[0].is_cap and t.low.endswith(cues.ORG_HEADS))
        if capital and not t.is_cap and not particle and not (role_word and next_cap) and not owned:
            break
        if t.low in _PARTICIPLE_STOPS or t.low in _FINITE_SV or (not swedish and t.low.endswith("ed")):
            via = _via_in(tokens[j:]) if t.low in _PARTICIPLE_STOPS else None
            return phrase, j, via
        phrase.append(t)
        j += 1
        if swedish and not capital:
            # "enligt ryska medier": a bare noun after adjectives heads the phrase too.
            after_adjectives = (
                len(phrase) > 1 and all(_adjective(p) for p in phrase[:-1]) and not _adjective(t)
            )
            # "kommunens egen opgørelse": the noun after a genitive's adjective
            owned_noun = len(phrase) > 2 and phrase[-2].low in _GENITIVE_ADJECTIVES
            headed = (
                t.low not in cues.PREPOSITIONS
                and t.low not in _GENITIVE_ADJECTIVES
                and (t.is_cap or after_adjectives or _definite_head(t, tokens[j : j + 1]) or owned_noun)
            )
        nxt = tokens[j] if j < len(tokens) else None
        title_before_name = _roleish(t.low) and nxt is not None and nxt.is_cap and nxt.is_word
        # "museets egna uppgifter": an adjective, and the noun still to come
        adjective = t.low in _GENITIVE_ADJECTIVES and nxt is not None and nxt.is_word and not nxt.is_cap
        if (
            swedish
            and not capital
            and len(phrase) == 2
            and phrase[0].low.endswith("s")
            and not (title_before_name or adjective)
        ):
            break  # "kommunens pressmeddelande" and then the verb; not "polisens presstalesperson Johan Ek"
        # Swedish V2: after a bare noun ("enligt domen") the verb follows at once.
        if swedish and not capital and len(phrase) == 1 and t.low not in cues.DETERMINERS:
            if nxt is not None and _adjective(t) and nxt.is_word and not nxt.is_cap:
                continue  # an adjective: "enligt ryska medier"
            if nxt is not None and t.low.endswith("s") and nxt.is_word and not nxt.is_cap:
                continue  # a genitive: "kommunens pressmeddelande"
            contact = any(_CONTACT.match(x.low) for x in tokens[j : j + 5])  # "analytiker DI talat med"
            if nxt is not None and nxt.is_cap and nxt.is_word and _roleish(t.low) and not contact:
                continue  # a title before a name: "enligt försvarsminister Pål Jonson"
            if nxt is None or not (nxt.low in cues.PREPOSITIONS and nxt.low != "till"):
                break
            if not _place_after(tokens[j + 1 : j + 3]):
                break  # "enligt myndigheten under flera års tid": time, not where the source sits
    return phrase, j, None


def _place_after(tokens: list[Token]) -> bool:
    """What follows a preposition names where a source sits: "inom polisen", "på Trafikverket", "i
    den egna ledningen"; not "under flera års tid"."""
    if not tokens or not tokens[0].is_word:
        return False
    first = tokens[0]
    if first.is_cap or _definite_head(first, tokens[1:]) or _genitive(first.text):
        return True
    return first.low in ("den", "det", "de", "the") and len(tokens) > 1 and tokens[1].is_word


# Adjectives that stand between a genitive and its noun: "museets egna uppgifter".
_GENITIVE_ADJECTIVES = frozenset(
    {"egna", "senaste", "nya", "officiella", "interna", "tidigare", "preliminära", "slutliga", "årliga"}
    | {"egen", "eget", "egne", "seneste", "nye", "interne", "officielle"}  # Danish, Norwegian
)


def _definite_head(tok: Token, following: list[Token]) -> bool:
    """A Swedish definite noun that ends its noun phrase: the last of "den egna utredningen"."""

    def definite(t: Token) -> bool:
        return t.is_word and t.low not in cues.DETERMINERS and len(t.low) > 3 and t.low.endswith(_DEFINITE)

    return definite(tok) and not (following and not following[0].is_cap and definite(following[0]))


_DEFINITE = ("en", "et", "na", "an")


def _adjective(tok: Token) -> bool:
    """A Swedish plural or definite adjective ("ryska", "svenske"), not a definite noun ("forskarna")."""
    return tok.low.endswith(("a", "e")) and not tok.low.endswith("na") and tok.low not in cues.DETERMINERS


def find_colon_intro(tokens: list[Token]) -> Found | None:
    """`Lavrov: ”…”` headline style: a bare name before a colon that opens a quotation, at the start
    or after a dash ("Kreml tyst – Lavrov: ”…”")."""
    for i, tok in enumerate(tokens):
        if (
            tok.text == ":"
            and i + 1 < len(tokens)
            and (tokens[i + 1].quoted or tokens[i + 1].text in _QUOTE_MARKS)
        ):
            framed = _framed_by_copula(tokens, i)
            if framed:
                return framed
            start = i
            while start > 0 and tokens[start - 1].is_word:
                start -= 1
            if start > 0 and tokens[start - 1].text not in _DASHES:
                continue
            phrase = tokens[start:i]
            if 0 < len(phrase) <= 4 and all(t.is_word and t.is_cap for t in phrase):
                return Found(phrase, ":")
    return None


_COPULAS = frozenset({"was", "is", "var", "är"})


def _framed_by_copula(tokens: list[Token], colon_at: int) -> Found | None:
    """ "Rhys Maddox was blunt: “…”", "Hon var tydlig: ”…”": a subject, a copula and one or two
    words before a colon that opens a quotation running to the end of the sentence."""
    if not all(t.quoted for t in tokens[colon_at + 1 :] if t.is_word):
        return None  # "The weather was bad: "rain" fell all day."
    for copula_at in (colon_at - 2, colon_at - 3):
        if copula_at > 0 and tokens[copula_at].low in _COPULAS:
            between = tokens[copula_at + 1 : colon_at]
            if all(t.is_word and not t.is_cap for t in between):
                subject = _left_subject(tokens, copula_at)
                if subject is None or not (
                    subject.phrase[-1].is_cap or subject.phrase[-1].low in cues.PRONOUNS
                ):
                    return None  # not a name or a pronoun: "The message was clear:"
                return replace(subject, cue=":")
    return None


# ---------------------------------------------------------------- names


def split_role(words: list[str], registry: Registry) -> tuple[list[str], str | None]:
    """(name words, role) from a subject phrase like "Kremls talesperson Dmitrij Peskov"."""
    run_start = len(words)
    while run_start > 0 and (
        _cap(words[run_start - 1]) or words[run_start - 1].lower() in registry.particles
    ):
        run_start -= 1
    while run_start < len(words) and _is_role_or_common(words[run_start], registry):
        run_start += 1
    # "Environment Secretary Claire Holloway": a title word inside the run ends the role part.
    # Also a German one, capitalised like every noun: "Rehburgs Bürgermeisterin Anja Hoffmann".
    for k in range(len(words) - 3, run_start - 1, -1):
        if words[k].lower() in cues.ROLE_WORDS or _roleish(words[k].lower()):
            run_start = k + 1
            break
    # A genitive before a two-word name is an affiliation: "TV4 Nyheternas Johan Fredriksson".
    for k in range(len(words) - 2, run_start - 1, -1):
        if _genitive(words[k]) and len(words) - k - 1 >= 2 and words[k].lower() not in names.GIVEN:
            run_start = k + 1
            break
    # In a longer run, a known given name starts the name: "Östersund Eva Nordin".
    if len(words) - run_start >= 3:
        for k in range(run_start, len(words) - 1):
            if words[k].lower() in names.GIVEN:
                run_start = k
                break
    name = words[run_start:]
    role_words = words[:run_start]
    role = " ".join(role_words) or None
    if role and all(_cap(w) for w in role_words) and _genitive(role_words[-1]):
        role = re.sub(r"(’s|'s|:s|s)$", "", role)
    return name, role


def _cap(word: str) -> bool:
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isupper() for c in word))


def _genitive(word: str) -> bool:
    return word.endswith(("’s", "'s")) or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


def _is_role_or_common(word: str, registry: Registry) -> bool:
    """Not part of a name: a title ("Kommunalrådet", "Hydrogeologist", "EU-kommissionären"), a
    compound with a lowercase head (no name is spelt so) or a word the article also writes lowercase."""
    low = word.lower()
    if _roleish(low) or ("-" in word and word.rsplit("-", 1)[1][:1].islower()):
        return True
    return low in registry.common_words or low in cues.DETERMINERS or low in cues.PREPOSITIONS


_SURNAME_ORG_WORDS = frozenset({"trust", "club", "league", "society", "city", "college", "union", "bank"})


def _is_org(words: Sequence[str]) -> bool:
    lows = [w.lower().removesuffix("’s").removesuffix("'s") for w in words]
    if len(lows) == 2 and lows[0] in names.GIVEN and lows[1] in _SURNAME_ORG_WORDS:
        return False  # "David Trust", "Sarah League": a given name makes a person
    if any(w in cues.ORG_WORDS or w.endswith(cues.ASSOCIATION_HEADS) for w in lows):
        return True  # "Supporterföreningen Gula Muren" too
    if any(lows[k] in ("der", "des") and lows[k - 1] not in ("von", "van") for k in range(1, len(lows))):
        return True  # German "Bund der Steuerzahler"; not "Ursula von der Leyen"
    if any(w.endswith(("’s", "'s")) for w in words[:-1]):
        return True  # "Hartley's Kitchen", "Sainsbury's Bank": no person's name has a genitive inside
    # An acronym ("LRF Gotland", "SVT") names an organisation, not a person.
    return any(w.isupper() and w.isalpha() and len(w) > 1 for w in words)


def resolve(found: Found, registry: Registry, position: int, language: str = "") -> Attribution:
    """Turn an attribution phrase into a canonical speaker."""
    phrase = [t for t in found.phrase if t.is_word]
    mention = " ".join(t.text for t in phrase)
    pronoun = _as_pronoun(phrase, found.cue, language)
    if not phrase and language in romance.LANGUAGES:
        # Spanish "«…», añadió.", "… y dijo que": whoever was named last before the verb
        return _resolve_pronoun("", found, registry, position + found.at, None)
    if pronoun:
        return _resolve_pronoun(pronoun, found, registry, position, mention)
    if len(phrase) == 1 and phrase[0].low in _UNRESOLVED_PRONOUNS:
        return NARRATION  # German "Er forderte …": somebody, but not a speaker called "Er"
    named = _named_after_kind(phrase)
    if named:  # "Organisationen Djurrättsalliansen kräver": the organisation's name, without its kind
        return _resolve_source(named, found, registry, position, " ".join(t.text for t in named))
    gender = next((_TITLE_GENDER[t.low] for t in phrase if t.low in _TITLE_GENDER), None)
    words = [t.text for t in phrase if t.low not in _TITLE_GENDER]
    letters: list[str] = []  # "Margaret Olu KC": letters after a name are a rank, not part of the name
    while len(words) > 2 and words[-1].rstrip(".").upper() in _POSTNOMINALS:
        letters.insert(0, words.pop())
    if letters:
        found = replace(found, role=", ".join(r for r in (found.role, " ".join(letters)) if r))
    name_words, role = split_role(words, registry)
    if role and found.role and role.lower().rstrip(".") in _HONORIFICS and not _is_description(found.role):
        role = None  # "Dr. Alasdair Munro, a fisheries biologist": the apposition says what "Dr." does
    # "Riksdagsledamoten X i försvarsutskottet": a place after the name reads on from the title.
    place = (found.role or "").split(" ", 1)[0].lower() in cues.PREPOSITIONS
    role = (" " if place else ", ").join(r for r in (role, found.role) if r) or None
    determiner = bool(words) and words[0].lower() in cues.DETERMINERS
    # "The National Weather Service": an article before a proper name marks an institution.
    institution = (
        bool(words) and words[0].lower() in ("the", "den", "det") and len(name_words) == len(words) - 1
    )
    # "The Department of Health and Social Care": a name joined by a conjunction is one organisation.
    joined = any(w.lower() in ("and", "och", "&") for w in words) and _is_org(words)
    # "en källa inom branschorganisationen Svenska Ägg", "a source at Voltaris", "Health officials
    # in Leicester": an unnamed source whose organisation or place is named, not a person so named.
    described = words[: len(words) - len(name_words)]
    unnamed = bool(described) and (
        described[0].lower() in _INDEFINITE or described[-1].lower() in cues.PREPOSITIONS
    )
    known = registry.find(" ".join(name_words))
    person = (
        name_words
        and not (known is not None and known.kind is SpeakerKind.SOURCE)
        and not _is_org(name_words)
        and found.relative != "which"
        and not (institution or joined or unnamed or _company_named(role, name_words))
    )
    if person and (len(name_words) >= 2 or not determiner):
        # "Mme Roux", "Dr Pérez": a courtesy title before the name marks a person too
        titled = found.personal or _titled(role) or gender is not None
        name = _person_name(name_words, registry, position, gender, titled)
        if name is not None:
            registry.add(name, position, gender=gender, role=role)
            return Attribution(name, SpeakerKind.PERSON, mention, found.cue, Form.INDIRECT, role, found.via)
    return _resolve_source(phrase, found, registry, position, mention, language)


def _named_after_kind(phrase: list[Token]) -> list[Token]:
    """The name in "Organisationen Djurrättsalliansen", "Rederiet Baltic Link", "Das Busunternehmen
    Sonnenreisen GmbH aus Potsdam"; empty when the phrase is not a kind of organisation and its name."""
    if len(phrase) >= 3 and phrase[0].low in _THE and phrase[1].is_cap:
        phrase = phrase[1:]
    if len(phrase) < 2 or not (phrase[0].low in _GENERIC_ORGS or phrase[0].low.endswith(cues.COMPANY_KINDS)):
        return []
    name = list(itertools.takewhile(lambda t: t.is_cap, phrase[1:]))
    rest = phrase[1 + len(name) :]
    if not name or name[0].low in names.GIVEN or (rest and rest[0].low not in _FROM):
        return []
    return name


_FROM = frozenset({"aus", "from", "från", "fra"})  # "GmbH aus Potsdam": where it is, not its name


def _company_named(role: str | None, name_words: Sequence[str]) -> bool:
    """ "Rederiet Baltic Link", "The farm's operator, Fjordmar Seafoods", "Vindmølleproducenten
    Nordhav Wind": a kind of company before the name makes it the company's name, unless the name
    starts with a given name ("a crane operator, John Hill")."""
    head = (role or "").split(",")[0].split()
    if not head or head[0].lower() in _INDEFINITE or name_words[0].lower() in names.GIVEN:
        return False
    return head[-1].lower().endswith(cues.COMPANY_KINDS)


def _as_pronoun(phrase: Sequence[Token], cue: str, language: str) -> str | None:
    """The subject pronoun a one-word phrase stands for: "hon", German "Er" ("he"), "henne" ("hon")."""
    if len(phrase) != 1:
        return None
    low = phrase[0].low
    if low in cues.PRONOUNS:
        return low
    if language in romance.LANGUAGES:
        return cues.ROMANCE_PRONOUNS.get(low)  # "il", "ella", "lei", "ele" as "he" / "she"
    german = _german_pronoun(low, cue) if language == "de" else None
    return german or cues.OBJECT_PRONOUNS.get(low)


def _german_pronoun(low: str, cue: str) -> str | None:
    """In a German article, "Er forderte" is a man and "Sie sagte" a woman ("Sie sagten": they)."""
    if low == "er":
        return "he"
    return "she" if low == "sie" and not cue.endswith("en") else None


# Pronouns of other languages that are also words of Swedish or English (see cues.PRONOUNS).
_UNRESOLVED_PRONOUNS = frozenset({"er", "sie", "es", "wir", "ich", "ihr", "hij", "zij"})
# Nouns that refer back to whichever unnamed source spoke last: "säger personen", "the source said".
_SOURCE_REFERENCES = frozenset({"personen", "person", "källan", "source", "kilden", "quelle"})
_INDEFINITE = frozenset({"en", "ett", "et", "ei", "a", "an", "one", "ein", "eine", "einer"})
# Definite nouns of a kind of organisation, before its name: "Organisationen Djurrättsalliansen".
# Not compounds, which say more: "Supporterföreningen Gula Muren".
_GENERIC_ORGS = frozenset(
    {"organisationen", "föreningen", "förbundet", "bolaget", "företaget", "stiftelsen", "partiet"}
)
_HONORIFICS = frozenset({"dr", "prof", "me"})  # French "Me": a lawyer (maître)
_NO_ROLE = _HONORIFICS | {t.rstrip(".") for t in _TITLE_GENDER}  # "Dr", "Mr" before a name
_POSTNOMINALS = frozenset({"KC", "QC", "MP", "MEP", "PHD"})  # not Jr/Sr: part of the name


def _titled(role: str | None) -> bool:
    """The role is headed by a title ("utrikesminister", "the Kremlin spokesman", "a researcher at
    X"): whoever holds it is a person even when only a surname is given."""
    head = _ROLE_HEAD_END.split(role or "", maxsplit=1)[0].split()
    return bool(head) and _roleish(head[-1].lower())


# Where a role's title ends: a comma, a preposition, an elided one ("ministro dell'Interno").
_ROLE_HEAD_END = re.compile(
    r",|\s(?:" + "|".join(sorted(cues.PREPOSITIONS | cues.ROMANCE_LINKS)) + r")\s|\s(?:d|dell|del)['’]"
)


def _person_name(
    name_words: list[str], registry: Registry, position: int, gender: str | None, titled: bool = False
) -> str | None:
    if len(name_words) >= 2:
        full = " ".join(name_words)
        known = registry.by_surname(name_words[-1], position, gender)
        # "Berglund Aho" after "Johanna Berglund Aho": a double surname names the same person.
        same = known and (known.split()[0] == name_words[0] or known.endswith(f" {full}"))
        return known if known and same else full
    known = registry.by_surname(name_words[0], position, gender)
    if known:
        return known
    # A lone unknown capitalised word is an organisation ("Trafikverket"), unless it is a given name
    # or something marks it as a person (a title, "he"/"she" in what it reported).
    return name_words[0] if titled or name_words[0].lower() in names.GIVEN else None


def _resolve_pronoun(
    low: str, found: Found, registry: Registry, position: int, mention: str | None
) -> Attribution:
    if low in cues.PRONOUNS_PLURAL:
        return NARRATION
    entity = registry.pronoun(low, position)
    if entity is None:
        return NARRATION
    if entity.gender is None and entity.kind is SpeakerKind.PERSON:  # "He said …": not a "she" later
        entity.gender = "m" if low in cues.PRONOUNS_MALE else "f" if low in cues.PRONOUNS_FEMALE else None
    return Attribution(entity.name, entity.kind, mention, found.cue, Form.INDIRECT, found.role, found.via)


def _resolve_source(
    phrase: list[Token], found: Found, registry: Registry, position: int, mention: str, language: str = ""
) -> Attribution:
    words = [t.text for t in phrase]
    head = words[-1] if words else ""
    the = _THE | _PORTUGUESE_THE if language == "pt" else _THE  # "a ministra"
    definite = len(words) == 1 or (len(words) == 2 and words[0].lower() in the)
    # A capital inside the sentence names an organisation ("tror Jordbruksverket"), not a role of
    # somebody whose title mentions it ("statsveterinär på Jordbruksverket").
    proper = len(phrase) == 1 and phrase[0].is_cap and phrase[0].start > 0
    earlier = registry.by_role(head, position) if definite and not proper else None
    if proper:  # "Carrow said" after "Carrow Motors"
        earlier = registry.company(head)
    if earlier is None and definite and head.lower() in _ORG_NOUNS:
        earlier = registry.organisation(
            head.lower(), position
        )  # "Britain's Met Office said …" then "The agency said"
    if earlier is None and definite and head.lower() in _SOURCE_REFERENCES:
        earlier = registry.unnamed(position)  # "en anställd på förvaltningen" … "säger personen"
    if earlier is None and len(words) > 2 and words[0].lower() in _THE:
        earlier = registry.named_ending(words[1:], position)  # "the coast guard"
    owned = None if definite else registry.by_owned_role(words, position)
    if owned is not None:  # "Kallvattnet's municipal leader" after "municipal leader Päivi Rautio"
        return Attribution(owned.name, owned.kind, mention, found.cue, Form.INDIRECT, mention, found.via)
    if earlier is not None:
        return Attribution(
            earlier.name, earlier.kind, mention, found.cue, Form.INDIRECT, found.role, found.via
        )
    age = re.fullmatch(r"(\d{1,3})-(?:year-old|åringen|åring)", head.lower())
    aged = registry.by_age(age.group(1), position) if age else None
    if aged is not None:
        return Attribution(aged.name, aged.kind, mention, found.cue, Form.INDIRECT, found.role, found.via)
    description = _owned_by_referent(words, registry, position) or _describe(words, language)
    gender = _GENDERED_NOUNS.get(head.lower())
    if language in romance.LANGUAGES and words:  # "la direction": "elle" may refer to it
        gender = gender or cues.ROMANCE_GENDER.get(words[0].lower())
    registry.add(description, position, SpeakerKind.SOURCE, gender=gender)
    return Attribution(description, SpeakerKind.SOURCE, mention, found.cue, Form.INDIRECT, None, found.via)


def _owned_by_referent(words: list[str], registry: Registry, position: int) -> str | None:
    """ "His lawyer" / "hennes advokat": the lawyer of the person the pronoun refers to, "Marcus
    Doyle's lawyer", "Anna Bergs advokat"; None when nobody fits."""
    subject = _OWNER_PRONOUNS.get(words[0].lower()) if len(words) >= 2 else None
    entity = registry.pronoun(subject, position) if subject else None
    if entity is None or entity.kind is not SpeakerKind.PERSON:
        return None
    rest = " ".join(words[1:])
    if subject in ("he", "she"):
        return f"{entity.name}'s {rest}"
    return f"{entity.name}{'' if entity.name.endswith(('s', 'x', 'z')) else 's'} {rest}"


# Possessive pronouns by the subject pronoun whose referent owns: "his lawyer" is he's lawyer.
_OWNER_PRONOUNS = {"his": "he", "her": "she", "hans": "han", "hennes": "hon", "hendes": "hun"}


def _describe(words: list[str], language: str = "") -> str:
    words = list(words)
    first = words[0].lower() if words else ""
    romance_article = language in romance.LANGUAGES and first in cues.ROMANCE_DETERMINERS  # not "Los Angeles"
    if romance_article or first in cues.DETERMINERS or first in _GENDERED_NOUNS or first in _OWNER_PRONOUNS:
        words[0] = words[0].lower()
    elif language in romance.LANGUAGES and re.match(r"[LD]['’]", words[0] if words else ""):
        words[0] = words[0][0].lower() + words[0][1:]  # "L'opposition" at the start of a sentence
    return " ".join(words)


def _gender_hint(name: str) -> str | None:
    first = name.split()[0].lower() if name.split() else ""
    if first in names.FEMALE:
        return "f"
    if first in names.MALE:
        return "m"
    return None


def build_registry(text: str, language: str = "") -> Registry:
    """Full names (two or more capitalised words) in the body, with the role words before them."""
    lowered = {m.group().lower() for m in re.finditer(rf"\b{_LOWER}[\w-]*", text)}
    common = frozenset(lowered | cues.CLAUSE_WORDS | cues.OPENING_ADVERBS | cues.DETERMINERS | cues.PRONOUNS)
    romance_names = language in romance.LANGUAGES
    particles = _PARTICLES | _ROMANCE_PARTICLES if romance_names else _PARTICLES
    registry = Registry(common_words=common, particles=particles)
    links = "|".join(["von", "van", "de", "af", "al", *(sorted(_ROMANCE_PARTICLES) if romance_names else [])])
    body = text.split("\n", 1)[1] if "\n" in text else ""  # a title-cased headline names nobody reliably
    name_part = rf"{_UPPER}[\w\-]+"
    for m in re.finditer(rf"{name_part}(?:[ ]+(?:(?:{links})[ ]+)?{name_part})+", body):
        words = m.group().split()
        # "Enligt TV4 Nyheternas …", "Ifølge Energistyrelsen": not a name "Ifølge Energistyrelsen"
        while len(words) > 1 and (
            words[0].lower() in cues.PREPOSITIONS or words[0].lower() in cues.ACCORDING_WORDS
        ):
            words = words[1:]
        company = _named_after_kind([t for t in tokenize(m.group(), [False] * len(m.group())) if t.is_word])
        if company:  # "Vindmølleproducenten Nordhav Wind A/S": a company, not a person
            registry.add(" ".join(t.text for t in company if len(t.text) > 1), -1, SpeakerKind.SOURCE)
            continue
        name, role = split_role(words, registry)
        if len(name) < 2 or _is_org(name) or any(w.lower() in cues.ROLE_WORDS for w in name):
            continue
        if _org_head(name):  # "Nordviks Sparbank": an organisation, registered below
            continue
        before = body[: m.start()].split()[-2:] if m.start() else []
        role = role or _apposition_before(body, m.start(), m.end())
        if not role and before and _roleish(before[-1].lower()):
            role = before[-1]
            if len(before) == 2 and _modifier(before[0]):  # "municipal leader Tove Lindgren"
                role = " ".join(before)
        registry.add(" ".join(name), -1, role=role)
        age = re.match(r",\s*(\d{1,3}),", body[m.end() :])
        entity = registry.find(" ".join(name))
        if age and entity is not None:
            entity.age = entity.age or age.group(1)
    for org, is_company in _organisations(body, common):
        registry.add(org, -1, SpeakerKind.SOURCE)
        entity = registry.find(org)
        if entity is not None:
            entity.company = entity.company or is_company
    return registry


_TIME_NOUNS = frozenset(
    "day week month year morning evening night weekend dag vecka månad år morgon kväll natt jour semaine "
    "mois année matin soir día semana mes año mañana noche giorno settimana mese anno mattina sera dia "
    "mês ano manhã noite".split()
)


def _apposition_before(body: str, start: int, end: int) -> str | None:
    """The title of "La ministre de l'Agriculture, Claire Vasseur, a présenté …" or "The health
    minister, Jane Doe, visited …": a definite noun phrase set off by commas before the name, so that
    a later "la ministre" / "the minister" refers to her."""
    if not body[:start].endswith(", ") or not body[end:].startswith(","):
        return None
    clause = re.split(r'[.!?,;:«»“”"\n]', body[: start - 2])[-1].split()
    if not 2 <= len(clause) <= 7 or not (clause[1].isalpha() and clause[1].islower()):
        return None
    if any(w.lower() in _TIME_NOUNS for w in clause):
        return None  # "The next day, Jane Doe, 45, was arrested"
    if clause[0].lower() in _THE | _PORTUGUESE_THE | {"l'", "l’"}:  # "A spokesman, John Smith,"
        return " ".join(clause[1:])
    owner = (
        _cap(clause[0]) and _genitive(clause[0]) and len(clause) <= 4
    )  # "Kommunens ekonomichef, Anna Berg,"
    return " ".join(clause) if owner else None


def _modifier(word: str) -> bool:
    """A lowercase word that can modify a title before a name: "municipal", "council"."""
    return word.isalpha() and word.islower() and word not in _NO_MODIFIERS


_NO_MODIFIERS = cues.DETERMINERS | cues.PREPOSITIONS | cues.CLAUSE_WORDS | cues.CUE_VERBS | cues.AUXILIARIES


_CAPITALISED = rf"(?<![\w-]){_UPPER}[\w-]+(?:[ ]+(?:(?:of|for|and|&)[ ]+)?{_UPPER}[\w-]+)*"
_ORG_NAMES = (
    re.compile(rf"{_CAPITALISED}[ ]+{_LOWER}[\w-]+"),  # "Skogsbergs djurpark", "Trondheim kommune"
    re.compile(_CAPITALISED),  # "University of Northbridge", "Nordviks Sparbank"
)


def _organisations(body: str, common: frozenset[str]) -> list[tuple[str, bool]]:
    """Names of organisations in the text that a definite noun can refer back to, by their head:
    "Skogsbergs djurpark" ("djurparken"), "University of Northbridge" ("the university"); and of
    companies ("Carrow Motors", "Voltaris" of "Voltaris Inc": "the company"), each with whether it
    is a company."""
    found: list[tuple[str, bool]] = []
    for pattern in _ORG_NAMES:
        for m in pattern.finditer(body):
            words = m.group().split()
            # "Enligt Skogsbergs djurpark", "The University of …", "Shares of Voltaris Inc"
            while words and (words[0].lower() in _NOT_NAMES or _sentence_word(words, common)):
                words = words[1:]
            company = bool(words) and words[-1].lower() in cues.COMPANY_HEADS
            if company and len(words) >= 2 and words[-1].lower() in cues.LEGAL_FORMS:
                words = words[:-1]  # "Voltaris Inc" is "Voltaris", as articles go on to call it
            if company or (len(words) >= 2 and _org_head(words[-1:] if words[-1].islower() else words)):
                found.append((" ".join(words), company))
    # One word: an association named by its compound, "Föräldraföreningen" ("föreningen")
    names_found = [name for name, _ in found]
    found += [
        (m.group(), False)
        for m in _ASSOCIATION.finditer(body)
        if not any(m.group() in f for f in names_found)
    ]
    return found


_NOT_NAMES = cues.PREPOSITIONS | cues.DETERMINERS


def _sentence_word(words: list[str], common: frozenset[str]) -> bool:
    """A capital that only opens a sentence ("Shares of Voltaris Inc"), not an organisation's word
    ("University of Northbridge", though the article also writes "the university")."""
    low = words[0].lower()
    if low in cues.ORG_WORDS or low.endswith(cues.ORG_HEADS):
        return False
    return low in common or (len(words) > 2 and words[1] == "of")


_ASSOCIATION = re.compile(rf"(?<![\w-]){_UPPER}\w{{3,}}(?:{'|'.join(cues.ASSOCIATION_HEADS)})\b")


def _org_head(words: Sequence[str]) -> bool:
    """Whether a name's first or last word is (or ends in) an organisation noun: "Sparbank"."""
    return any(w.lower().endswith(cues.ORG_HEADS) for w in (words[0], words[-1]))


# ---------------------------------------------------------------- the article


@dataclass
class _Sentence:
    segment: Segment
    tokens: list[Token]
    quoted_share: float
    speech_fragments: bool
    starts_quoted: bool
    ends_open: bool
    colon_quote: bool


def _analyse(text: str, segments: Sequence[Segment]) -> list[_Sentence]:
    spans: dict[int, tuple[int, int]] = {}
    for seg in segments:
        lo, hi = spans.get(seg.paragraph, (seg.start, seg.end))
        spans[seg.paragraph] = (min(lo, seg.start), max(hi, seg.end))
    masks = {number: (lo, quote_masks(text[lo:hi])[0]) for number, (lo, hi) in spans.items()}
    out: list[_Sentence] = []
    for seg in segments:
        lo, mask = masks[seg.paragraph]
        local = mask[seg.start - lo : seg.end - lo]
        tokens = tokenize(seg.text, local)
        letters = [local[i] for i, ch in enumerate(seg.text) if ch.isalpha()]
        share = sum(letters) / len(letters) if letters else 0.0
        colon = re.search(r":\s*[”“\"«»„]", seg.text)
        out.append(
            _Sentence(
                segment=seg,
                tokens=tokens,
                quoted_share=share,
                speech_fragments=_has_speech_fragment(seg.text, local),
                starts_quoted=bool(letters) and letters[0],
                ends_open=bool(local) and local[-1] and seg.text[-1:] not in _QUOTE_MARKS,
                colon_quote=colon is not None and all(local[colon.end() - 1 :] or [False]),
            )
        )
    return out


def _has_speech_fragment(text: str, mask: Sequence[bool]) -> bool:
    """Quoted words that are speech, not a quoted name such as ”Operation Z”."""
    for m in re.finditer(r"[”“\"«»„]([^”“\"«»„]{1,300})[”“\"«»„]", text):
        if not mask[m.start(1)]:
            continue
        words = re.findall(r"\w+", m.group(1))
        if words and any(w[:1].islower() for w in words):
            return True
    return False


def _konjunktiv(tokens: Sequence[Token]) -> bool:
    """A German sentence in the Konjunktiv I ("sei", "habe", "wolle"): news uses it only to report
    what someone said."""
    return any(t.low in _KONJUNKTIV and not t.quoted for t in tokens)


_KONJUNKTIV = frozenset(
    "sei seien habe werde könne müsse wolle solle dürfe möge gebe stehe liege gehe komme bleibe wisse".split()
)


def _form(sentence: _Sentence) -> Form:
    if sentence.quoted_share >= 0.55 or sentence.starts_quoted or sentence.colon_quote:
        return Form.DIRECT
    if sentence.speech_fragments:
        return Form.PARTIAL
    return Form.INDIRECT


def attribute(text: str, segments: Sequence[Segment], language: str = "") -> list[Attribution]:
    """An Attribution for every claim segment (titles and sentences), in order; the article's
    language only decides what its pronouns are ("er" is German "he", Swedish "you")."""
    claims = [s for s in segments if s.is_claim]
    sentences = _analyse(text, claims)
    registry = build_registry(text, language)
    found: list[Attribution | None] = []
    backward: list[bool] = []
    unresolved: list[bool] = []
    for s in sentences:
        position = s.segment.start
        _note_mentions(s, registry)
        if language in romance.LANGUAGES:
            hit = romance.find(s.tokens, language)
        else:
            hit = find_colon_intro(s.tokens) or _cue_or_according(s.tokens)
        who = resolve(hit, registry, position, language) if hit else NARRATION
        if not hit and language == "de" and found and found[-1] is not None and _konjunktiv(s.tokens):
            who = found[-1]  # "Das sei gelungen, …": the previous speaker's reported speech goes on
        found.append(who if who.speaker else None)
        backward.append(bool(hit and hit.backward))
        # "…, säger utrikesminister X." that could not be resolved: not the previous speaker's quote.
        unresolved.append(not who.speaker and _tail_cue(s.tokens))
        if who.speaker:
            registry.touch(who.speaker, position + len(s.segment.text))
    resolved = _with_roles(_spread_over_quotes(sentences, found, backward, unresolved), registry)
    return [
        replace(who, form=_form(s)) if who.speaker else NARRATION
        for s, who in zip(sentences, resolved, strict=True)
    ]


def _with_roles(resolved: list[Attribution], registry: Registry) -> list[Attribution]:
    """Every claim of a speaker carries the fullest role the article gives them ("Hon säger…" is still
    the defence spokesperson's): the longest title stated with one of their claims, else the title
    before their name elsewhere in the text ("Försvarsminister Henrik Ståhl presenterade…"), else the
    longest description ("who was waiting at a bus stop")."""
    roles: dict[str, str] = {}
    described: dict[str, str] = {}  # "who was waiting at a bus stop": used when no title is given
    for who in resolved:
        chosen = described if _is_description(who.role) else roles
        if who.speaker and len(who.role or "") > len(chosen.get(who.speaker, "")):
            chosen[who.speaker] = who.role or ""
    for who in resolved:
        entity = registry.find(who.speaker) if who.speaker and who.speaker not in roles else None
        if entity is not None and entity.role:
            roles[entity.name] = entity.role
    roles = {**described, **roles}
    return [replace(w, role=roles.get(w.speaker, w.role)) if w.speaker else w for w in resolved]


def _is_description(role: str | None) -> bool:
    return bool(role) and (role or "").split(" ", 1)[0].lower() in ("who", "som")


def _cue_or_according(tokens: list[Token]) -> Found | None:
    """A speech verb, or `enligt`/`according to`. A fronted "Enligt Kreml krävde Putin …" reports the
    whole clause through Kreml, so an `enligt` phrase before the cue's subject wins."""
    cue = find_cue(tokens)
    according = find_according(tokens)
    # Also "Ifølge en kilde i X vurderer regjeringen": "Ifølge en kilde" is not the verb's subject.
    if cue and according and cue.phrase and according.phrase[0].start <= cue.phrase[-1].start:
        return according
    return cue or according


def _tail_cue(tokens: list[Token]) -> bool:
    """A speech verb right after a quotation: "…, säger X." names the speaker of that quotation."""
    return any(
        t.low in cues.CUE_VERBS and not t.quoted and tokens[k - 1].quoted
        for k, t in enumerate(tokens)
        if k > 0
    )


def _note_mentions(sentence: _Sentence, registry: Registry) -> None:
    """People named in a sentence become the most recent candidates for later pronouns."""
    text = sentence.segment.text
    for entity in registry.entities:
        if entity.kind is SpeakerKind.SOURCE and entity.name in text:  # "Skogsbergs djurpark"
            # from the sentence's start: "Carrow Motors will close the plant, the company said"
            registry.touch(entity.name, sentence.segment.start)
    for person in registry.people():
        parts = person.name.split()
        found = [m.start() for m in re.finditer(rf"\b{re.escape(parts[-1])}\b", text)]
        if found and (len(parts) < 2 or parts[0] in text or len(parts) == 1):
            registry.touch(person.name, sentence.segment.start + found[0])


def _units(sentences: Sequence[_Sentence]) -> list[list[int]]:
    """Groups of consecutive sentences that form one quotation."""
    units: list[list[int]] = []
    for i, s in enumerate(sentences):
        previous = sentences[i - 1] if i else None
        if previous is not None and s.starts_quoted and previous.ends_open and units:
            units[-1].append(i)
        else:
            units.append([i])
    return units


def _spread_over_quotes(
    sentences: Sequence[_Sentence],
    found: list[Attribution | None],
    backward: list[bool],
    unresolved: list[bool],
) -> list[Attribution]:
    result: list[Attribution | None] = list(found)
    last: tuple[int, Attribution] | None = None
    pending: Attribution | None = None  # "X säger:" before a quotation
    for unit in _units(sentences):
        quoted = [i for i in unit if sentences[i].starts_quoted or sentences[i].quoted_share >= 0.55]
        own = next((found[i] for i in unit if found[i] is not None), None)
        if own is None and any(unresolved[i] for i in unit):
            quoted = []  # the quotation names its own speaker, whom we could not read: inherit nothing
        after = unit[-1] + 1
        if own is None and quoted and after < len(sentences) and backward[after]:
            own = found[after]
        if own is None and quoted and pending is not None:
            own = pending
        # Named by the quotation itself (or by "X säger:" / "Det säger X" around it): every sentence of
        # it is theirs. Carried over from the previous speaker: only the sentences that are quoted.
        named = own is not None
        if own is None and quoted and last is not None and _near(sentences, unit[0], last[0]):
            own = last[1]
        for i in unit:
            if result[i] is None and own is not None and (i in quoted or (named and len(unit) > 1)):
                result[i] = replace(own, mention=None)
            if result[i] is not None:
                last = (i, result[i])  # type: ignore[assignment]
        tail = sentences[unit[-1]].segment.text.rstrip()
        pending = result[unit[-1]] if tail.endswith(":") else None
    return [r if r is not None else NARRATION for r in result]


def _near(sentences: Sequence[_Sentence], index: int, last_index: int) -> bool:
    """An unattributed quotation right after someone spoke is theirs."""
    return sentences[index].segment.paragraph - sentences[last_index].segment.paragraph <= 1

"""Who says each sentence: quotation spans, cue verbs, `enligt`/`according to`, names and pronouns.

Rule-based and language-light (Swedish and English word lists in `cues`). The article is read in
order, keeping a registry of the people it names, so that "Lavrov" and "han" resolve to the full
name given at first mention, and multi-sentence quotations inherit the speaker named at either end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from claimbot import cues
from claimbot.model import NARRATION, Attribution, Form, Segment, SegmentKind, SpeakerKind

_TOKEN = re.compile(r"\w+(?:[’'´:\-.]\w+)*\.?|[^\w\s]", re.UNICODE)
_OPENERS = "“„«"
_CLOSERS = "»"
_TOGGLES = "”\""
_DASHES = "–—"
_CONTACT = re.compile(
    r"\b(pratat|talat|talade|pratade|spoke|spoken|talked|told|intervjuats|intervjuat|kontaktat)\b"
)
_VIA = re.compile(r"(?:\btill|\bto|\bfor|\bför)\s+(?=[A-ZÅÄÖ])|\b(?:seen|reviewed|obtained)\s+by\s+")
_FINITE_SV = frozenset(
    """
    är var har hade finns fanns ska skulle kan kunde kommer blir blev måste vill får fick går gick
    ligger låg står stod rör handlar gäller väntas beräknas tros anses uppges bedöms saknas uppgår
    innebär leder ledde visar visade råder rådde behövs krävs hotar hotade drabbas drabbades
    is was are were has had will would could can may might should must seems appears remains
    """.split()
)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    quoted: bool

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper() or (self.text[:1].isdigit() and any(c.isupper() for c in self.text))


@dataclass(frozen=True)
class Found:
    """An explicit attribution found inside one sentence, before names are resolved."""

    phrase: list[Token]
    cue: str
    role: str | None = None
    via: str | None = None
    backward: bool = False  # "Det säger X": the speaker of the quotation before


@dataclass
class _Person:
    name: str
    position: int
    gender: str | None = None


@dataclass
class Registry:
    """The people an article names, in order of mention, for surname and pronoun resolution."""

    people: list[_Person] = field(default_factory=list)
    common_words: frozenset[str] = frozenset()

    def add(self, name: str, position: int, gender: str | None = None) -> None:
        for person in self.people:
            if person.name == name:
                person.position = max(person.position, position)
                person.gender = person.gender or gender
                return
        self.people.append(_Person(name, position, gender))

    def by_surname(self, word: str, position: int) -> str | None:
        matches = [p for p in self.people if p.name.split()[-1].lower() == word.lower() and " " in p.name]
        if not matches:
            matches = [p for p in self.people if word.lower() in p.name.lower().split()]
        if not matches:
            return None
        before = [p for p in matches if p.position <= position] or matches
        return max(before, key=lambda p: p.position).name

    def touch(self, name: str, position: int) -> None:
        for person in self.people:
            if person.name == name:
                person.position = position

    def pronoun(self, word: str, position: int) -> str | None:
        want = "m" if word in cues.PRONOUNS_MALE else "f" if word in cues.PRONOUNS_FEMALE else None
        for person in sorted(self.people, key=lambda p: -p.position):
            if person.position > position:
                continue
            if want is None or person.gender in (None, want):
                return person.name
        return None


def tokenize(text: str, mask: Sequence[bool]) -> list[Token]:
    return [
        Token(m.group(), m.start(), m.end(), bool(mask[m.start()]) if m.start() < len(mask) else False)
        for m in _TOKEN.finditer(text)
    ]


# ---------------------------------------------------------------- quotation spans


def quote_masks(paragraph: str) -> tuple[list[bool], bool]:
    """Per character: inside a quotation? Also whether the paragraph ends inside one."""
    mask = [False] * len(paragraph)
    inside = paragraph[:1] in _DASHES
    for i, ch in enumerate(paragraph):
        if ch in _OPENERS:
            inside = True
        elif ch in _CLOSERS or ch in _TOGGLES:
            inside = not inside if ch in _TOGGLES else False
            mask[i] = True
            continue
        elif ch in _DASHES and _dash_opens(paragraph, i):
            inside = True
        elif inside and paragraph[:1] in _DASHES and _dash_tail_starts(paragraph, i):
            inside = False
        mask[i] = inside
    return mask, inside


def _dash_opens(paragraph: str, i: int) -> bool:
    before = paragraph[:i].rstrip()
    return i == 0 or (before.endswith((".", "!", "?")) and paragraph[i + 1 : i + 2] == " ")


def _dash_tail_starts(paragraph: str, i: int) -> bool:
    """In a dash-quote paragraph, the attribution tail starts after ", säger X" punctuation."""
    if paragraph[i - 1 : i] not in (",", "?", "!") or paragraph[i : i + 1] != " ":
        return False
    words = paragraph[i + 1 :].split(None, 2)[:2]
    return any(w.strip(",.").lower() in cues.CUE_VERBS for w in words)


# ---------------------------------------------------------------- finding attributions


def _clean_phrase(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.is_word]


def _left_subject(tokens: list[Token], cue_at: int) -> tuple[list[Token], str | None] | None:
    """The subject phrase read leftwards from a cue verb, skipping a relative clause."""
    phrase: list[Token] = []
    via: str | None = None
    i = cue_at - 1
    while i >= 0:
        tok = tokens[i]
        if tok.quoted or tok.text in _TOGGLES + _OPENERS + _CLOSERS:
            break
        if tok.text == ",":
            clause_start = _relative_clause_start(tokens, i)
            if clause_start is None:
                break
            via = via or _via_in(tokens[clause_start:i])
            i = clause_start - 1
            continue
        if not tok.is_word:
            break
        if tok.low in cues.AUXILIARIES or tok.low in cues.CLAUSE_WORDS:
            break
        phrase.insert(0, tok)
        i -= 1
        if len(phrase) > 9:
            return None
    if not phrase:
        return None
    if phrase[0].low in cues.PREPOSITIONS or phrase[0].low in cues.OPENING_ADVERBS:
        return None
    if any(t.low in _FINITE_SV or t.low in cues.CUE_VERBS for t in phrase):
        return None
    if i >= 0 and tokens[i].is_word and tokens[i].low not in cues.AUXILIARIES | cues.CLAUSE_WORDS:
        return None
    return phrase, via


def _relative_clause_start(tokens: list[Token], comma_at: int) -> int | None:
    """Index of the comma that opens ", som Kyiv Post pratat med," when `comma_at` closes it."""
    j = comma_at - 1
    while j >= 0 and tokens[j].text != "," and comma_at - j < 12:
        j -= 1
    if j < 0 or tokens[j].text != "," or j + 1 >= comma_at:
        return None
    opener = tokens[j + 1].low
    if opener in ("som", "who", "which", "enligt") or opener in cues.ROLE_WORDS:
        return j
    return None


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
    rest = text[match.end() :].split()
    name = [w for w in rest if w[:1].isupper() or w[:1].isdigit()]
    return " ".join(name) or None


def _right_subject(tokens: list[Token], cue_at: int) -> tuple[list[Token], str | None, str | None] | None:
    """The subject after a cue verb (inverted order): phrase, appositive role, via outlet."""
    phrase: list[Token] = []
    i = cue_at + 1
    while i < len(tokens):
        tok = tokens[i]
        if not tok.is_word or tok.quoted or tok.low in cues.RIGHT_BOUNDARY:
            break
        phrase.append(tok)
        i += 1
        if phrase[0].low in cues.PRONOUNS:
            break
        if len(phrase) > 8:
            return None
    if not phrase or (phrase[0].low in cues.PRONOUNS and len(phrase) > 1):
        return None
    first = phrase[0]
    if not (first.is_cap or first.low in cues.PRONOUNS or first.low in cues.DETERMINERS or first.low.endswith(("en", "et", "na", "erna"))):
        return None
    role = None
    via = None
    if i < len(tokens) and tokens[i].text == ",":
        role = _appositive(tokens, i + 1)
    elif i < len(tokens) and tokens[i].low in ("till", "to", "för", "for"):
        outlet = [t.text for t in tokens[i + 1 : i + 5] if t.is_word and t.is_cap]
        via = None if not outlet else None  # an outlet spoken to is not a source's channel
    return phrase, role, via


def _appositive(tokens: list[Token], start: int) -> str | None:
    """", presschef på Trafikverket," / ", the mayor." after a name."""
    words: list[str] = []
    for tok in tokens[start:]:
        if not tok.is_word or tok.quoted or tok.low in ("som", "who", "which", "och", "and", "att", "that"):
            break
        words.append(tok.text)
        if len(words) > 8:
            return None
    return " ".join(words) or None


def find_cue(tokens: list[Token]) -> Found | None:
    """The first speech-verb attribution in a sentence, outside quotations."""
    for i, tok in enumerate(tokens):
        if tok.quoted or tok.low not in cues.CUE_VERBS:
            continue
        left = _left_subject(tokens, i)
        if left:
            phrase, via = left
            if phrase[0].low in ("det", "detta", "that", "this", "so") and len(phrase) == 1:
                right = _right_subject(tokens, i)
                if right:
                    return Found(right[0], tok.text, right[1], right[2] or via, backward=True)
                continue
            if tok.low in cues.WEAK_CUES and not _followed_by_clause(tokens, i):
                continue
            return Found(phrase, tok.text, _appositive_after(tokens, phrase), via)
        if i > 0 and tokens[i - 1].low in ("och", "and", "men", "but"):
            continue  # a second verb of the same subject; the first cue decides
        right = _right_subject(tokens, i)
        if right and (i == 0 or not tokens[i - 1].is_word or tokens[i - 1].quoted or _fronted(tokens, i)):
            return Found(right[0], tok.text, right[1], right[2])
    return None


def _followed_by_clause(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1 : i + 3]
    return any(t.low in ("att", "that", ":") or t.quoted for t in nxt)


def _appositive_after(tokens: list[Token], phrase: list[Token]) -> str | None:
    end = tokens.index(phrase[-1]) + 1
    if end < len(tokens) and tokens[end].text == ",":
        j = end + 1
        if j < len(tokens) and tokens[j].low in ("som", "who"):
            return None
        return _appositive(tokens, j)
    return None


def _fronted(tokens: list[Token], cue_at: int) -> bool:
    """A V2 clause: something other than the subject stands before the finite cue verb."""
    before = [t for t in tokens[:cue_at] if t.is_word and not t.quoted]
    return bool(before) and (before[0].low in cues.PREPOSITIONS or before[0].low in cues.OPENING_ADVERBS or before[0].low in ("det", "detta", "så"))


def find_according(tokens: list[Token]) -> Found | None:
    """`Enligt X` / `According to X`."""
    for i, tok in enumerate(tokens):
        if tok.quoted:
            continue
        if tok.low == "enligt":
            start = i + 1
        elif tok.low == "according" and i + 1 < len(tokens) and tokens[i + 1].low == "to":
            start = i + 2
        else:
            continue
        phrase: list[Token] = []
        via = None
        j = start
        capital = start < len(tokens) and tokens[start].is_cap
        while j < len(tokens):
            t = tokens[j]
            if not t.is_word or t.quoted:
                break
            if capital and not t.is_cap and not (phrase and t.low in ("von", "van", "de", "af", "der", "al")):
                break
            if not capital and (t.low in _FINITE_SV or t.low in ("seen", "reviewed", "obtained", "till", "to")):
                if t.low in ("seen", "reviewed", "obtained", "till", "to"):
                    via = _via_in(tokens[j:]) or via
                break
            phrase.append(t)
            j += 1
            if len(phrase) > 7:
                break
        if phrase:
            role = _appositive(tokens, j + 1) if j < len(tokens) and tokens[j].text == "," and capital else None
            if role and role.split()[0].lower() in _FINITE_SV | cues.CLAUSE_WORDS:
                role = None
            return Found(phrase, "enligt" if tok.low == "enligt" else "according to", role, via)
    return None


def find_colon_intro(tokens: list[Token]) -> Found | None:
    """`Lavrov: ”…”` headline style: a bare name before a colon that opens a quotation."""
    for i, tok in enumerate(tokens):
        if tok.text == ":" and i + 1 < len(tokens) and (tokens[i + 1].quoted or tokens[i + 1].text in _TOGGLES + _OPENERS):
            phrase = tokens[:i]
            if 0 < len(phrase) <= 4 and all(t.is_word and t.is_cap for t in phrase):
                return Found(phrase, ":")
    return None


# ---------------------------------------------------------------- names


def split_role(phrase: list[Token], registry: Registry) -> tuple[list[str], str | None]:
    """(name words, role) from a subject phrase like "Kremls talesperson Dmitrij Peskov"."""
    words = [t.text for t in phrase]
    run_start = len(words)
    while run_start > 0 and (phrase[run_start - 1].is_cap or words[run_start - 1].lower() in ("von", "van", "de", "af", "der", "al")):
        run_start -= 1
    # Leading capitalised role words and sentence-initial common words are not part of the name.
    while run_start < len(words) and _is_role_or_common(words[run_start], registry):
        run_start += 1
    # A genitive before a two-word name is an affiliation: "TV4 Nyheternas Johan Fredriksson".
    for k in range(len(words) - 2, run_start - 1, -1):
        w = words[k]
        if (w.endswith(("’s", "'s")) or (w.endswith("s") and not w.endswith("ss"))) and len(words) - k - 1 >= 2:
            run_start = k + 1
            break
    name = words[run_start:]
    role_words = words[:run_start]
    role = " ".join(role_words) or None
    if role and all(t[:1].isupper() or t[:1].isdigit() for t in role_words):
        role = re.sub(r"(’s|'s|s)$", "", role) if role.endswith(("s", "’s", "'s")) else role
    return name, role


def _is_role_or_common(word: str, registry: Registry) -> bool:
    low = word.lower()
    if low in cues.ROLE_WORDS or low.endswith(cues.ROLE_SUFFIXES):
        return True
    return low in registry.common_words or low in cues.DETERMINERS or low in cues.PREPOSITIONS


def _is_org(words: Sequence[str]) -> bool:
    return any(w.lower().strip("’'s") in cues.ORG_WORDS or w.lower() in cues.ORG_WORDS for w in words) or (
        len(words) == 1 and (words[0].isupper() and len(words[0]) > 1)
    )


def resolve(found: Found, registry: Registry, position: int) -> Attribution:
    """Turn an attribution phrase into a canonical speaker."""
    phrase = _clean_phrase(found.phrase)
    mention = " ".join(t.text for t in phrase)
    if len(phrase) == 1 and phrase[0].low in cues.PRONOUNS:
        low = phrase[0].low
        if low in cues.PRONOUNS_PLURAL:
            return Attribution(None, SpeakerKind.SOURCE, mention, found.cue, Form.INDIRECT)
        name = registry.pronoun(low, position)
        if name is None:
            return NARRATION
        return Attribution(name, SpeakerKind.PERSON, mention, found.cue, Form.INDIRECT, found.role, found.via)
    name_words, role = split_role(phrase, registry)
    role = found.role if not role else role if not found.role else f"{role}, {found.role}"
    if name_words and not _is_org(name_words):
        if len(name_words) >= 2:
            full = " ".join(name_words)
            known = registry.by_surname(name_words[-1], position)
            name = known if known and known.split()[0] == name_words[0] else full
        else:
            name = registry.by_surname(name_words[0], position) or name_words[0]
        gender = _gender_hint(name)
        registry.add(name, position, gender)
        return Attribution(name, SpeakerKind.PERSON, mention, found.cue, Form.INDIRECT, role, found.via)
    description = _describe(phrase)
    return Attribution(description, SpeakerKind.SOURCE, mention, found.cue, Form.INDIRECT, None, found.via)


def _describe(phrase: list[Token]) -> str:
    words = [t.text for t in phrase]
    if words and words[0].lower() in cues.DETERMINERS:
        words[0] = words[0].lower()
    return " ".join(words)


_FEMALE = frozenset(
    """anna maria karin eva kristina lena sara emma elin ida johanna linda malin sofia ulla birgitta
    ingrid annika helena cecilia jenny hanna frida lisa ebba julia kerstin marie louise magdalena
    ulf ulrika mona jane mary elizabeth sarah susan karen nancy lisa emily olivia sophie charlotte
    laura rachel rebecca hannah jessica jennifer kate catherine margaret anne ann helen alice
    angela ursula kamala hillary theresa liz giorgia nina irina olga natalia maja""".split()
) - {"ulf"}
_MALE = frozenset(
    """johan erik lars anders per karl nils jan hans peter mikael magnus fredrik daniel david
    stefan thomas mats olof ola ulf sven gustav oscar axel björn göran bengt jonas henrik
    andreas niklas carl john james robert michael william richard joseph thomas charles george
    tom mark paul steven kevin brian edward donald joe barack vladimir sergej sergei dmitrij dmitry
    volodymyr emmanuel olaf keir boris rishi xi jens antony marco pete ben sam alex""".split()
)


def _gender_hint(name: str) -> str | None:
    first = name.split()[0].lower()
    if first in _FEMALE:
        return "f"
    if first in _MALE:
        return "m"
    return None


def build_registry(text: str) -> Registry:
    """Full names (two or more capitalised words) in the whole article, by first position."""
    lowered = {m.group().lower() for m in re.finditer(r"\b[a-zåäöæøéü]\w*", text)}
    common = frozenset(lowered | cues.CLAUSE_WORDS | cues.OPENING_ADVERBS | cues.DETERMINERS | cues.PRONOUNS)
    registry = Registry(common_words=common)
    name_part = r"[A-ZÅÄÖÆØÉ][\w\-]+"
    for m in re.finditer(rf"{name_part}(?:\s+(?:von\s+|van\s+|de\s+|af\s+)?{name_part})+", text):
        words = m.group().split()
        while words and (words[0].lower() in common or _is_role_or_common(words[0], registry)):
            words.pop(0)
        if len(words) >= 2 and not _is_org(words) and not any(w.lower() in cues.ROLE_WORDS for w in words):
            for k in range(len(words) - 2, -1, -1):
                if words[k].endswith("s") and len(words) - k - 1 >= 2:
                    words = words[k + 1 :]
                    break
            name = " ".join(words)
            if not any(p.name == name for p in registry.people):
                registry.people.append(_Person(name, -1, _gender_hint(name)))
    return registry


# ---------------------------------------------------------------- the article


@dataclass
class _Sentence:
    segment: Segment
    tokens: list[Token]
    quoted_share: float
    speech_fragments: bool
    starts_quoted: bool
    ends_open: bool


def _analyse(text: str, segments: Sequence[Segment]) -> list[_Sentence]:
    out: list[_Sentence] = []
    masks: dict[int, tuple[int, list[bool]]] = {}
    carry = False
    paragraph_spans: dict[int, tuple[int, int]] = {}
    for seg in segments:
        lo, hi = paragraph_spans.get(seg.paragraph, (seg.start, seg.end))
        paragraph_spans[seg.paragraph] = (min(lo, seg.start), max(hi, seg.end))
    for number in sorted(paragraph_spans):
        lo, hi = paragraph_spans[number]
        para = text[lo:hi]
        mask, open_at_end = quote_masks(para)
        if carry and para[:1] not in _OPENERS + _TOGGLES + _DASHES:
            carry = False
        masks[number] = (lo, mask)
        carry = open_at_end
    for seg in segments:
        lo, mask = masks[seg.paragraph]
        local = mask[seg.start - lo : seg.end - lo]
        tokens = tokenize(seg.text, local)
        letters = [local[i] for i, ch in enumerate(seg.text) if ch.isalpha()]
        share = sum(letters) / len(letters) if letters else 0.0
        out.append(
            _Sentence(
                seg,
                tokens,
                share,
                _has_speech_fragment(seg.text, local),
                bool(letters) and letters[0],
                bool(local) and local[-1] and seg.text[-1:] not in _TOGGLES + _CLOSERS,
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


def _form(sentence: _Sentence, has_speaker: bool) -> Form:
    if not has_speaker:
        return Form.NARRATOR
    if sentence.quoted_share >= 0.55 or sentence.starts_quoted:
        return Form.DIRECT
    if sentence.speech_fragments:
        return Form.PARTIAL
    return Form.INDIRECT


def attribute(text: str, segments: Sequence[Segment]) -> list[Attribution]:
    """An Attribution for every claim segment (titles and sentences), in order."""
    claims = [s for s in segments if s.is_claim]
    sentences = _analyse(text, claims)
    registry = build_registry(text)
    found: list[Attribution | None] = []
    backward: list[bool] = []
    for s in sentences:
        hit = find_colon_intro(s.tokens) or find_cue(s.tokens) or find_according(s.tokens)
        if hit is None:
            found.append(None)
            backward.append(False)
            continue
        who = resolve(hit, registry, s.segment.start)
        found.append(who if who.speaker else None)
        backward.append(hit.backward)
        if who.speaker and who.speaker_kind is SpeakerKind.PERSON:
            registry.touch(who.speaker, s.segment.start)
        elif s.segment.kind is SegmentKind.SENTENCE:
            _note_subject(s, registry)
    resolved = _spread_over_quotes(sentences, found, backward)
    return [
        replace(who, form=_form(s, who.speaker is not None)) if who.speaker else NARRATION
        for s, who in zip(sentences, resolved, strict=True)
    ]


def _note_subject(sentence: _Sentence, registry: Registry) -> None:
    """A named person opening a narrator sentence becomes a candidate for later pronouns."""
    words = [t for t in sentence.tokens[:6] if t.is_word]
    caps = []
    for t in words:
        if not t.is_cap:
            break
        caps.append(t.text)
    if len(caps) >= 2 or (caps and registry.by_surname(caps[0], sentence.segment.start)):
        name = registry.by_surname(caps[-1], sentence.segment.start)
        if name:
            registry.touch(name, sentence.segment.start)


def _units(sentences: Sequence[_Sentence]) -> list[list[int]]:
    """Groups of consecutive sentences that form one quotation."""
    units: list[list[int]] = []
    for i, s in enumerate(sentences):
        continues = i > 0 and s.starts_quoted and sentences[i - 1].ends_open and sentences[i - 1].starts_quoted | (sentences[i - 1].quoted_share > 0)
        if continues and units:
            units[-1].append(i)
        else:
            units.append([i])
    return units


def _spread_over_quotes(
    sentences: Sequence[_Sentence], found: list[Attribution | None], backward: list[bool]
) -> list[Attribution]:
    result: list[Attribution | None] = list(found)
    last: Attribution | None = None
    pending: Attribution | None = None  # "X säger:" before a quotation
    for unit in _units(sentences):
        quoted = [i for i in unit if sentences[i].starts_quoted or sentences[i].quoted_share >= 0.55]
        own = next((found[i] for i in unit if found[i] is not None), None)
        nxt = unit[-1] + 1
        if own is None and quoted and nxt < len(sentences) and backward[nxt] and found[nxt] is not None:
            own = found[nxt]
        if own is None and quoted and pending is not None:
            own = pending
        if own is None and quoted and last is not None and _near(sentences, unit[0], last):
            own = last
        for i in unit:
            if result[i] is None and own is not None and (i in quoted or len(unit) > 1):
                result[i] = replace(own, mention=None)
        for i in unit:
            if result[i] is not None:
                last = result[i]
        tail = sentences[unit[-1]].segment.text.rstrip()
        pending = result[unit[-1]] if tail.endswith(":") else None
    return [r if r is not None else NARRATION for r in result]


def _near(sentences: Sequence[_Sentence], index: int, last: Attribution) -> bool:
    """An unattributed quotation right after someone spoke is theirs (a paragraph or two away)."""
    if index == 0:
        return False
    return sentences[index].segment.paragraph - sentences[index - 1].segment.paragraph <= 1 and last.speaker is not None

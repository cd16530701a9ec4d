"""Who says a French or Spanish sentence: the speech-verb and according-to patterns of Romance news
prose, found as `Found` phrases that `attribution` resolves to speakers like those of any language.

Covered:
- an inverted cue after a quotation or a comma: "», a déclaré Jean Dupont", "a-t-elle ajouté",
  "—dijo la ministra—", and Spanish without a subject ("», añadió.");
- a subject before the cue, with what was said after it: "X a affirmé que", "La ministra aseguró
  que", Spanish "Explicó que";
- "selon X", "d'après X", "según X", before the clause or after it.

A name in an apposition gives the person and the title beside it the role: "Le maire de Lyon, Jean
Dupont, a déclaré", "a indiqué Marie Roux, porte-parole de la préfecture".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claimbot import cues, names
from claimbot.tokens import Found, Token

LANGUAGES = frozenset({"fr", "es"})

_ELISION = re.compile(r"^((?:[ldjnsmtc]|qu|lorsqu|puisqu|jusqu)['’])(\w.*)$", re.IGNORECASE)
_CLITIC = re.compile(r"^(\w+?)(?:-t)?-(il|elle|ils|elles|on)$", re.IGNORECASE)  # "a-t-il", "dit-elle"
_NAME_PARTICLES = frozenset({"de", "del", "la", "le", "van", "von", "da", "dos", "y"})
_OBJECT_PRONOUNS = {"lui": "il", "elle": "elle", "eux": "ils", "él": "él", "ella": "ella"}
_DOCUMENTS = frozenset(
    {"rapport", "communiqué", "bilan", "étude", "informe", "comunicado", "estudio", "balance"}
)
_MAX_PHRASE = 12
_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "él", "ella", "ellos", "ellas"})
# A comma-separated aside between the subject and its verb: "El sector turístico, por su parte, advierte".
_ASIDE_STARTS = frozenset(
    {"por", "de", "du", "quant", "pour", "par", "en", "a", "à", "sin", "con", "selon", "según"}
)


@dataclass(frozen=True)
class _Subject:
    """A subject phrase as written, the title an apposition gives, and whether it names no person
    ("fuentes del Ministerio del Interior", "la préfecture du Rhône")."""

    phrase: list[Token]
    role: str | None = None
    thing: bool = False

    def found(self, cue: str) -> Found:
        return Found(self.phrase, cue, self.role, relative="which" if self.thing else None)


def find(tokens: list[Token], language: str) -> Found | None:
    """The attribution of one sentence of a French ("fr") or Spanish ("es") article, or None."""
    words = _split_elisions(tokens)
    according = _find_according(words)
    if according is not None and according[1]:
        return _in(tokens, according[0])  # "Selon la police, …": the whole clause is theirs
    cue = _find_cue(words, language)
    found = cue or (according[0] if according else None)
    return _in(tokens, found) if found else None


def _split_elisions(tokens: Sequence[Token]) -> list[Token]:
    """ "l'Intérieur" as "l'" and "Intérieur", "qu'il" as "qu'" and "il": the article and the word."""
    out: list[Token] = []
    for t in tokens:
        m = _ELISION.match(t.text)
        if m is None:
            out.append(t)
            continue
        cut = t.start + len(m.group(1))
        out += [Token(m.group(1), t.start, cut, t.quoted), Token(m.group(2), cut, t.end, t.quoted)]
    return out


def _in(tokens: Sequence[Token], found: Found) -> Found:
    """The phrase in the sentence's own tokens ("l'avocat" whole), so that names read as written."""
    if not found.phrase or found.phrase[0].text.lower() in cues.PRONOUNS:
        return found
    lo, hi = found.phrase[0].start, found.phrase[-1].end
    phrase = [t for t in tokens if lo <= t.start < hi] or found.phrase
    return Found(phrase, found.cue, found.role, found.via, relative=found.relative)


# ---------------------------------------------------------------- speech verbs


def _find_cue(words: list[Token], language: str) -> Found | None:
    verbs = cues.FRENCH_CUES if language == "fr" else cues.SPANISH_CUES
    auxiliaries = cues.FRENCH_AUXILIARIES if language == "fr" else cues.SPANISH_AUXILIARIES
    for i, tok in enumerate(words):
        if tok.quoted:
            continue
        clitic = _CLITIC.match(tok.text) if language == "fr" else None
        if clitic is not None:
            found = _inverted_clitic(words, i, clitic, verbs, auxiliaries)
            if found:
                return found
            continue
        if tok.low not in verbs or _noun_or_impersonal(words, i):
            continue
        k = _before_verb_group(words, i, auxiliaries)
        if k >= 0 and words[k].low in ("été", "sido"):
            continue  # "a été annoncé": passive, nobody speaks
        helped = k + 1 < i and words[k + 1].low in auxiliaries
        if language == "fr" and not helped and tok.low.endswith(("é", "ée", "és")):
            continue  # a participle without "a"/"ont": "le texte présenté"
        found = _subject_of(words, i, k, language)
        if found:
            return found
    return None


def _inverted_clitic(
    words: list[Token], i: int, clitic: re.Match[str], verbs: frozenset[str], auxiliaries: frozenset[str]
) -> Found | None:
    """ "a-t-il déclaré", "ont-ils expliqué", "estime-t-elle": the pronoun is the subject."""
    verb, pronoun = clitic.group(1).lower(), clitic.group(2).lower()
    tok = words[i]
    if verb in auxiliaries and i + 1 < len(words) and words[i + 1].low in verbs:
        cue = words[i + 1].text
    elif verb in verbs:
        cue = verb
    else:
        return None
    if pronoun == "on":
        return None
    return Found([Token(pronoun, tok.end - len(pronoun), tok.end, False)], cue)


def _noun_or_impersonal(words: list[Token], i: int) -> bool:
    """ "la demande", "le juge", "la denuncia" are nouns; "se espera que", "on estime" speak for nobody;
    "una paciente, que pidió no ser identificada, contó": the verb of a relative clause is not the cue."""
    if i == 0:
        return False
    before = words[i - 1].low
    return (
        before in cues.ROMANCE_DETERMINERS
        or before in cues.ROMANCE_LINKS
        or before in cues.ROMANCE_IMPERSONAL
        or before == "en"  # "tener en cuenta"
        or before in ("que", "qui", "quien", "quienes")
    )


def _before_verb_group(words: list[Token], i: int, auxiliaries: frozenset[str]) -> int:
    """The index of the word before the verb group (auxiliary, adverbs, "ne … pas"); -1 at the start."""
    k = i - 1
    while k >= 0 and (words[k].low in auxiliaries or _adverb(words[k])):
        k -= 1
    return k


def _adverb(tok: Token) -> bool:
    """ "également", "también", and any "-ment" / "-mente" adverb: "a immédiatement dénoncé"."""
    low = tok.low
    return low in cues.ROMANCE_ADVERBS or (
        len(low) > 6 and low.endswith(("ment", "mente")) and not tok.is_cap
    )


def _subject_of(words: list[Token], i: int, k: int, language: str) -> Found | None:
    """The subject of the cue at i: before it when what was said follows ("X a affirmé que"), else
    after it ("», a déclaré X"); in Spanish possibly none at all ("», añadió.", "Explicó que …")."""
    cue = words[i].text
    clause = _clause_after(words, i)
    left = _left_phrase(words, k)
    # Without a clause after the verb, only a named subject in an apposition reads leftwards: "El
    # portavoz del PP, Javier Gómez, criticó la medida", not ", a indiqué la préfecture".
    if left is not None and (clause or (left.role is not None and words[k].text == ",")):
        return left.found(cue)
    opened = k < 0 or not words[k].is_word or words[k].quoted  # after a quotation, a comma, or first
    if not opened and not clause:
        return None
    right = _right_phrase(words, i + 1)
    if right is not None:
        return right.found(cue)
    if language == "es" and (clause or (k >= 0 and _after_quotation(words, k))):
        return Found([], cue)  # the subject left out: whoever spoke last
    return None


def _clause_after(words: list[Token], i: int) -> bool:
    """What was said follows the cue: "que", ":" or a quotation within a few words."""
    for tok in words[i + 1 : i + 8]:
        if tok.low in cues.ROMANCE_THAT or (tok.quoted and tok.is_word):
            return True
        if not tok.is_word and tok.text not in "'’":
            return tok.text in '«“"—–'
    return False


def _after_quotation(words: list[Token], k: int) -> bool:
    """ "«…», añadió": the word before the verb group closes a quotation or follows one."""
    return any(t.quoted or t.text in '»”"—–' for t in words[max(0, k - 1) : k + 1])


# ---------------------------------------------------------------- subjects


def _left_phrase(words: list[Token], k: int) -> _Subject | None:
    """The subject that ends at index k, read back to the start of the clause; a comma-separated
    apposition gives the name or the role, and an aside ("por su parte") is passed over."""
    start = k
    while start >= 0 and (words[start].is_word or words[start].text == ",") and not words[start].quoted:
        start -= 1
    segments = _segments(words[start + 1 : k + 1])
    # Only a comma right before the verb closes an apposition or an aside: "Mardi, le ministre a déclaré".
    closed = k >= 0 and words[k].text == ","
    while closed and len(segments) >= 2 and segments[-1][0].low in _ASIDE_STARTS:
        segments = segments[:-1]
    if not segments:
        return None
    core = segments[-1]
    if closed and len(segments) >= 2:
        if core[0].low in cues.ROMANCE_CLAUSE_WORDS:
            core, segments = segments[-2], segments[:-1]  # "X, qui dirige le syndicat, a déclaré"
        paired = _paired(segments[-2], core) if len(segments) >= 2 else None
        if paired is not None:
            return paired
    core = _after_clause_word(core)
    if not core or len(core) > _MAX_PHRASE or not _subject_start(core[0]):
        return None
    return _name_and_role(core)


def _segments(words: list[Token]) -> list[list[Token]]:
    segments: list[list[Token]] = [[]]
    for tok in words:
        if tok.text == ",":
            segments.append([])
        elif tok.is_word:
            segments[-1].append(tok)
    return [s for s in segments if s]


def _paired(first: list[Token], second: list[Token]) -> _Subject | None:
    """ "Le maire de Lyon, Jean Dupont", "Jean Dupont, maire de Lyon", "Le député Bruno Lemarchand,
    président du groupe": the name, and the titles around it as its role."""
    if _name_run(second) and _title_phrase(first):
        return _Subject(second, _role_text(first))
    named = _name_and_role(first)
    has_name = (not named.thing and named.phrase != first) or _name_run(first)
    if not has_name or not _title_phrase(second) or second[0].low in cues.ROMANCE_CLAUSE_WORDS:
        return None
    return _Subject(named.phrase, ", ".join(r for r in (named.role, _role_text(second)) if r))


def _after_clause_word(phrase: list[Token]) -> list[Token]:
    """ "Alors que le ministre": the subject after a subordinating word."""
    cut = max((n + 1 for n, t in enumerate(phrase) if t.low in cues.ROMANCE_CLAUSE_WORDS), default=0)
    return phrase[cut:]


def _subject_start(tok: Token) -> bool:
    low = tok.low
    return (
        tok.is_cap
        or low in cues.ROMANCE_DETERMINERS
        or low in _PRONOUNS
        or tok.text[:1].isdigit()
        or low in ("l'", "l’")
    )


def _right_phrase(words: list[Token], start: int) -> _Subject | None:
    """The subject after an inverted cue, and an apposition after it: "a déclaré Jean Dupont, maire
    de Lyon", "a indiqué la préfecture dans un communiqué", "dijo la ministra, Carmen Ruiz"."""
    phrase = _noun_phrase(words, start)
    if not phrase or not _subject_start(phrase[0]):
        return None
    end = start + len(phrase)
    if end < len(words) and words[end].text == ",":
        apposition = _noun_phrase(words, end + 1)
        if apposition:
            paired = _paired(phrase, apposition)
            if paired is not None:
                return paired
    return _name_and_role(phrase)


def _noun_phrase(words: list[Token], start: int) -> list[Token]:
    """Words from start up to a boundary: punctuation, a quotation, a preposition or time word, a
    new determiner (not after "de"), a lowercase word after a name."""
    phrase: list[Token] = []
    for tok in words[start:]:
        low = tok.low
        if not tok.is_word and low not in ("l'", "l’", "d'", "d’"):
            break
        if tok.quoted or (low in cues.ROMANCE_RIGHT_STOPS and not (low in ("à", "a") and not phrase)):
            break
        link = low in cues.ROMANCE_LINKS or phrase[-1].low in cues.ROMANCE_LINKS if phrase else True
        if low in cues.ROMANCE_DETERMINERS and not link and not (tok.is_cap and phrase and phrase[-1].is_cap):
            break  # a new noun phrase; but "Yannick Le Goff", "Marine Le Pen" go on
        if (
            phrase
            and phrase[-1].is_cap
            and not tok.is_cap
            and low not in _NAME_PARTICLES | cues.ROMANCE_LINKS
        ):
            break  # "a déclaré Jean Dupont mardi": the name has ended
        phrase.append(tok)
        if len(phrase) > _MAX_PHRASE:
            return []
    while phrase and phrase[-1].low in cues.ROMANCE_LINKS | _NAME_PARTICLES:
        phrase.pop()
    return phrase


def _name_run(phrase: list[Token]) -> bool:
    """ "Jean Dupont", "Marine Le Pen", "José Luis de la Fuente": capitalised words and particles."""
    return (
        1 <= len(phrase) <= 5
        and phrase[0].is_cap
        and phrase[0].low not in cues.ROMANCE_DETERMINERS
        and phrase[-1].is_cap
        and all(t.is_cap or t.low in _NAME_PARTICLES for t in phrase)
    )


def _title_phrase(phrase: list[Token]) -> bool:
    """A title or description rather than a name: "le maire de Lyon", "porte-parole de la préfecture"."""
    return phrase[0].low in cues.ROMANCE_DETERMINERS or not phrase[0].is_cap


def _role_text(phrase: list[Token]) -> str:
    if phrase and phrase[0].low in cues.ROMANCE_DETERMINERS | {"l'", "l’"}:
        phrase = phrase[1:]
    return _joined(phrase)


def _joined(phrase: Sequence[Token]) -> str:
    text = ""
    for tok in phrase:
        text += tok.text if text.endswith(("'", "’")) or not text else f" {tok.text}"
    return text


def _name_and_role(phrase: list[Token]) -> _Subject:
    """ "le ministre de l'Intérieur Gérald Darmanin": the name at the end, the title before it. Capitals
    after "de" are a place or an institution ("fuentes del Ministerio del Interior") unless a name
    follows them ("la ministre de la Santé Catherine Vautrin"). Without a name, a phrase that opens
    with a common noun or an article names no person ("la préfecture du Rhône", "Fuentes de la
    Consejería"); a lone capitalised word ("Ruiz", "Météo-France") is left to the resolver."""
    given = names.FEMALE | names.MALE
    run = len(phrase)
    while run > 0 and phrase[run - 1].is_cap:
        run -= 1
    name = phrase[run:]
    if run >= 2 and phrase[run - 1].low in _NAME_PARTICLES and phrase[run - 2].low in given:
        run -= 2  # "Charles de Gaulle"
        name = phrase[run:]
    linked = run > 0 and (
        phrase[run - 1].low in cues.ROMANCE_LINKS
        or (
            run > 1
            and phrase[run - 1].low in ("la", "l'", "l’")
            and phrase[run - 2].low in cues.ROMANCE_LINKS
        )
    )
    if linked and len(name) >= 3:
        first = next((n for n, t in enumerate(name[:-1]) if t.low in given), len(name) - 2)
        return _Subject(name[first:], _role_text(phrase[: run + first]))
    title = _role_text(phrase[:run])
    if title and not linked and name:  # "le député Bruno Lemarchand", "la patronal Hostur"
        return _Subject(name, title)
    common = (
        not phrase[0].is_cap or phrase[0].low in cues.ROMANCE_DETERMINERS or phrase[0].low in ("l'", "l’")
    )
    described = len(phrase) > 1 and any(t.low in cues.ROMANCE_LINKS for t in phrase)
    return _Subject(phrase, thing=common or described)


# ---------------------------------------------------------------- "selon", "según"


def _find_according(words: list[Token]) -> tuple[Found, bool] | None:
    """ "Selon une source proche du dossier, …" (fronted: True) or "…, según fuentes del Ministerio"."""
    for i, tok in enumerate(words):
        after_d = tok.low == "après" and i > 0 and words[i - 1].low in ("d'", "d’")
        if tok.quoted or not (tok.low in cues.ROMANCE_ACCORDING or after_d):
            continue
        fronted = all(not t.is_word or t.low in ("d'", "d’") for t in words[:i])
        if i + 1 < len(words) and words[i + 1].low in _OBJECT_PRONOUNS:  # "selon lui"
            pronoun = _OBJECT_PRONOUNS[words[i + 1].low]
            return Found([Token(pronoun, words[i + 1].start, words[i + 1].end, False)], tok.text), fronted
        phrase = _according_phrase(words, i + 1)
        if not phrase or phrase[0].low in cues.ROMANCE_OWN:
            continue  # "selon nos informations": the newspaper's own reporting
        end = words.index(phrase[-1]) + 1
        if fronted and end + 1 < len(words) and words[end].text == ",":
            apposition = _noun_phrase(words, end + 1)
            stop = end + 1 + len(apposition)
            closed = stop < len(words) and words[stop].text == ","
            paired = _paired(phrase, apposition) if closed else None
            if paired is not None:  # "Selon le porte-parole de la police, Marc Lenoir, …"
                return paired.found(tok.text), fronted
        return _name_and_role(phrase).found(tok.text), fronted
    return None


def _according_phrase(words: list[Token], start: int) -> list[Token]:
    """The words after "selon" up to a comma or the end; the author of a document ("selon un bilan
    de la préfecture": the prefecture)."""
    phrase: list[Token] = []
    for tok in words[start:]:
        if not tok.is_word and tok.low not in ("l'", "l’", "d'", "d’"):
            break
        if tok.quoted or (phrase and tok.low in cues.ROMANCE_ACCORDING_STOPS):
            break
        phrase.append(tok)
    if len(phrase) > _MAX_PHRASE:
        return []
    for n, tok in enumerate(phrase[:3]):
        if tok.low in _DOCUMENTS and n + 2 < len(phrase) and phrase[n + 1].low in cues.ROMANCE_LINKS:
            rest = phrase[n + 2 :]
            return (
                rest if rest[0].is_cap or rest[0].low in cues.ROMANCE_DETERMINERS | {"l'", "l’"} else phrase
            )
    return phrase

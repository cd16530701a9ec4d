"""Who says a French, Spanish, Italian or Portuguese sentence: the speech-verb and according-to
patterns of Romance news prose, found as `Found` phrases that `attribution` resolves to speakers like
those of any language. The word lists of each language are in `cues.ROMANCE`.

Covered:
- an inverted cue after a quotation or a comma: "», a déclaré Jean Dupont", "a-t-elle ajouté",
  "—dijo la ministra—", "», ha detto il sindaco", and, where the language leaves the subject out,
  none at all ("», añadió.", "», ha aggiunto.");
- a subject before the cue, with what was said after it: "X a affirmé que", "La ministra aseguró
  que", "Il ministro ha spiegato che", "O autarca disse que", and "Explicó que …";
- "selon X", "d'après X", "según X", "secondo X", "segundo X", "de acordo com X", before the clause
  or after it.

A name in an apposition gives the person and the title beside it the role: "Le maire de Lyon, Jean
Dupont, a déclaré", "a indiqué Marie Roux, porte-parole de la préfecture".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from claimbot import cues, names
from claimbot.tokens import Found, Token

LANGUAGES = frozenset(cues.ROMANCE)

_ELISION = re.compile(
    r"^((?:[ldjnsmtc]|qu|lorsqu|puisqu|jusqu|dell|dall|nell|sull|all|un|quest)['’])(\w.*)$", re.IGNORECASE
)
_CLITIC = re.compile(r"^(\w+?)(?:-t)?-(il|elle|ils|elles|on)$", re.IGNORECASE)  # "a-t-il", "dit-elle"
_NAME_PARTICLES = frozenset(
    {"de", "del", "la", "le", "van", "von", "der", "da", "dos", "das", "do", "di", "y"}
)
# Courtesy titles before a name ("M. Dupont", "Mme Roux", "la Sra. Ruiz", "Me Lenoir"), one token each.
_HONORIFICS = frozenset(
    {"m.", "mme", "mlle", "me", "sr.", "sra.", "srta.", "dr.", "dra.", "dott.", "sig.", "sig.ra"}
)
_ABBREVIATED = frozenset({"M", "Sr", "Sra", "Srta", "Dr", "Dra", "Dott", "Sig"})  # written with a period
_DOCUMENTS = frozenset(
    {"rapport", "communiqué", "bilan", "étude", "informe", "comunicado", "estudio", "balance", "nota"}
)
_ELIDED_THE = frozenset({"l'", "l’"})
_BY = frozenset({"da", "dal", "dalla", "dai", "dalle", "dallo", "dagli"})
_CONJUNCTIONS = frozenset({"et", "y", "e", "ed"})
_DATIVES = frozenset(
    {"a", "à", "al", "au", "aux", "ao", "aos", "às", "all'", "all’", "alla", "alle", "ai", "agli", "allo"}
)
_TIMES = frozenset(
    "este esta ce cet cette questo questa hoy ayer hier aujourd'hui ieri oggi ontem hoje lundi mardi "
    "mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo lunedì "
    "martedì mercoledì giovedì venerdì sabato domenica".split()
)
_MAX_PHRASE = 12
# A comma-separated aside between the subject and its verb: "El sector turístico, por su parte, advierte".
_ASIDE_STARTS = frozenset(
    {"por", "de", "du", "quant", "pour", "par", "en", "a", "à", "sin", "con", "selon", "según", "per", "da"}
)


@dataclass(frozen=True)
class _Subject:
    """A subject phrase as written, the title an apposition gives, and whether it names no person
    ("fuentes del Ministerio del Interior", "la préfecture du Rhône")."""

    phrase: list[Token]
    role: str | None = None
    thing: bool = False

    def found(self, cue: str) -> Found:
        # "Le président Macron", "M. Dupont": a title before one name marks a person
        titled = (self.role or "").split(" ", 1)[0].lower() in cues.ROMANCE_TITLES | _HONORIFICS
        return Found(self.phrase, cue, self.role, relative="which" if self.thing else None, personal=titled)


def find(tokens: list[Token], language: str) -> Found | None:
    """The attribution of one sentence of an article in one of `LANGUAGES`, or None."""
    reader = _reader(language)
    words = _words(tokens)
    according = reader.according(words)
    if according is not None and according[1]:
        return _in(tokens, according[0])  # "Selon la police, …": the whole clause is theirs
    found = reader.cue(words) or (according[0] if according else None)
    return _in(tokens, found) if found else None


@cache
def _reader(language: str) -> _Reader:
    return _Reader(cues.ROMANCE[language], language == "fr")


def _words(tokens: Sequence[Token]) -> list[Token]:
    """ "l'Intérieur" as "l'" and "Intérieur", "qu'il" as "qu'" and "il": the article and the word;
    and "M" "." before a name as one courtesy title "M.", as in "M. Dupont"."""
    out: list[Token] = []
    for n, t in enumerate(tokens):
        if t.text == "." and out and out[-1].text in _ABBREVIATED and out[-1].end == t.start:
            following = tokens[n + 1] if n + 1 < len(tokens) else None
            if following is not None and following.is_cap:
                out[-1] = Token(out[-1].text + ".", out[-1].start, t.end, out[-1].quoted)
                continue
        m = _ELISION.match(t.text)
        if m is None:
            out.append(t)
            continue
        cut = t.start + len(m.group(1))
        out += [Token(m.group(1), t.start, cut, t.quoted), Token(m.group(2), cut, t.end, t.quoted)]
    return out


def _in(tokens: Sequence[Token], found: Found) -> Found:
    """The phrase in the sentence's own tokens ("l'avocat" whole), so that names read as written."""
    if not found.phrase or found.phrase[0].text.lower() in cues.ROMANCE_PRONOUNS:
        return found
    lo, hi = found.phrase[0].start, found.phrase[-1].end
    return replace(found, phrase=[t for t in tokens if lo <= t.start < hi] or found.phrase)


def _joined(phrase: Sequence[Token]) -> str:
    text = ""
    for tok in phrase:
        text += tok.text if text.endswith(("'", "’")) or not text else f" {tok.text}"
    return text


def _segments(words: list[Token]) -> list[list[Token]]:
    segments: list[list[Token]] = [[]]
    for tok in words:
        if tok.text == ",":
            segments.append([])
        elif tok.is_word:
            segments[-1].append(tok)
    return [s for s in segments if s]


def _adverb(tok: Token, after_auxiliary: bool) -> bool:
    """ "également", "también", "poi", "-mente" adverbs, and "-ment" ones between an auxiliary and
    its participle ("a immédiatement dénoncé"; "Le gouvernement a annoncé" has a noun)."""
    low = tok.low
    if tok.is_cap or len(low) <= 6:
        return low in cues.ROMANCE_ADVERBS
    return low in cues.ROMANCE_ADVERBS or low.endswith("mente") or (low.endswith("ment") and after_auxiliary)


def _after_clause_word(phrase: list[Token]) -> list[Token]:
    """ "Alors que le ministre": the subject after a subordinating word."""
    cut = max((n + 1 for n, t in enumerate(phrase) if t.low in cues.ROMANCE_CLAUSE_WORDS), default=0)
    return phrase[cut:]


def _after_quotation(words: list[Token], k: int) -> bool:
    """ "«…», añadió": the word before the verb group closes a quotation or follows one."""
    return any(t.quoted or t.text in '»”"—–' for t in words[max(0, k - 1) : k + 1])


@dataclass(frozen=True)
class _Reader:
    """The rules, read with one language's words."""

    g: cues.RomanceGrammar
    french: bool  # "a-t-il déclaré": a pronoun joined to its verb

    # ------------------------------------------------------------ speech verbs

    def cue(self, words: list[Token]) -> Found | None:
        for i, tok in enumerate(words):
            if tok.quoted:
                continue
            clitic = _CLITIC.match(tok.text) if self.french else None
            if clitic is not None:
                found = self._inverted_clitic(words, i, clitic)
                if found:
                    return found
                continue
            if tok.low not in self.g.verbs or self._noun_or_impersonal(words, i):
                continue
            if tok.low == "sapere" and words[i - 1].low != "fatto":
                continue  # only "ha fatto sapere che": let it be known
            k = self._before_verb_group(words, i)
            if k >= 0 and words[k].low in self.g.passive:
                continue  # "a été annoncé", "è stato annunciato": passive, nobody speaks
            helped = k + 1 < i and words[k + 1].low in self.g.auxiliaries
            if self.french and not helped and tok.low.endswith(("é", "ée", "és")):
                continue  # a participle without "a"/"ont": "le texte présenté"
            found = self._subject_of(words, i, k)
            if found:
                return found
        return None

    def _inverted_clitic(self, words: list[Token], i: int, clitic: re.Match[str]) -> Found | None:
        """ "a-t-il déclaré", "ont-ils expliqué", "estime-t-elle": the pronoun is the subject."""
        verb, pronoun = clitic.group(1).lower(), clitic.group(2).lower()
        tok = words[i]
        if verb in self.g.auxiliaries and i + 1 < len(words) and words[i + 1].low in self.g.verbs:
            cue = words[i + 1].text
        elif verb in self.g.verbs:
            cue = verb
        else:
            return None
        if pronoun == "on":
            return None
        return Found([Token(pronoun, tok.end - len(pronoun), tok.end, False)], cue)

    def _noun_or_impersonal(self, words: list[Token], i: int) -> bool:
        """ "la demande", "le juge", "la denuncia" are nouns; "se espera que", "on estime" speak for
        nobody; "una paciente, que pidió no ser identificada, contó": the verb of a relative clause
        is not the cue."""
        if i == 0:
            return False
        before = words[i - 1].low
        return (
            before in self.g.determiners
            or before in self.g.links
            or before in cues.ROMANCE_IMPERSONAL
            or before == "en"  # "tener en cuenta"
            or before in cues.ROMANCE_CLAUSE_WORDS - {"si"}
        )

    def _before_verb_group(self, words: list[Token], i: int) -> int:
        """The index of the word before the verb group (auxiliary, adverbs, "ne … pas", object
        pronouns); -1 at the start."""
        k = i - 1
        while k >= 0:
            tok = words[k]
            after_auxiliary = k > 0 and words[k - 1].low in self.g.auxiliaries
            if not (
                tok.low in self.g.auxiliaries
                or _adverb(tok, after_auxiliary)
                or tok.low in cues.ROMANCE_CLITICS
            ):
                break
            k -= 1
        return k

    def _subject_of(self, words: list[Token], i: int, k: int) -> Found | None:
        """The subject of the cue at i: before it when what was said follows ("X a affirmé que"),
        else after it ("», a déclaré X"); where the language allows, none at all ("», añadió.")."""
        cue = words[i].text
        if k >= 0 and words[k].low in _CONJUNCTIONS:  # "X a annoncé … et a ajouté que": X
            return Found([], cue, at=words[i].start)
        clause = self._clause_after(words, i)
        left = self._left_phrase(words, k)
        # Without a clause after the verb, only a named subject in an apposition reads leftwards: "El
        # portavoz del PP, Javier Gómez, criticó la medida", not ", a indiqué la préfecture".
        if left is not None and (clause or (left.role is not None and words[k].text == ",")):
            return left.found(cue)
        opened = k < 0 or not words[k].is_word or words[k].quoted  # after a quotation, a comma, or first
        if not opened and not clause:
            return None
        right = self._right_phrase(words, i + 1)
        if right is not None:
            return right.found(cue)
        if self.g.drops_subject and (clause or (k >= 0 and _after_quotation(words, k))):
            return Found([], cue, at=words[i].start)  # the subject left out: whoever spoke last
        return None

    def _clause_after(self, words: list[Token], i: int) -> bool:
        """What was said follows the cue: "que", ":" or a quotation within a few words."""
        for tok in words[i + 1 : i + 8]:
            if tok.low in self.g.that or (tok.quoted and tok.is_word):
                return True
            if not tok.is_word and tok.text not in "'’":
                return tok.text in '«“"—–'
        return False

    # ------------------------------------------------------------ subjects

    def _left_phrase(self, words: list[Token], k: int) -> _Subject | None:
        """The subject that ends at index k, read back to the start of the clause; a comma-separated
        apposition gives the name or the role, and an aside ("por su parte") is passed over."""
        start = k
        while start >= 0 and (words[start].is_word or words[start].text == ",") and not words[start].quoted:
            start -= 1
        segments = _segments(words[start + 1 : k + 1])
        # Only a comma right before the verb closes an apposition or an aside: "Mardi, le ministre a dit".
        closed = k >= 0 and words[k].text == ","
        while closed and len(segments) >= 2 and segments[-1][0].low in _ASIDE_STARTS:
            segments = segments[:-1]
        if not segments:
            return None
        core = segments[-1]
        if closed and len(segments) >= 2:
            if core[0].low in cues.ROMANCE_CLAUSE_WORDS:
                core, segments = segments[-2], segments[:-1]  # "X, qui dirige le syndicat, a déclaré"
            paired = self._paired(segments[-2], core) if len(segments) >= 2 else None
            if paired is not None:
                return paired
        core = _after_clause_word(core)
        if not core or len(core) > _MAX_PHRASE or not self._subject_start(core[0]):
            return None
        return self._name_and_role(core)

    def _paired(self, first: list[Token], second: list[Token]) -> _Subject | None:
        """ "Le maire de Lyon, Jean Dupont", "Jean Dupont, maire de Lyon", "Le député Bruno
        Lemarchand, président du groupe": the name, and the titles around it as its role."""
        if self._name_run(second) and self._title_phrase(first):
            return _Subject(second, self._role_text(first))
        named = self._name_and_role(first)
        has_name = (not named.thing and named.phrase != first) or self._name_run(first)
        if not has_name or not self._title_phrase(second) or second[0].low in cues.ROMANCE_CLAUSE_WORDS:
            return None
        return _Subject(named.phrase, ", ".join(r for r in (named.role, self._role_text(second)) if r))

    def _subject_start(self, tok: Token) -> bool:
        low = tok.low
        if low in cues.ROMANCE_PREPOSITIONS and low not in self.g.determiners:
            return False  # "Durante la rueda de prensa, aseguró que": an adverbial, not the subject
        return (
            tok.is_cap
            or low in self.g.determiners
            or low in self.g.pronouns
            or tok.text[:1].isdigit()
            or low in _ELIDED_THE
        )

    def _right_phrase(self, words: list[Token], start: int) -> _Subject | None:
        """The subject after an inverted cue, and an apposition after it: "a déclaré Jean Dupont,
        maire de Lyon", "a indiqué la préfecture dans un communiqué", "dijo la ministra, Carmen Ruiz"."""
        start = self._after_object(words, start)
        phrase = self._noun_phrase(words, start)
        if not phrase or not self._subject_start(phrase[0]):
            return None
        end = start + len(phrase)
        if end < len(words) and words[end].text == ",":
            apposition = self._noun_phrase(words, end + 1)
            paired = self._paired(phrase, apposition) if apposition else None
            if paired is not None:
                return paired
        return self._name_and_role(phrase)

    def _after_object(self, words: list[Token], start: int) -> int:
        """Past what stands between an inverted verb and its subject: "dijo a Efe el alcalde", "ha
        dichiarato all'Ansa il prefetto", "a confié à l'AFP un habitant", "ha anunciado este martes la
        ministra". Where no subject follows, start itself."""
        i = start
        while i < len(words) and (words[i].low in _DATIVES - self.g.determiners or words[i].low in _TIMES):
            i += 1
            if i < len(words) and words[i].low in self.g.determiners | _ELIDED_THE:
                i += 1  # "a los periodistas", "à l'AFP"
            while i < len(words) and words[i].is_word and not words[i].quoted:
                if words[i].low in self.g.determiners and words[i - 1].low not in self.g.links:
                    break  # the subject's own article
                i += 1
        if i == start or i >= len(words) or words[i].low not in self.g.determiners:
            return start
        return i

    def _noun_phrase(self, words: list[Token], start: int) -> list[Token]:
        """Words from start up to a boundary: punctuation, a quotation, a preposition or time word, a
        new determiner (not after "de"), a lowercase word after a name."""
        phrase: list[Token] = []
        for tok in words[start:]:
            low = tok.low
            if not tok.is_word:
                break
            # "à"/"a" open no subject; at the start they are Portuguese "a ministra" or nothing
            if tok.quoted or (low in self.g.stops and (phrase or low not in ("à", "a"))):
                break
            link = low in self.g.links or (bool(phrase) and phrase[-1].low in self.g.links) or not phrase
            if low in self.g.determiners and not link and not (tok.is_cap and phrase[-1].is_cap):
                break  # a new noun phrase; but "Yannick Le Goff", "Marine Le Pen" go on
            if phrase and phrase[-1].is_cap and not tok.is_cap and low not in _NAME_PARTICLES | self.g.links:
                break  # "a déclaré Jean Dupont mardi": the name has ended
            phrase.append(tok)
            if len(phrase) > _MAX_PHRASE:
                return []
        while phrase and phrase[-1].low in self.g.links | _NAME_PARTICLES:
            phrase.pop()
        return phrase

    def _name_run(self, phrase: list[Token]) -> bool:
        """ "Jean Dupont", "Marine Le Pen", "José Luis de la Fuente": capitalised words and particles."""
        return (
            1 <= len(phrase) <= 5
            and phrase[0].is_cap
            and phrase[0].low not in self.g.determiners
            and phrase[-1].is_cap
            and all(t.is_cap or t.low in _NAME_PARTICLES for t in phrase)
        )

    def _title_phrase(self, phrase: list[Token]) -> bool:
        """A title or description rather than a name: "le maire de Lyon", "porte-parole de la préfecture"."""
        return phrase[0].low in self.g.determiners or not phrase[0].is_cap

    def _role_text(self, phrase: list[Token]) -> str:
        if phrase and phrase[0].low in self.g.determiners | _ELIDED_THE:
            phrase = phrase[1:]
        return _joined(phrase)

    def _name_and_role(self, phrase: list[Token]) -> _Subject:
        """ "le ministre de l'Intérieur Gérald Darmanin": the name at the end, the title before it.
        Capitals after "de" are a place or an institution ("fuentes del Ministerio del Interior")
        unless a name follows them ("la ministre de la Santé Catherine Vautrin"). Without a name, a
        phrase that opens with a common noun or an article names no person ("la préfecture du
        Rhône"); a lone capitalised word ("Ruiz", "Météo-France") is left to the resolver."""
        run = len(phrase)
        while run > 0 and phrase[run - 1].is_cap and phrase[run - 1].low not in _HONORIFICS:
            run -= 1
        if run >= 2 and phrase[run - 1].low in _NAME_PARTICLES and _given(phrase[run - 2]):
            run -= 2  # "Charles de Gaulle"
        name = phrase[run:]
        linked = run > 0 and (
            phrase[run - 1].low in self.g.links
            or (run > 1 and phrase[run - 1].low in self.g.determiners and phrase[run - 2].low in self.g.links)
        )
        if linked and len(name) >= 3:
            first = next((n for n, t in enumerate(name[:-1]) if _given(t)), len(name) - 2)
            return _Subject(name[first:], self._role_text(phrase[: run + first]))
        title = self._role_text(phrase[:run])
        # "le député Bruno Lemarchand", "la patronal Hostur"; not "fonti vicine al Comune", and after
        # "de" only a given name: not "Moradores do bairro Vila Esperança"
        kind = len(title.split()) <= 2 and run > 0 and phrase[run - 1].low not in self.g.stops
        placed = any(t.low in self.g.links for t in phrase[:run]) and not _given(name[0] if name else None)
        if title and not linked and not placed and (len(name) >= 2 or (name and kind)):
            return _Subject(name, title)
        common = not phrase[0].is_cap or phrase[0].low in self.g.determiners | _ELIDED_THE
        person = _given(phrase[0]) and self._name_run(phrase)  # "Maria das Dores"
        described = len(phrase) > 1 and any(t.low in self.g.links for t in phrase) and not person
        return _Subject(phrase, thing=common or described)

    # ------------------------------------------------------------ "selon", "según"

    def according(self, words: list[Token]) -> tuple[Found, bool] | None:
        """ "Selon une source proche du dossier, …" (fronted: True) or "…, según fuentes del
        Ministerio"; also "d'après", "de acuerdo con", "de acordo com", "stando a"."""
        for i, tok in enumerate(words):
            start = i + 1 if tok.low in self.g.according else _after_multiword_according(words, i)
            if tok.quoted or start is None:
                continue
            fronted = all(not t.is_word or t.low in ("d'", "d’", "de", "stando") for t in words[:i])
            pronoun = self.g.object_pronouns.get(words[start].low) if start < len(words) else None
            if pronoun is not None:  # "selon lui", "secondo lei"
                return Found([Token(pronoun, words[start].start, words[start].end, False)], tok.text), fronted
            phrase = self._according_phrase(words, start)
            if not phrase or phrase[0].low in cues.ROMANCE_OWN:
                continue  # "selon nos informations": the newspaper's own reporting
            end = start + len(phrase)
            if fronted and end + 1 < len(words) and words[end].text == ",":
                apposition = self._noun_phrase(words, end + 1)
                stop = end + 1 + len(apposition)
                closed = stop < len(words) and words[stop].text == ","
                paired = self._paired(phrase, apposition) if closed and apposition else None
                if paired is not None:  # "Selon le porte-parole de la police, Marc Lenoir, …"
                    return paired.found(tok.text), fronted
            return self._name_and_role(phrase).found(tok.text), fronted
        return None

    def _inside_name(self, words: list[Token], n: int) -> bool:
        """ "Instituto Português do Mar e da Atmosfera": a conjunction between capitalised parts."""
        after = words[n + 1] if n + 1 < len(words) else None
        joined = after is not None and (after.is_cap or after.low in self.g.links)
        return words[n].low in _CONJUNCTIONS and words[n - 1].is_cap and joined

    def _according_phrase(self, words: list[Token], start: int) -> list[Token]:
        """The words after "selon" up to a comma or the end; the author of a document ("selon un
        bilan de la préfecture": the prefecture)."""
        phrase: list[Token] = []
        for n, tok in enumerate(words[start:], start):
            if not tok.is_word or tok.quoted:
                break
            if phrase and tok.low in cues.ROMANCE_ACCORDING_STOPS and not self._inside_name(words, n):
                break
            phrase.append(tok)
        if len(phrase) > _MAX_PHRASE:
            return []
        if phrase and phrase[0].low == "quanto":  # "secondo quanto riferito dalla polizia": the police
            by = next((n for n, t in enumerate(phrase) if t.low in _BY), len(phrase))
            return phrase[by + 1 :]
        for n, tok in enumerate(phrase[:3]):
            if tok.low in _DOCUMENTS and n + 2 < len(phrase) and phrase[n + 1].low in self.g.links:
                rest = phrase[n + 2 :]
                if rest[0].is_cap or rest[0].low in self.g.determiners | _ELIDED_THE:
                    return rest
        return phrase


def _given(tok: Token | None) -> bool:
    """A known given name, or the first part of a hyphenated one ("Jean-Paul")."""
    return tok is not None and tok.low.split("-")[0] in names.GIVEN


def _after_multiword_according(words: list[Token], i: int) -> int | None:
    """Where the phrase starts after "d'après", "de acuerdo con", "de acordo com", "stando a" (the
    word at i is "après", "acuerdo", "acordo" or "stando"); None for any other word."""
    low = words[i].low
    before = words[i - 1].low if i else ""
    after = words[i + 1].low if i + 1 < len(words) else ""
    if low == "après" and before in ("d'", "d’"):
        return i + 1
    if low in ("acuerdo", "acordo") and before == "de" and after in ("con", "com"):
        return i + 2
    if low == "stando" and after in ("a", "alle", "al", "ai", "agli", "alla"):
        return i + 2
    return None

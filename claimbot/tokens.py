"""Word tokens of a sentence, with whether each stands inside a quotation, and `Found`: the phrase
that names a sentence's speaker, as the attribution rules of any language find it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_TOKEN = re.compile(
    r"(?:Dr|Mr|Mrs|Ms|Prof|St|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|No|Nr)\.|(?:\w\.){2,}|\b[A-Z]/[A-Z]\b"  # "A/S"
    r"|\w+(?:[’'´:\-.]\w+)*(?:(?<=s)['’](?=\s[A-ZÅÄÖ]))?"  # a plural possessive in a name: "Workers' Union"
    r"|[^\w\s]",
    re.UNICODE,
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
        first = self.text[:1]
        return first.isupper() or (first.isdigit() and any(c.isupper() for c in self.text))


@dataclass(frozen=True)
class Found:
    """An explicit attribution found inside one sentence, before names are resolved."""

    phrase: list[Token]
    cue: str
    role: str | None = None
    via: str | None = None
    backward: bool = False  # "Det säger X": the speaker of the quotation before
    relative: str | None = None  # "who" or "which" after the phrase: a person or a thing
    personal: bool = False  # "he"/"she" reports what the phrase said: a person
    at: int = 0  # where the cue is in the sentence: a subject left out ("y añadió") is named before it


def tokenize(text: str, mask: Sequence[bool]) -> list[Token]:
    return [
        Token(m.group(), m.start(), m.end(), bool(mask[m.start()]) if m.start() < len(mask) else False)
        for m in _TOKEN.finditer(text)
    ]

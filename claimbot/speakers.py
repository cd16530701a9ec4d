"""One speaker across articles and languages, merged from the names attribution gives per article.

Attribution names a speaker within one article: "Sergej Lavrov", or only "Peskov" when the article
never gives a first name. Across articles the same person is "Sergei Lavrov", "Sergej Lavrov",
"Lavrov"; two people who share a surname ("Anna Lindberg", "Erik Lindberg") must stay two. A wrong
merge puts words in somebody's mouth, so the rules only merge what they can justify:

1. Full names (two or more words) merge when they spell the same, ignoring case, accents and
   transliteration (Sergej/Sergei, Dmitrij/Dmitry, Usjakov/Ushakov, Zelenskyj/Zelenskyy).
2. A lone surname (a person's) joins the one full name that ends with it; when several do, or
   when it comes with a role, it joins only one whose roles share a word with its own.
3. Unnamed sources that start with an indefinite article ("an anonymous Russian source", "en
   källa") are different sources in different articles; named organisations ("the Kremlin") merge.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimbot.model import Claim, Speaker, SpeakerKind, date_order
from claimbot.retrieve import fold, speaker_matches, transliterate

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_INDEFINITE = {"a", "an", "one", "some", "en", "ett", "någon", "några"}


def name_key(name: str) -> str:
    """The spelling-insensitive form of a name: "Sergej Lavrov" and "Sergei Lavrov" share it."""
    return " ".join(transliterate(w) for w in _WORD.findall(fold(name)))


def _role_words(roles: Iterable[str]) -> set[str]:
    return {w for r in roles for w in name_key(r).split() if len(w) > 3}


@dataclass
class _Group:
    """Raw names that are one speaker, and their claims."""

    key: str
    claims: list[Claim] = field(default_factory=list)

    @property
    def names(self) -> Counter[str]:
        return Counter(c.speaker for c in self.claims if c.speaker)

    @property
    def roles(self) -> set[str]:
        return {c.role for c in self.claims if c.role}

    def speaker(self) -> Speaker:
        names = self.names
        # The most used full name; a lone surname only when there is nothing fuller.
        name = max(names, key=lambda n: (len(n.split()) > 1, names[n], n))
        kinds = Counter(c.speaker_kind for c in self.claims)
        words = {w for n in names for w in name_key(n).split()}
        # Mentions that name the speaker ("Kremlin spokesman Dmitry Peskov"), not pronouns ("he").
        seen = set(names) | {
            c.mention for c in self.claims if c.mention and words & set(name_key(c.mention).split())
        }
        dates = sorted(c.article_date for c in self.claims if c.article_date)
        return Speaker(
            name=name,
            kind=SpeakerKind.PERSON if SpeakerKind.PERSON in kinds else kinds.most_common(1)[0][0],
            aliases=tuple(sorted(seen - {name})),
            roles=tuple(sorted(self.roles)),
            claims=len(self.claims),
            articles=tuple(sorted({c.article_id for c in self.claims})),
            first_date=dates[0] if dates else None,
            last_date=dates[-1] if dates else None,
            key=self.key,
        )


class SpeakerDirectory:
    """The speakers of a set of claims, merged across articles (see the module docstring)."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        self._groups: dict[str, _Group] = {}
        lone: list[Claim] = []
        for claim in claims:
            if not claim.speaker:
                continue
            key = self._key(claim)
            if key is None:
                lone.append(claim)
            else:
                self._groups.setdefault(key, _Group(key)).claims.append(claim)
        self._place_surnames(lone)
        self._speakers = {key: group.speaker() for key, group in self._groups.items()}
        self._of_raw = {
            (c.article_id, c.speaker): key for key, g in self._groups.items() for c in g.claims if c.speaker
        }

    @staticmethod
    def _key(claim: Claim) -> str | None:
        """The group key of a claim's speaker; None for a lone surname, placed afterwards."""
        assert claim.speaker is not None
        words = name_key(claim.speaker).split()
        if claim.speaker_kind == SpeakerKind.PERSON and len(words) > 1:
            return "person:" + " ".join(words)
        if len(words) == 1 and claim.speaker[:1].isupper() and claim.speaker_kind == SpeakerKind.PERSON:
            return None  # a lone surname ("Wagner" as a source may be a group, not Richard Wagner)
        if words and words[0] in _INDEFINITE:
            return f"source:{claim.article_id}:{' '.join(words)}"
        return "source:" + " ".join(words)

    def _place_surnames(self, lone: list[Claim]) -> None:
        by_name: dict[tuple[str, str], list[Claim]] = {}
        for claim in lone:
            assert claim.speaker is not None
            by_name.setdefault((name_key(claim.speaker), claim.article_id), []).append(claim)
        for (surname, _article), claims in by_name.items():
            candidates = [
                g
                for key, g in self._groups.items()
                if key.startswith("person:") and key.endswith(" " + surname)
            ]
            roles = _role_words(c.role for c in claims if c.role)
            if len(candidates) > 1 or roles:
                # Several people share the surname, or this one has a role: the roles must agree
                # ("Biden, the president" is not "Hunter Biden" just because he is the only Biden).
                candidates = [g for g in candidates if not roles or roles & _role_words(g.roles)]
            key = candidates[0].key if len(candidates) == 1 else f"surname:{surname}"
            self._groups.setdefault(key, _Group(key)).claims.extend(claims)

    # ------------------------------------------------------------ lookups

    def speakers(self) -> list[Speaker]:
        """Every merged speaker, most claims first."""
        return sorted(self._speakers.values(), key=lambda s: (-s.claims, s.name))

    def canonical(self, claim: Claim) -> str | None:
        """The merged speaker's name for a claim (None for the narrator)."""
        key = self.key_of(claim)
        return self._speakers[key].name if key else None

    def claims_of(self, name: str) -> list[Claim]:
        """All claims of the speakers a name matches (canonical, alias or loose), in date order."""
        keys = self.matching(name)
        claims = [c for key in keys for c in self._groups[key].claims]
        return sorted(claims, key=date_order)

    def matching(self, name: str) -> list[str]:
        """Keys of the speakers a name refers to: a key itself, an exact canonical name or alias,
        else loosely. A name can fit several speakers ("Lindberg"); a key fits one."""
        if name in self._groups:
            return [name]
        exact = [k for k, s in self._speakers.items() if name == s.name or name in s.aliases]
        if exact:
            return exact
        return [
            k
            for k, s in self._speakers.items()
            if any(speaker_matches(name, n) for n in (s.name, *self._groups[k].names))
        ]

    def find(self, name: str) -> Speaker | None:
        """The speaker a name refers to; the one with most claims when it is ambiguous."""
        found = [self._speakers[k] for k in self.matching(name)]
        return max(found, key=lambda s: s.claims) if found else None

    def raw_names(self, name: str) -> set[str]:
        """The per-article speaker names stored in the index for the speakers a name matches."""
        return {n for key in self.matching(name) for n in self._groups[key].names}

    def key_of(self, claim: Claim) -> str | None:
        """The merged speaker of a claim (None for the narrator)."""
        return self._of_raw.get((claim.article_id, claim.speaker or ""))

    def same(self, a: Claim, b: Claim) -> bool | None:
        """Whether two claims have the same speaker; None when either has none."""
        ka, kb = self.key_of(a), self.key_of(b)
        return None if ka is None or kb is None else ka == kb

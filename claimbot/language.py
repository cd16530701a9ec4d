"""Offline language identification for whole articles (py3langid's bundled model)."""

from __future__ import annotations

from functools import cache
from typing import Any

# ISO 639-1 code -> the name of the Punkt model for that language (see `segment`).
PUNKT_LANGUAGES = {
    "cs": "czech",
    "da": "danish",
    "nl": "dutch",
    "en": "english",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "de": "german",
    "el": "greek",
    "it": "italian",
    "no": "norwegian",
    "nb": "norwegian",
    "nn": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ru": "russian",
    "sl": "slovene",
    "es": "spanish",
    "sv": "swedish",
    "tr": "turkish",
}


@cache
def _identifier() -> Any:
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language; "und" when there is too little text to tell."""
    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < 10:
        return "und"
    code, _prob = _identifier().classify(sample)
    return str(code)

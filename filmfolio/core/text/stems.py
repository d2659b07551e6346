"""Word forms: Snowball stems of folded words, per language.

A text word is indexed with its stem in the text's language; a query word is looked up as
itself and as its stems in each of ``QUERY_LANGUAGES`` (the language of a query is not known).
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

# BCP 47 primary language -> Snowball algorithm
STEMMERS = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "sv": "swedish",
    "da": "danish",
    "no": "norwegian",
    "nb": "norwegian",
    "fi": "finnish",
    "ru": "russian",
    "tr": "turkish",
    "pl": "polish",
}
QUERY_LANGUAGES = ("en", "fr", "de", "es")
_MIN_STEMMED = 4  # shorter words are kept as they are


@lru_cache(maxsize=32)
def _stemmer(language: str) -> snowballstemmer.Stemmer | None:
    algorithm = STEMMERS.get(language.split("-")[0].lower())
    return snowballstemmer.stemmer(algorithm) if algorithm else None


@lru_cache(maxsize=65536)
def stem(word: str, language: str) -> str:
    """``word`` (folded) reduced to its stem in ``language``; the word itself when the
    language has no stemmer, the word is short or not alphabetic."""
    stemmer = _stemmer(language)
    if stemmer is None or len(word) < _MIN_STEMMED or not word.isalpha():
        return word
    return str(stemmer.stemWord(word))


def query_stems(word: str) -> list[str]:
    """The stems of a query word in the catalogue's main languages, other than the word."""
    return list(dict.fromkeys(s for lang in QUERY_LANGUAGES if (s := stem(word, lang)) != word))

"""Terms of running text (loglines, synopses, statements, biographies) and of word forms.

Prose is indexed below titles and names, with the word forms people type: each Latin word is
kept and followed by its Snowball stem in the text's language ("migrants" -> "migrant",
"Arbeiter" -> "arbeit"), so a query word meets a text word when their stems agree. A query
word is looked up as itself and as its stems in every language the stemmer knows of those the
catalogue holds (``QUERY_LANGUAGES``): the language of a query is not known. Chinese characters
are kept one by one and in order (a query's characters must be adjacent and in order, which
finds any word of a text without a segmenter); their pinyin syllables follow the whole text, so
they never come between two characters.
"""

from __future__ import annotations

from .chars import has_han
from .pinyin import char_reading
from .stems import stem
from .terms import _chunks

MAX_PROSE_CHARACTERS = 20000


def _reading(char: str) -> str:
    return char_reading(char) if has_han(char) else ""


def prose_terms(text: str, language: str = "en") -> list[str]:
    """Terms of a running text: each word then its stem when different, each Chinese
    character, then the pinyin syllables of the Chinese characters."""
    terms: list[str] = []
    syllables: dict[str, None] = {}
    for chunk in _chunks(text[:MAX_PROSE_CHARACTERS]):
        if chunk.is_cjk:
            terms.extend(chunk.text)
            syllables.update((reading, None) for char in chunk.text if (reading := _reading(char)))
            continue
        terms.append(chunk.text)
        stemmed = stem(chunk.text, language)
        if stemmed != chunk.text:
            terms.append(stemmed)
    return [*terms, *syllables]

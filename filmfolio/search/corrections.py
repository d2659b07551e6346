"""Spelling corrections of a query: vocabulary words one typo away.

The vocabulary holds only the words of documents listed for everyone (``search.vocabulary``),
so a correction never reveals a private title. A word missing from the vocabulary gets its
neighbours as alternatives at once; when a query finds nothing, its known words get them too
("Zhengfan Yan", where Yang was meant: both words are known, the pair names nobody).
"""

from __future__ import annotations

from .backends import MatchQuery, get_backend
from .editions import FestivalWords

MIN_TYPO_LENGTH = 4  # shorter unknown words have too many neighbours to guess from
MIN_KNOWN_TYPO_LENGTH = 3  # a query that found nothing: short words may be the misspelt ones
MAX_KNOWN_TYPO_WORDS = 4  # beyond, a query that found nothing is not a name or title mistyped


def typo_alternatives(query: MatchQuery, *, known_too: bool = False) -> dict[int, list[str]]:
    """For query words missing from the vocabulary (and, with ``known_too``, for the words in
    it as well), vocabulary words one typo away, by token position."""
    words = _typed_words(query, known_too=known_too)
    if not words:
        return {}
    backend = get_backend()
    known = set() if known_too else backend.known_words(sorted(set(words.values())))
    return {
        position: similar
        for position, word in words.items()
        if word not in known and (similar := _others(backend.similar_words(word), word))
    }


def _typed_words(query: MatchQuery, *, known_too: bool) -> dict[int, str]:
    """The words worth correcting by token position (none for a long query that found
    nothing)."""
    shortest = MIN_KNOWN_TYPO_LENGTH if known_too else MIN_TYPO_LENGTH
    words = {
        position: word
        for position, token in enumerate(query.tokens)
        if (word := _typed_word(token.alternatives[0].tokens, shortest))
    }
    return {} if known_too and len(words) > MAX_KNOWN_TYPO_WORDS else words


def _typed_word(tokens: tuple[str, ...], shortest: int) -> str:
    """The word a token was typed as, when it is one Latin word of ``shortest`` letters or
    more; otherwise ``""``."""
    if len(tokens) != 1:
        return ""
    word = tokens[0]
    return word if word.isalpha() and word.isascii() and len(word) >= shortest else ""


def _others(similar: list[str], word: str) -> list[str]:
    return [candidate for candidate in similar if candidate != word]


def corrected(
    query: MatchQuery, text: str, *, known_too: bool = False
) -> tuple[MatchQuery, dict[int, list[str]]]:
    """The query of ``text`` with words one typo away from its words as alternatives (see
    ``typo_alternatives``), and those corrections by token position."""
    corrections = typo_alternatives(query, known_too=known_too) if not query.is_empty else {}
    if corrections:
        query = MatchQuery.from_text(text, extra=corrections, edition_context=FestivalWords())
    return query, corrections

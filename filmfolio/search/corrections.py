"""Spelling corrections of a query: vocabulary words one typo away.

The vocabulary holds only the words of documents listed for everyone (``search.vocabulary``),
so a correction never reveals a private title. A word missing from the vocabulary gets its
neighbours as alternatives at once; when a query finds nothing, its known words get them too
("Zhengfan Yan", where Yang was meant: both words are known, the pair names nobody). The same
look-up tells which words are known as they are, so their pinyin splits are not searched.
"""

from __future__ import annotations

from .backends import MatchQuery, get_backend
from .backends.base import Token
from .editions import FestivalWords

MIN_TYPO_LENGTH = 4  # shorter unknown words have too many neighbours to guess from
MIN_KNOWN_TYPO_LENGTH = 3  # a query that found nothing: short words may be the misspelt ones
MAX_KNOWN_TYPO_WORDS = 4  # beyond, a query that found nothing is not a name or title mistyped


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
    query: MatchQuery, text: str, festivals: FestivalWords, *, known_too: bool = False
) -> tuple[MatchQuery, dict[int, list[str]]]:
    """The query of ``text`` (``festivals``: the search's reader of festival names) with
    vocabulary words one typo away from its unknown words (and, with ``known_too``, from its
    known words as well) as alternatives, and those corrections by token position. A known
    word loses its pinyin split ("yuyu" is not also looked for as yu + yu): the word itself
    is in the index wherever a name or title reads so, and the split matched any document
    holding both syllables anywhere, mostly noise, and made the engine read the posting
    lists of the commonest syllables (on PostgreSQL at a million films, "Yuyu Zhang" read
    54,190 matches instead of 1,680)."""
    if query.is_empty:
        return query, {}
    words = _typed_words(query, known_too=known_too)
    split = _split_words(query)
    asked = sorted(set(words.values()) | set(split.values()))
    backend = get_backend()
    known = backend.known_words(asked) if asked else set()
    corrections = {
        position: similar
        for position, word in words.items()
        if (known_too or word not in known)
        and (similar := _others(backend.similar_words(word), word))
    }
    if corrections:
        query = MatchQuery.from_text(text, extra=corrections, edition_context=festivals)
    whole = {position for position, word in split.items() if word in known}
    return _without_splits(query, whole), corrections


def _split_words(query: MatchQuery) -> dict[int, str]:
    """The Latin words of the query that also read as pinyin syllables, by position."""
    return {
        position: first.tokens[0]
        for position, token in enumerate(query.tokens)
        if len((first := token.alternatives[0]).tokens) == 1
        and first.tokens[0].isascii()
        and any(len(alt.tokens) > 1 for alt in token.alternatives)
    }


def _without_splits(query: MatchQuery, positions: set[int]) -> MatchQuery:
    """``query`` with the tokens at ``positions`` keeping their one-word alternatives only."""
    if not positions:
        return query
    return MatchQuery(
        tuple(
            Token(tuple(alt for alt in token.alternatives if len(alt.tokens) == 1))
            if position in positions
            else token
            for position, token in enumerate(query.tokens)
        )
    )

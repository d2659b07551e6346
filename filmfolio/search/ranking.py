"""Relevance order of the candidates a bounded read found, the same on every engine.

Exact folded title first; then documents whose titles or names (the ``terms`` column) hold
more of the query's words; then shorter titles (a word is a bigger part of them, as with
bm25's length normalisation); then the boost (awards, festivals, credits); then the title.
Engine scores are not used: FTS5's bm25 counts every match of each query word to weigh it,
which would undo the bounded window on a broad query.
"""

from __future__ import annotations

from collections.abc import Callable

from .backends.base import Alternative, Candidate, MatchQuery


def _matches(alternative: Alternative, words: set[str], ordered: list[str]) -> bool:
    """Does ``alternative`` occur among a document's title words?"""
    if alternative.is_prefix:
        *whole, last = alternative.tokens
        return all(word in words for word in whole) and any(w.startswith(last) for w in ordered)
    if alternative.is_phrase:
        size = len(alternative.tokens)
        return any(
            tuple(ordered[i : i + size]) == alternative.tokens
            for i in range(len(ordered) - size + 1)
        )
    return all(word in words for word in alternative.tokens)


def title_hits(query: MatchQuery, terms: str) -> int:
    """How many query tokens match the document's titles or names."""
    ordered = terms.split()
    words = set(ordered)
    return sum(
        1
        for token in query.tokens
        if any(_matches(alternative, words, ordered) for alternative in token.alternatives)
    )


def relevance_key(query: MatchQuery, folded_text: str) -> Callable[[Candidate], tuple]:
    """A sort key for candidates of ``query`` typed as ``folded_text`` (folded)."""

    def key(candidate: Candidate) -> tuple:
        return (
            candidate.title_folded != folded_text,
            -title_hits(query, candidate.terms),
            candidate.terms.count(" "),
            -candidate.boost,
            candidate.title_folded,
            candidate.id,
        )

    return key

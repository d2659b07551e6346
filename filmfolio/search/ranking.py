"""Relevance order of the candidates a bounded read found, the same on every engine.

Exact folded title first; then documents whose titles or names (the ``terms`` column) hold
every word of the query (a title's words, a person's name); then the documents related to those
(a person's films, by the weight of their roles: ``search.related``); then the documents
holding a kind or genre a query word names ("documentary", "纪录片"); then documents whose
titles or names hold more of the query's words (a match only in credits, vocabularies or texts
comes after any match in a title); then shorter titles (a word is a bigger part of them, as with
bm25's length normalisation); then the boost (awards, festivals, credits); then the more recent;
then the title.
Engine scores are not used: FTS5's bm25 counts every match of each query word to weigh it,
which would undo the bounded window on a broad query.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from . import registry
from .backends.base import Alternative, Candidate, MatchQuery
from .filters import token as filter_token


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


def _compiled(query: MatchQuery) -> tuple[tuple[frozenset[str], tuple[Alternative, ...]], ...]:
    """Per query token: its one-word alternatives as a set, and the others. A token typed in
    Chinese characters counts in titles as those characters only, not by its pinyin: "吴海"
    matches the film 雾海 (wu hai) but does not name it."""
    compiled = []
    for token in query.tokens:
        alternatives = _counted(token.alternatives)
        singles = frozenset(
            alt.tokens[0]
            for alt in alternatives
            if len(alt.tokens) == 1 and not alt.is_prefix and not alt.is_phrase
        )
        others = tuple(
            alt
            for alt in alternatives
            if not (len(alt.tokens) == 1 and not alt.is_prefix and not alt.is_phrase)
        )
        compiled.append((singles, others))
    return tuple(compiled)


def _counted(alternatives: tuple[Alternative, ...]) -> tuple[Alternative, ...]:
    """The alternatives of a token that count in titles: for Chinese characters typed, the
    characters only."""
    if alternatives[0].tokens[0].isascii():
        return alternatives
    return tuple(alt for alt in alternatives if not alt.tokens[0].isascii())


def _count_hits(compiled: tuple, terms: str) -> int:
    """How many of the query's tokens a document's title words hold."""
    ordered = terms.split()
    words = set(ordered)
    return sum(
        1
        for singles, others in compiled
        if not singles.isdisjoint(words) or any(_matches(alt, words, ordered) for alt in others)
    )


@lru_cache(maxsize=64)
def _hit_counter(compiled: tuple) -> Callable[[str], int]:
    """``_count_hits`` of one query, remembered per title words (the named check and the sort
    key ask the same of each candidate; the query is hashed once, not per candidate)."""
    seen: dict[str, int] = {}

    def hits(terms: str) -> int:
        count = seen.get(terms)
        if count is None:
            count = seen[terms] = _count_hits(compiled, terms)
        return count

    return hits


def title_hits(query: MatchQuery) -> Callable[[str], int]:
    """How many of ``query``'s tokens a document's title words (its ``terms``) hold."""
    return _hit_counter(_compiled(query))


def names_whole_query(query: MatchQuery, folded_text: str) -> Callable[[Candidate], bool]:
    """Whether a candidate's title is the query, or its titles or names hold every word of a
    query of two or more words, or, for a query that is one run of Chinese characters, the
    run's pinyin joined (a Chinese name is indexed with its whole reading joined: 李思兰 as
    lisilan; a name that only contains the run does not hold that word)."""
    compiled = _compiled(query)
    size, hits = len(compiled), _hit_counter(compiled)
    reading = _joined_reading(query)

    def named(candidate: Candidate) -> bool:
        if candidate.title_folded == folded_text:
            return True
        if size > 1:
            return hits(candidate.terms) == size
        return bool(reading) and reading in candidate.terms.split()

    return named


def _joined_reading(query: MatchQuery) -> str:
    """The joined pinyin of a query that is one run of two or more Chinese characters."""
    if len(query.tokens) != 1:
        return ""
    alternatives = query.tokens[0].alternatives
    if not any(alt.is_phrase and len(alt.tokens) > 1 for alt in alternatives):
        return ""
    readings = [alt.tokens for alt in alternatives if not alt.is_phrase and len(alt.tokens) > 1]
    return "".join(readings[0]) if readings and readings[0][0].isascii() else ""


def _named_tokens(compiled: tuple) -> frozenset[str]:
    """Filter tokens of the values the query's words name (a kind, a genre: "documentary",
    "纪录片", "drama"), from the apps' readers (``registry.register_named_values``)."""
    words = {word for singles, others in compiled for word in singles}
    words |= {"".join(alt.tokens) for _singles, others in compiled for alt in others}
    pairs = {pair for word in words for pair in registry.named_values(word)}
    return frozenset(filter_token(facet, value) for facet, value in pairs)


def relevance_key(
    query: MatchQuery, folded_text: str, related: dict[int, float] | None = None
) -> Callable[[Candidate], tuple]:
    """A sort key for candidates of ``query`` typed as ``folded_text`` (folded); ``related``
    weighs the documents that follow a named one (document id -> weight)."""
    compiled = _compiled(query)
    size, count_hits = len(compiled), _hit_counter(compiled)
    weights = related or {}
    named = _named_tokens(compiled)

    def key(candidate: Candidate) -> tuple:
        hits = count_hits(candidate.terms)
        return (
            candidate.title_folded != folded_text,
            hits < size,
            -weights.get(candidate.id, 0.0),
            bool(named) and named.isdisjoint(candidate.filters.split()),
            -hits,
            candidate.terms.count(" "),
            -candidate.boost,
            -(candidate.year or 0),
            candidate.title_folded,
            candidate.id,
        )

    return key

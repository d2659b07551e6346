"""The typo vocabulary: the Latin words of the documents everyone may see listed.

Spelling corrections ("also showing results for") are drawn from ``SearchTerm``, so a word
there must never come from a document an anonymous visitor may not list: each word keeps the
number of public documents holding it, the index writer adds and subtracts the words of the
public documents it writes and replaces, and a word no public document holds any more is
removed. A film made private takes its words out of the vocabulary in the same transaction.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db.models import F

from .models import SearchTerm

LENGTHS = range(4, 33)
CHUNK = 5000


def is_vocabulary_word(word: str) -> bool:
    """Whether a term may be a spelling correction: 4 to 32 ASCII letters."""
    return len(word) in LENGTHS and word.isascii() and word.isalpha()


def document_words(terms: str, extra_terms: str) -> set[str]:
    """The distinct terms of one document as stored (space-separated columns)."""
    words = set(terms.split())
    words.update(extra_terms.split())
    return words


def kept(counts: Counter[str]) -> Counter[str]:
    """``counts`` without the terms that cannot be vocabulary words (checked once per term)."""
    return Counter({word: n for word, n in counts.items() if is_vocabulary_word(word)})


def public_words(rows: Iterable[tuple[str, str]]) -> Counter[str]:
    """How many of the documents given as (terms, extra terms) hold each vocabulary word."""
    counts: Counter[str] = Counter()
    for terms, extra_terms in rows:
        counts.update(document_words(terms, extra_terms))
    return kept(counts)


def _chunks(items: Iterable[str]) -> Iterator[list[str]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk


def write_vocabulary(counts: Counter[str]) -> None:
    """Fill the emptied vocabulary with ``counts`` (a whole rebuild)."""
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=word, documents=n) for word, n in sorted(counts.items()) if n > 0],
        batch_size=CHUNK,
        ignore_conflicts=True,
    )


def change_vocabulary(added: Counter[str], removed: Counter[str]) -> None:
    """Count the public documents written (``added``) and replaced (``removed``); words left
    in no public document leave the vocabulary. A few queries per distinct change."""
    delta: dict[str, int] = dict(added)
    for word, n in removed.items():
        delta[word] = delta.get(word, 0) - n
    _create_terms(sorted(word for word, change in delta.items() if change > 0))
    for change, words in sorted(_words_by_change(delta).items()):
        for chunk in _chunks(sorted(words)):
            SearchTerm.objects.filter(term__in=chunk).update(documents=F("documents") + change)
    _delete_unused(sorted(word for word, change in delta.items() if change < 0))


def _create_terms(words: list[str]) -> None:
    """Add the words the vocabulary lacks, counted 0 (the update that follows counts them)."""
    for chunk in _chunks(words):
        SearchTerm.objects.bulk_create(
            [SearchTerm(term=word, documents=0) for word in chunk], ignore_conflicts=True
        )


def _delete_unused(words: list[str]) -> None:
    """Remove those of the words left in no public document."""
    for chunk in _chunks(words):
        SearchTerm.objects.filter(term__in=chunk, documents__lte=0).delete()


def _words_by_change(delta: dict[str, int]) -> dict[int, list[str]]:
    """The changed words grouped by how much their count changes."""
    by_change: dict[int, list[str]] = defaultdict(list)
    for word, change in delta.items():
        if change:
            by_change[change].append(word)
    return by_change

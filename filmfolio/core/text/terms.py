"""Tokens for the search index and for queries, and the order-free key of a person's name.

Terms are plain strings of letters and digits separated by spaces, so any full-text engine with a
plain Unicode tokenizer (SQLite FTS5 ``unicode61``, PostgreSQL ``simple``) indexes them as they
are: one token per Chinese or Japanese character, one per Latin word, plus pinyin syllables.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from .chars import fold_chars, has_han
from .ordinals import han_editions, latin_ordinal, roman_number
from .pinyin import (
    best_segmentation,
    canonical_syllable,
    char_reading,
    readings,
    segmentations,
    split_tone_numbers,
)
from .stems import query_stems
from .surnames import surname_reading

_CJK_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f\u3040-\u30ff"
_TOKEN_RE = re.compile(rf"([{_CJK_CLASS}]+)|([^\W_{_CJK_CLASS}]+)")

MAX_QUERY_TOKENS = 12
MAX_WORD_LENGTH = 64
MAX_QUERY_CHARACTERS = 512
_MAX_NAME_RUN = 4  # longer Han runs are not one person's name: no joined readings
_MAX_KEY_STARTS = 3  # autocomplete keys start at the first three words at most
MAX_KEY_LENGTH = 120
_MAX_CACHED_TEXT = 300  # longer texts (synopses, queries) are split each time
_MAX_KEY_HAN = 12  # pinyin keys only for titles and names of at most this many characters
# an apostrophe inside a word separates pinyin syllables (Xi'an) or joins a name (O'Brien)
_INNER_APOSTROPHE_RE = re.compile(r"(?<=\w)['’ʼ](?=\w)")
# spaces between Chinese characters of a name ("曾 文"): one run, so the surname is seen
_HAN_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_GAP_RE = re.compile(rf"(?<=[{_HAN_CLASS}])\s+(?=[{_HAN_CLASS}])")


@dataclass(frozen=True)
class _Chunk:
    """A run of CJK characters or one Latin word from folded text."""

    text: str
    is_cjk: bool


def _chunks(text: str) -> tuple[_Chunk, ...]:
    """Split folded text into CJK runs and words; numbered pinyin is split at its tones.

    Cached for a while: indexing folds the same title for its terms, its autocomplete keys
    and its folded column one after the other.
    """
    return _cached_chunks(text) if len(text) <= _MAX_CACHED_TEXT else _split(text)


def _split(text: str) -> tuple[_Chunk, ...]:
    chunks: list[_Chunk] = []
    for match in _TOKEN_RE.finditer(fold_chars(text)):
        cjk, word = match.groups()
        if cjk:
            chunks.append(_Chunk(cjk, True))
        else:
            parts = split_tone_numbers(word[:MAX_WORD_LENGTH])
            chunks.extend(_Chunk(part, False) for part in parts)
    return tuple(chunks)


_cached_chunks = lru_cache(maxsize=4096)(_split)


def fold(text: str) -> str:
    """Fold ``text`` for equality matching of titles and names.

    NFKC, traditional -> simplified, case folding, diacritics and tone numbers removed,
    punctuation dropped and spaces collapsed: ``fold("Zhū Shēng-zè")`` is ``"zhu sheng ze"``,
    ``fold("朱聲仄")`` is ``"朱声仄"``.
    """
    return " ".join(chunk.text for chunk in _chunks(text))


def _word_terms(word: str) -> list[str]:
    """A Latin word, then its pinyin syllables when it splits into two or more."""
    syllables = best_segmentation(word)
    if len(syllables) > 1:
        return [word, *syllables]
    if syllables and syllables[0] != word:
        return [word, syllables[0]]
    return [word]


def name_readings(han: str) -> list[tuple[str, ...]]:
    """Pinyin readings of a Chinese name: the default one, then the surname one if different.

    ``name_readings("曾声仄")`` is ``[("ceng", "sheng", "ze"), ("zeng", "sheng", "ze")]``.
    """
    default = tuple(readings(han))
    length, surname = surname_reading(han)
    if not length or default[:length] == surname:
        return [default]
    return [default, (*surname, *default[length:])]


def _name_run_terms(run: str, *, first: bool) -> list[str]:
    """Pinyin terms of one Han run of a name: syllables, joined name, then the joined given
    name and a joined compound surname (欧阳 -> ouyang)."""
    if not has_han(run):
        return []
    options = name_readings(run) if first else [tuple(readings(run))]
    terms: list[str] = []
    for syllables in options:
        terms.extend(syllables)
        if 1 < len(syllables) <= _MAX_NAME_RUN:
            terms.append("".join(syllables))
    if 2 < len(run) <= _MAX_NAME_RUN:
        surname_length = surname_reading(run)[0] or 1
        reading = options[-1]
        terms.append("".join(reading[surname_length:]))
        if surname_length > 1:
            terms.append("".join(reading[:surname_length]))
    return terms


def index_terms(text: str, *, is_name: bool = False) -> list[str]:
    """Tokens to store in the search column for ``text`` (see ``_index_terms``); cached, as
    the same names recur on many films."""
    return list(_cached_index_terms(text, is_name))


def index_terms_of(texts: Iterable[str], *, is_name: bool = False) -> list[str]:
    """``index_terms`` of several texts one after the other, each distinct text once."""
    terms: list[str] = []
    for text in dict.fromkeys(texts):
        terms.extend(_cached_index_terms(text, is_name))
    return terms


def keep_more_terms(size: int = 1 << 20) -> None:
    """Cache the terms of up to ``size`` texts in this process instead of the default.

    For processes that index a whole catalogue: a million films name a few hundred thousand
    people, each on many films, and recomputing their terms was most of a rebuild. A web or
    worker process keeps the small default.
    """
    global _cached_index_terms
    _cached_index_terms = lru_cache(maxsize=size)(_index_terms)


def _index_terms(text: str, is_name: bool) -> tuple[str, ...]:
    """Tokens to store in the search column for ``text``, in text order.

    Folded Latin words (followed by their pinyin syllables when a word splits fully into
    pinyin), each CJK character, and for names (``is_name=True``) the pinyin of Chinese
    characters with the surname reading as well when it differs from the default.
    """
    terms: list[str] = []
    first_han = True
    for chunk in _chunks(text):
        if not chunk.is_cjk:
            terms.extend(_word_terms(chunk.text))
            continue
        terms.extend(chunk.text)
        if is_name:
            terms.extend(_name_run_terms(chunk.text, first=first_han))
            first_han = first_han and not has_han(chunk.text)
    return tuple(terms)


_cached_index_terms = lru_cache(maxsize=32768)(_index_terms)


def title_terms_of(texts: Iterable[str]) -> list[str]:
    """``index_terms_of`` for titles, each Chinese run followed by its pinyin: the syllables
    and, for runs of at most twelve characters, the syllables joined ("二三事" -> 二 三 事 er
    san shi ersanshi), so a title is found as its name would be."""
    terms: list[str] = []
    for text in dict.fromkeys(texts):
        terms.extend(_title_terms(text))
    return terms


@lru_cache(maxsize=32768)
def _title_terms(text: str) -> tuple[str, ...]:
    terms = list(_cached_index_terms(text, False))
    for chunk in _chunks(text):
        if chunk.is_cjk and has_han(chunk.text):
            syllables = [s for s in readings(chunk.text) if s.isascii() and s.isalpha()]
            terms.extend(syllables)
            if len(syllables) > 1 and len(chunk.text) <= _MAX_KEY_HAN:
                terms.append("".join(syllables))
    return tuple(terms)


def once_each_word(terms: list[str]) -> list[str]:
    """``terms`` with each Latin word after its first occurrence left out; CJK characters all
    kept, in order (a query's Chinese words match as phrases of adjacent characters). A
    document matches a word wherever it occurs and search ranking does not count
    occurrences, so a repeat (a name on several credits, "canada" in the labels of five
    languages: a quarter of a film's other terms) only makes an index bigger. A repeat right
    after a Chinese character stays: it keeps that run of characters apart from the next one
    (吴海 wu … 李: "海李" must not become a phrase of the document)."""
    seen: set[str] = set()
    kept_terms: list[str] = []
    for term in terms:
        for word in term.split():
            if word.isascii():
                after_han = bool(kept_terms) and not kept_terms[-1].isascii()
                if word in seen and not after_han:
                    continue
                seen.add(word)
            kept_terms.append(word)
    return kept_terms


def _dedupe(items: list[str]) -> list[str]:
    """Items in first-seen order without repeats."""
    return list(dict.fromkeys(item for item in items if item))


def _cjk_alternatives(run: str) -> list[str]:
    """A CJK query run as a phrase of characters, and (two or more Han) as pinyin."""
    alternatives = [" ".join(run)]
    if len(run) > 1 and has_han(run) and len(run) <= _MAX_NAME_RUN:
        alternatives.extend(" ".join(reading) for reading in name_readings(run))
    return alternatives


def _word_alternatives(word: str) -> list[str]:
    """A query word as itself, as each way it splits into pinyin syllables and as its stems
    (``stems.query_stems``: text words are indexed with theirs)."""
    alternatives = [word]
    for syllables in segmentations(word):
        alternatives.append(" ".join(syllables))
    ordinal = latin_ordinal(word)
    numbers = [str(ordinal)] if ordinal is not None else []
    return [*alternatives, *numbers, *query_stems(word)]


def query_terms(
    text: str, *, edition_context: Callable[[str], bool] | None = None
) -> list[list[str]]:
    """The query as a list of tokens, each a list of alternatives (any one may match).

    An alternative with spaces needs all its tokens. CJK characters (see ``is_phrase``) must
    appear in that order next to each other; pinyin syllables may appear in any order, because
    names come in either order. ``query_terms("Zhu shengze")`` is ``[["zhu"], ["shengze",
    "sheng ze"]]``. At most ``MAX_QUERY_TOKENS`` tokens are kept; text without letters, digits
    or CJK gives ``[]``.

    Edition ordinals are read as their numbers (``ordinals``): "49th" and "49e" have "49" as
    an alternative, "第49届" and "第四十九届" are the token "49"; a roman numeral ("XLIX") has
    its number as an alternative when a word next to it satisfies ``edition_context`` (the
    caller knows which words name festivals).
    """
    result: list[list[str]] = []
    chunks = _chunks(han_editions(fold_chars(text[:MAX_QUERY_CHARACTERS])))
    for position, chunk in enumerate(chunks):
        if chunk.is_cjk:
            alternatives = _cjk_alternatives(chunk.text)
        else:
            alternatives = _word_alternatives(chunk.text)
            roman = roman_number(chunk.text) if edition_context is not None else None
            if roman is not None and _next_to(chunks, position, edition_context):
                alternatives.append(str(roman))
        result.append(_dedupe(alternatives))
        if len(result) == MAX_QUERY_TOKENS:
            break
    return result


def _next_to(
    chunks: tuple[_Chunk, ...], position: int, context: Callable[[str], bool] | None
) -> bool:
    """Whether a chunk before or after ``position`` satisfies ``context``."""
    around = chunks[max(0, position - 1) : position] + chunks[position + 1 : position + 2]
    return context is not None and any(context(chunk.text) for chunk in around)


def is_phrase(alternative: str) -> bool:
    """True if a query alternative's tokens must be adjacent and in order (CJK characters)."""
    match = _TOKEN_RE.match(alternative)
    return " " in alternative and match is not None and match.group(1) is not None


def prefix_keys(text: str, *, is_name: bool = False) -> list[str]:
    """Keys for autocomplete by prefix: the folded text without spaces from each of its first
    words, the pinyin of its Chinese characters and, for names, their pinyin initials.

    ``prefix_keys("The Road Home")`` is ``["theroadhome", "roadhome", "home"]``;
    ``prefix_keys("朱声仄", is_name=True)`` is ``["朱声仄", "zhushengze", "zsz"]``.
    """
    return list(_prefix_keys(text, is_name))


@lru_cache(maxsize=65536)
def _prefix_keys(text: str, is_name: bool) -> tuple[str, ...]:
    """``prefix_keys`` cached: titles and names recur."""
    words = [chunk.text for chunk in _chunks(text)]
    keys = [
        "".join(words[start:])[:MAX_KEY_LENGTH] for start in range(len(words[:_MAX_KEY_STARTS]))
    ]
    han = "".join(word for word in words if has_han(word))
    if han and len(han) <= _MAX_KEY_HAN:
        keys += _reading_keys(han, is_name)
    return tuple(_dedupe(keys))


def _reading_keys(han: str, is_name: bool) -> list[str]:
    """The pinyin of Chinese characters (a name read with its surname reading), and a name's
    initials."""
    # character by character (cached per character): a phrase lookup per title is slow
    syllables = [char_reading(char) for char in han]
    if not is_name:
        return ["".join(syllables)[:MAX_KEY_LENGTH]]
    length, surname = surname_reading(han)
    syllables[:length] = surname
    return [
        "".join(syllables)[:MAX_KEY_LENGTH],
        "".join(syllable[0] for syllable in syllables if syllable),
    ]


def prefix_query(text: str) -> str:
    """What a typed text is looked up as among ``prefix_keys``: folded, without spaces."""
    return "".join(chunk.text for chunk in _chunks(text[:MAX_QUERY_CHARACTERS]))[:MAX_KEY_LENGTH]


def name_reading(name: str) -> str:
    """A person's name in Latin letters, in its written order, for addresses and sorting.

    Chinese characters are read as pinyin with the surname reading of the first Han run
    ("叶京" -> "ye jing", "曾文" -> "zeng wen", "文曾" -> "wen ceng"); Latin words are folded
    and kept whole ("Zhū Shēngzè" -> "zhu shengze"); kana are kept as they are.
    """
    parts: list[str] = []
    first_han = True
    for chunk in _chunks(_HAN_GAP_RE.sub("", name)):
        if chunk.is_cjk and has_han(chunk.text):
            options = name_readings(chunk.text) if first_han else [tuple(readings(chunk.text))]
            parts.extend(options[-1])
            first_han = False
        else:
            parts.append(chunk.text)
    return " ".join(parts)


def name_key(name: str) -> str:
    """An order-independent key for de-duplicating people (and other names).

    Chinese characters are read as pinyin (with the surname reading), Latin words that split
    into pinyin are split, and the syllables are sorted: "Zhu Shengze", "Shengze Zhu",
    "zhu sheng-ze", "朱声仄" and "朱聲仄" all give ``"sheng ze zhu"``. Give one written form
    of a name at a time: a name written in two scripts at once repeats its syllables. An
    apostrophe inside a word is dropped first, so "Xi'an" and "Xian" give the same key.
    """
    parts: list[str] = []
    first_han = True
    for chunk in _chunks(_HAN_GAP_RE.sub("", _INNER_APOSTROPHE_RE.sub("", name))):
        if chunk.is_cjk and has_han(chunk.text):
            options = name_readings(chunk.text) if first_han else [tuple(readings(chunk.text))]
            parts.extend(options[-1])
            first_han = False
        elif chunk.is_cjk:
            parts.extend(chunk.text)
        else:
            parts.extend(best_segmentation(chunk.text) or [canonical_syllable(chunk.text)])
    return " ".join(sorted(parts))

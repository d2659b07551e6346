"""The vocabularies of a film as search words, in both interface languages and CLDR's names.

A film's document carries the words of its kind, genres, countries of origin and spoken
languages: the English and Chinese labels people see in the interface, other names people type
for the kinds ("Dokumentarfilm", "court métrage"), and CLDR's names of the countries and
languages in the catalogue's main languages (``NAME_LOCALES``). Chinese names of kinds and
genres carry their pinyin as titles do ("jilupian"), and a genre's Chinese name is also found
with the word for film people add to it (剧情 as 剧情片). Every value's words are computed once
per process, so a rebuild pays for each distinct value once.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils import translation

from filmfolio.core.text import fold, index_terms_of, once_each_word, stem, title_terms_of
from filmfolio.core.text.chars import has_han
from filmfolio.core.text.pinyin import readings
from filmfolio.search.choices import Facet

from .choices import FilmKind
from .roles import GENRES

NAME_LOCALES = ("en", "zh_Hans", "zh_Hant", "fr", "de", "es")
INTERFACE_LANGUAGES = ("en", "zh-hans")

# names people type for a kind beyond its two interface labels
KIND_ALIASES: dict[str, tuple[str, ...]] = {
    FilmKind.FEATURE: ("feature film", "Spielfilm", "long métrage", "largometraje", "故事片"),
    FilmKind.SHORT: ("short film", "Kurzfilm", "court métrage", "cortometraje", "短片"),
    FilmKind.DOCUMENTARY: (
        "documentary film",
        "Dokumentarfilm",
        "Dokumentation",
        "documentaire",
        "documental",
        "documentario",
        "纪录片",
        "记录片",
    ),
    FilmKind.ANIMATION: ("animated film", "Animationsfilm", "film d'animation", "动画片"),
    FilmKind.SERIES: ("TV series", "Serie", "série", "剧集", "电视剧"),
}
# a documentary short is found as a documentary and as a short
KIND_PARTS: dict[str, tuple[str, ...]] = {
    FilmKind.DOCUMENTARY_SHORT: (FilmKind.DOCUMENTARY_SHORT, FilmKind.DOCUMENTARY, FilmKind.SHORT),
}


def _labels(label: object) -> list[str]:
    """A lazy label in each interface language."""
    texts = []
    for language in INTERFACE_LANGUAGES:
        with translation.override(language):
            texts.append(str(label))
    return texts


@lru_cache(maxsize=64)
def kind_terms(kind: str) -> tuple[str, ...]:
    """Words of a film kind: its labels in both languages and the other names of it."""
    texts: list[str] = []
    for part in KIND_PARTS.get(kind, (kind,)):
        if part in FilmKind.values:
            texts += _labels(FilmKind(part).label)
        texts += KIND_ALIASES.get(part, ())
    return _with_stems(title_terms_of(texts))


def _with_stems(terms: list[str]) -> tuple[str, ...]:
    """Terms and the English stems of the Latin ones, so "documentaries" and "dramas" (read
    as their stems) find what "documentary" and "drama" name."""
    stems = [stem(term, "en") for term in terms if term.isascii()]
    return tuple(once_each_word([*terms, *stems]))


@lru_cache(maxsize=1024)
def _locale(name: str) -> Locale | None:
    try:
        return Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        return None


@lru_cache(maxsize=4096)
def country_terms(code: str) -> tuple[str, ...]:
    """Words of a country (ISO 3166 code): its code and CLDR names in ``NAME_LOCALES``."""
    names = [code]
    for name in NAME_LOCALES:
        locale = _locale(name)
        if locale is not None and (found := locale.territories.get(code.upper())):
            names.append(found)
    return tuple(index_terms_of(names))


@lru_cache(maxsize=4096)
def language_terms(tag: str) -> tuple[str, ...]:
    """Words of a language (BCP 47 tag): CLDR names of its primary language and of the tag."""
    primary = tag.split("-")[0].lower()
    names: list[str] = []
    for name in NAME_LOCALES:
        locale = _locale(name)
        if locale is None:
            continue
        names += [n for n in (locale.languages.get(primary), locale.languages.get(tag)) if n]
    return tuple(index_terms_of(names))


@lru_cache(maxsize=1024)
def genre_terms(name_en: str, name_zh: str) -> tuple[str, ...]:
    """Words of a genre: its English and Chinese names (the Chinese also as a film's genre)."""
    return _with_stems(title_terms_of([name_en, *_film_forms(name_zh)]))


def _film_forms(name_zh: str) -> list[str]:
    """A Chinese genre name and, unless it already says so, the name of a film of that genre
    (剧情 -> 剧情, 剧情片)."""
    if not name_zh or name_zh.endswith(("片", "电影")):
        return [name_zh] if name_zh else []
    return [name_zh, f"{name_zh}片"]


def film_kind_label(value: str) -> str | None:
    """A film kind's label in the active language (the search page's facet)."""
    return _film_kind_label(value, translation.get_language() or "en")


@lru_cache(maxsize=256)
def _film_kind_label(value: str, language: str) -> str | None:
    if value not in FilmKind.values:
        return None
    with translation.override(language):
        return str(FilmKind(value).label)


_GENRE_NAMES = {slug: (name_en, name_zh) for slug, name_en, name_zh in GENRES}


def genre_label(slug: str) -> str | None:
    """A genre's name in the active language (the search page's facet), for the genres of the
    controlled vocabulary; ``None`` keeps the stored name."""
    names = _GENRE_NAMES.get(slug)
    if names is None:
        return None
    language = translation.get_language() or "en"
    return names[1] if language.startswith("zh") and names[1] else names[0]


def named_values(word: str) -> tuple[tuple[str, str], ...]:
    """The kinds and genres a folded query word names, as (filter, value) pairs: "documentary",
    "documentaries" (by its English stem), "纪录片" and "Dokumentarfilm" name the documentaries
    and documentary shorts; "drama" and "剧情" the drama genre. Single-word names only."""
    return _named_values().get(word, ())


@lru_cache(maxsize=1)
def _named_values() -> dict[str, tuple[tuple[str, str], ...]]:
    named: dict[str, dict[tuple[str, str], None]] = {}
    for kind in FilmKind.values:
        texts = _labels(FilmKind(kind).label) + list(KIND_ALIASES.get(kind, ()))
        holders = [k for k in FilmKind.values if kind in KIND_PARTS.get(k, (k,))]
        for word in _single_words(texts):
            for holder in holders:
                named.setdefault(word, {})[("film_kind", holder)] = None
    for slug, name_en, name_zh in GENRES:
        for word in _single_words([name_en, *_film_forms(name_zh)]):
            named.setdefault(word, {})[(Facet.GENRE.value, slug)] = None
    return {word: tuple(pairs) for word, pairs in named.items()}


def _single_words(texts: list[str]) -> set[str]:
    """The folded texts that are one word (or one Chinese run), with English stems and the
    joined pinyin of the Chinese ones."""
    words = {folded for text in texts if (folded := fold(text)) and " " not in folded}
    pinyin = {"".join(readings(word)) for word in words if has_han(word)}
    return words | pinyin | {stem(word, "en") for word in words if word.isascii()}

"""The title decision: labelled titles, the page's heading line, aliases, quoted titles."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .lexicon import DOCUMENTARY_WORDS, FORMAT_WORDS, GENRES

_NOT_A_TITLE = re.compile(r"[?!]|https?://|www\.|\.(?:com|org|net)\b")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_YEAR_SUFFIX = re.compile(r"\s*\((?P<year>(?:1[89]|20)\d\d)\)\s*$")
_DIR_SUFFIX = re.compile(r"\s+[-–—|]\s+(?:dir\.|directed by|a film by|trailer|official).*$", re.I)
# A window title's site part: "X - Wikipedia", "X (2016) | MUBI", "X - 豆瓣电影", "X — Vimeo".
_SITE_SUFFIX = re.compile(
    r"\s*(?:\s[-–—|·]\s|\s?[|｜]\s?)\s*(?:[^-–—|]*\b(?:wikipedia|wikipédia|wikipedie|"
    r"wikipedii|vikipedi|imdb|vimeo|youtube|letterboxd|mubi|filmaffinity|allociné|allocine|"
    r"kinopoisk|кинопоиск|filmweb|rotten tomatoes|tmdb|the movie database|facebook|"
    r"instagram|festival scope|filmfreeway|kickstarter|indiegogo|ulule|seed&spark)\b[^-–—|]*|"
    r"[^-–—|]*(?:维基百科|維基百科|위키백과|ウィキペディア|豆瓣|猫眼|时光网|映画\.com|allcinema|"
    r"네이버|다음 영화|ويكيبيديا|ویکی‌پدیا|Википедия|Вікіпедія|Уикипедия)[^-–—|]*|"
    r"\s*[\w.-]+\.(?:com|org|net|tv|fr|de|it|es|cn|jp|kr|tw|hk|ru|io|co)\b)\s*$",
    re.I,
)
_ALIAS = re.compile(
    r"^(?P<a>[^:,。]{1,40}?)\s*(?:又名|亦名|\ba\.k\.a\.|\baka\b)\s*[:]?\s*(?P<b>[^:,。]{1,60})$"
)
_BOOK = re.compile(r"《([^《》]{1,40})》")
_HEADINGS = frozenset(
    """technical data|datos técnicos|fiche|fiche technique|ficha técnica|technical details|
    specifications|specification sheet|credits|crew|cast|synopsis|overview|details|about|
    festivals|awards|screenings|info|information|film info|剧情简介|简介|影片信息|演职员表|
    获奖情况|详情|基本信息|资料|official selection|trailer|home|news|films|programme|program|
    director statement|director's statement|biography|filmography|press release|press|
    catalogue|catalog|katalog|catálogo|catalogo|pressemitteilung|presse|communiqué|
    communiqué de presse|comunicado de prensa|comunicato stampa|comunicado de imprensa|
    persbericht|пресс-релиз|новости|basın bülteni|haberler|siaran pers|berita|tin tức|新闻稿|
    新聞稿|新闻|新聞|プレスリリース|ニュース|보도자료|뉴스|δελτίο τύπου|بيان صحفي|اخبار|أخبار|
    aktuelles|actualités|noticias|notizie|notícias|nieuws|programm|programa|programma""".replace(
        "\n", ""
    ).split("|")
)
_HEADINGS = frozenset(h.strip() for h in _HEADINGS)


def script_of(text: str) -> str:
    """'cjk', 'cyrillic', 'latin' or 'other' for the dominant script of a title."""
    if _CJK.search(text):
        return "cjk"
    if _CYRILLIC.search(text):
        return "cyrillic"
    return "latin" if _LATIN.search(text) else "other"


_EDITION_YEAR = re.compile(r"\s+(?:19|20)\d\d$")


def is_heading(line: str) -> bool:
    """True for a section heading, one or both halves of a bilingual heading."""
    key = _EDITION_YEAR.sub("", line.strip().casefold().rstrip(":"))
    halves = [h.strip() for h in key.split(" / ")]
    return (
        key in _HEADINGS
        or all(h in _HEADINGS for h in halves)
        or any(h in _HEADINGS for h in halves[1:])
    )


_IMAGE_FILE = re.compile(r"\.(?:gif|jpe?g|png|webp|svg|bmp)$", re.I)
_BREADCRUMB = re.compile(r">>|»|›|\s>\s.*\s>\s|\s/\s.*\s/\s.*\s/\s")
_CAPTION = re.compile(
    r"^(?:logo|photo|foto|image|imagen|immagine|bild|picture|date|posted|published|update[sd]?|"
    r"by|tags?|download|télécharger|herunterladen|descargar|scarica|baixar|share|menu)\b|"
    r"사진$|写真$|图片$|圖片$|首页$|首頁$|主页$|主頁$|^下载|^下載",
    re.I,
)
_GLUED_CHROME = re.compile(r"[A-Za-z]*(?:[a-z][A-Z][a-z]+){4,}")
_DATE_WORDS = re.compile(
    r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})\b|"
    r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|"
    r"vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b",
    re.I,
)


_KIND_WORDS = FORMAT_WORDS | GENRES | DOCUMENTARY_WORDS
_WORD_PARTS = re.compile(r"[/,|·-]")


def is_glued_chrome(line: str) -> bool:
    """True for menu words glued into one run ("BackBackMenuCloseSearch…")."""
    return bool(_GLUED_CHROME.search(line))


def is_format_words(line: str) -> bool:
    """True for a line made only of genre and format words ("documentary/ short")."""
    if len(line) > 60:
        return False
    parts = [p.strip().casefold() for p in _WORD_PARTS.split(line) if p.strip()]
    return bool(parts) and all(p in _KIND_WORDS or p.rstrip("s") in _KIND_WORDS for p in parts)


_MENU_SPLIT = re.compile(r"\s*[|·•]\s*")


def is_menu(line: str) -> bool:
    """True for a navigation line: three or more items of one or two words between bars."""
    parts = [p for p in _MENU_SPLIT.split(line.strip()) if p]
    return len(parts) >= 3 and all(len(p.split()) <= 2 for p in parts)


def plausible_title(line: str) -> bool:
    """A short line that reads like a title, not a sentence, quote or tagline."""
    s = line.strip()
    if not s or len(s) > 90 or len(s.split()) > 14 or is_heading(s):
        return False
    if _looks_like_page_chrome(s) or _NOT_A_TITLE.search(s):
        return False
    if s[0] in "\"'“‘«(©#@《" or s.endswith((".", "!", "?", ":", ",", "…")):
        return False
    return any(c.isalpha() for c in s)


def _looks_like_page_chrome(s: str) -> bool:
    """An image file name, breadcrumbs, a caption, glued menu words, a date or format words."""
    return bool(
        _IMAGE_FILE.search(s)
        or _BREADCRUMB.search(s)
        or _CAPTION.search(s)
        or _GLUED_CHROME.search(s)
        or _DATE_WORDS.search(s)
        or is_format_words(s)
        or is_menu(s)
    )


def strip_site(line: str) -> str:
    """A window title without its site part ("X - Wikipedia" → "X")."""
    return _SITE_SUFFIX.sub("", line) if len(line) < 160 else line


# A window title of any site: "X (2019) - Site", "Watch "X" (2019) online", "X (2019) | Site".
_YEAR_THEN_SITE = re.compile(
    r"^(?P<t>.+?\((?:1[89]|20)\d\d\))\s*(?:\s[-–—|·:]\s|[|｜])\s*[^()]{1,60}$"
)
_WATCH = re.compile(
    r"^(?:watch|stream|ver|regarder|guarda|assistir|schauen|смотреть|izle|xem|nonton)\s+"
    r"(?:online\s+)?[\"“«]?(?P<t>[^\"“”«»]+?)[\"”»]?(?P<y>\s*\((?:1[89]|20)\d\d\))?"
    r"\s+(?:online|streaming|full movie|en ligne|en streaming|in streaming|онлайн)\b.*$",
    re.I,
)


def window_title(line: str) -> str:
    """A window title without the site's part and the streaming words around the title."""
    m = _WATCH.match(line.strip())
    if m:
        line = m.group("t") + (m.group("y") or "")
    m = _YEAR_THEN_SITE.match(line.strip())
    return m.group("t") if m else line


def split_heading(line: str) -> tuple[str, str | None, int | None]:
    """(title, other-script title, year) from a heading line such as "A - B (2008)"."""
    year = None
    line = window_title(_SITE_SUFFIX.sub("", line))
    m = _OTHER_IN_BRACKETS.match(line.strip())
    if m and _names_a_title(m.group("b")):
        year = int(m.group("y")) if m.group("y") else None
        return m.group("a").strip(), m.group("b").strip(), year
    m = _YEAR_SUFFIX.search(line)
    if m:
        year, line = int(m.group("year")), line[: m.start()]
    line = re.sub(r"^[\s|]+|[\s|]+$", "", _DIR_SUFFIX.sub("", line))
    for sep in (" - ", " – ", " — ", " / ", ": ", ","):
        if sep in line:
            split = _split_at(line, sep)
            if split is not None:
                return (*split, year)
    return line, None, year


# "바람의 집 (The House of Wind, 2020)", "Frarìa (Spark)": a title with its other title in brackets.
_OTHER_IN_BRACKETS = re.compile(
    r"^(?P<a>[^()]{1,80}?)\s*[(（](?P<b>[^()（）,，]{2,80}?)(?:[,，]\s*(?P<y>(?:1[89]|20)\d\d))?[)）]$"
)
_FACT_WORDS = re.compile(r"\d|\b(?:min|dir|dur)\.?\b", re.I)


def _names_a_title(text: str) -> bool:
    """True for bracketed words that may be a title: no numbers, not a genre or format word."""
    s = text.strip()
    return (
        len(s.split()) <= 10
        and not _FACT_WORDS.search(s)
        and not is_format_words(s)
        and (not s[0].isalpha() or s[0].isupper() or script_of(s) != "latin")
    )


def _split_at(line: str, sep: str) -> tuple[str, str | None] | None:
    """(title, other title) of a heading at its first ``sep``: format words before it leave
    the rest as the title; two scripts give a title and its other-script title."""
    a, b = (p.strip() for p in line.split(sep, 1))
    if not (a and b):
        return None
    if sep != "," and is_format_words(a):
        return b, None
    if sep != ": " and script_of(a) != script_of(b):
        return a, b
    if sep == " / " and "/" not in b:
        return a, b  # "Original / English": catalogues write both titles so
    return None


def alias_titles(line: str) -> tuple[str, str] | None:
    """(local title, alias) from "X又名Y" / "X aka Y"."""
    m = _ALIAS.match(line.strip())
    return (m.group("a").strip(), m.group("b").strip()) if m else None


def quoted_title(text: str) -> str | None:
    """The title quoted most often in 《》 marks, when quoted at least twice."""
    counts = Counter(_BOOK.findall(text))
    if not counts:
        return None
    title, n = counts.most_common(1)[0]
    return title if n >= 2 else None


def order_titles(title: str, other: str | None) -> tuple[str, str | None]:
    """English before Chinese: a Latin title is the title, a CJK one the original."""
    if other and script_of(title) == "cjk" and script_of(other) == "latin":
        return other, title
    if other and other.casefold() == title.casefold():
        return title, None
    return title, other


# A film's own site or uploader handle: "<title>movie", "<title>themovie", "<title>thefilm" …
_HANDLE_SOURCES = re.compile(
    r"(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9][a-z0-9-]{2,62})\.[a-z]{2,6}\b"
    r"|^(?:from|von|de|da|di|par|by)\s+@?(?P<from>[A-Za-z0-9_.-]{4,64})\.?$"
    r"|(?<![\w@.])@(?P<at>[A-Za-z0-9_]{4,64})\b",
    re.I | re.M,
)
# A bare "<x>film" is left out: film bodies, festivals and companies use it ("<city>film").
_MARKER = re.compile(
    r"^(?P<stem>[a-z0-9]+?)(?:(?P<article>the)?movie|(?:the|le|der|il)film|"
    r"lapelicula)$"
)
_WORD = re.compile(r"\w+")
_AFTER_STEM = frozenset(
    [
        "film",
        "films",
        "movie",
        "movies",
        "the",
        "festival",
        "fest",
        "awards",
        "productions",
        "production",
        "pictures",
        "studio",
        "studios",
        "media",
        "entertainment",
        "company",
        "co",
        "ltd",
        "inc",
        "llc",
        "gmbh",
    ]
)


def _key(text: str) -> str:
    """Letters and digits only, case and accents dropped: "Été-Film" → "etefilm"."""
    if text.isascii():  # nothing to decompose
        return _NOT_KEY.sub("", text.lower())
    plain = unicodedata.normalize("NFKD", text.casefold())
    return _NOT_KEY.sub("", "".join(c for c in plain if not unicodedata.combining(c)))


_NOT_KEY = re.compile(r"[\W_]")


def handle_stems(handle: str) -> list[str]:
    """The title stems a film-marked handle may spell: "festivalthemovie" → ["festival", …]."""
    m = _MARKER.match(_key(handle))
    if not m:
        return []
    stem, article = m.group("stem"), m.group("article") or ""
    return [s for s in dict.fromkeys((stem, stem + article)) if sum(c.isalpha() for c in s) >= 3]


def spelled_as_words(stem: str, text: str) -> list[str]:
    """Capitalised word runs of the text that spell the stem, not followed by a company word."""
    words = list(_WORD.finditer(text))
    keys = [_key(w.group()) for w in words]  # each word's key once, not once per start
    found = []
    for i, first in enumerate(words):
        joined, j = "", i
        while j < len(words) and len(joined) < len(stem):
            joined += keys[j]
            j += 1
        if joined != stem or not (first.group()[0].isupper() or first.group()[0].isdigit()):
            continue
        if j < len(words) and keys[j] in _AFTER_STEM:
            continue
        found.append(text[first.start() : words[j - 1].end()])
    return found


def handle_title(text: str, taken: list[str]) -> str | None:
    """A title read off the film's own domain or uploader handle, confirmed by the page's words.

    Only handles marked as a film's ("<title>movie", "<title>themovie", "<title>thefilm",
    "<title>lefilm" …) count. The title must also be written in the page as capitalised words,
    not as the start of a company or festival name, and must not begin any value the page gives
    for another field (``taken``: people, genres, countries, festivals). None when no handle or
    more than one title fits.
    """
    handles = [next(g for g in m.groups() if g) for m in _HANDLE_SOURCES.finditer(text)]
    prose = _HANDLE_SOURCES.sub(" ", text)
    others = [_key(t) for t in taken if _key(t)]
    titles = _handle_titles(handles, prose, others)
    return next(iter(titles.values())) if len(titles) == 1 else None


def _handle_titles(handles: list[str], prose: str, others: list[str]) -> dict[str, str]:
    """Stem -> the title as the prose spells it, for each handle's stem written in the prose
    and not the start of another field's value."""
    titles: dict[str, str] = {}
    for handle in handles:
        for stem in handle_stems(handle):
            spelled = spelled_as_words(stem, prose)
            if spelled and not any(o.startswith(stem) for o in others):
                titles.setdefault(stem, spelled[0])
    return titles

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
    r"^(?P<a>[^:,。]{1,40}?)\s*(?:又名|亦名|a\.k\.a\.|aka)\s*[:]?\s*(?P<b>[^:,。]{1,60})$"
)
_BOOK = re.compile(r"《([^《》]{1,40})》")
_HEADINGS = frozenset(
    """technical data|datos técnicos|fiche|fiche technique|ficha técnica|technical details|
    specifications|specification sheet|credits|crew|cast|synopsis|overview|details|about|
    festivals|awards|screenings|info|information|film info|剧情简介|简介|影片信息|演职员表|
    获奖情况|详情|基本信息|资料|official selection|trailer|home|news|films|programme|program|
    director statement|director's statement|biography|filmography""".replace("\n", "").split("|")
)
_HEADINGS = frozenset(h.strip() for h in _HEADINGS)


def script_of(text: str) -> str:
    """'cjk', 'cyrillic', 'latin' or 'other' for the dominant script of a title."""
    if _CJK.search(text):
        return "cjk"
    if _CYRILLIC.search(text):
        return "cyrillic"
    return "latin" if _LATIN.search(text) else "other"


def is_heading(line: str) -> bool:
    """True for a section heading, one or both halves of a bilingual heading."""
    key = line.strip().casefold().rstrip(":")
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
    )


def strip_site(line: str) -> str:
    """A window title without its site part ("X - Wikipedia" → "X")."""
    return _SITE_SUFFIX.sub("", line) if len(line) < 160 else line


def split_heading(line: str) -> tuple[str, str | None, int | None]:
    """(title, other-script title, year) from a heading line such as "A - B (2008)"."""
    year = None
    line = _SITE_SUFFIX.sub("", line)
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


def _split_at(line: str, sep: str) -> tuple[str, str | None] | None:
    """(title, other title) of a heading at its first ``sep``: format words before it leave
    the rest as the title; two scripts give a title and its other-script title."""
    a, b = (p.strip() for p in line.split(sep, 1))
    if a and b and sep != "," and is_format_words(a):
        return b, None
    if a and b and sep != ": " and script_of(a) != script_of(b):
        return a, b
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
    plain = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]", "", "".join(c for c in plain if not unicodedata.combining(c)))


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
    found = []
    for i, first in enumerate(words):
        joined, j = "", i
        while j < len(words) and len(joined) < len(stem):
            joined += _key(words[j].group())
            j += 1
        if joined != stem or not (first.group()[0].isupper() or first.group()[0].isdigit()):
            continue
        if j < len(words) and _key(words[j].group()) in _AFTER_STEM:
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


# Titles named in running text: a quoted title, or a capitalised run after a film word.
_FILM_WORD = (
    r"film|movie|documentary|short|feature|doc|animation|entry|project|projet|proyecto|progetto|"
    r"projekt|documental|documentaire|documentário|documentario|dokumentarfilm|dokumentar|corto|"
    r"cortometraggio|cortometraje|court[- ]métrage|curta|kurzfilm|película|pelicula|filme|"
    r"pellicola|opera|œuvre|obra|werk|fim|cortometragem|ταινία|ντοκιμαντέρ|фильм|филм|фільм|"
    r"belgesel|فيلم|فیلم|مستند|phim|영화|단편영화|다큐멘터리|映画|作品|ドキュメンタリー|纪录片|"
    r"紀錄片|记录片|短片|影片|电影|電影|微电影|微電影|片"
)
_QUOTED = re.compile(
    r"《(?P<a>[^《》\n]{1,60})》|「(?P<b>[^「」\n]{1,60})」|『(?P<c>[^『』\n]{1,60})』|"
    r"“(?P<d>[^“”\n]{2,80})”|«\s?(?P<e>[^«»\n]{2,80}?)\s?»|<(?P<f>[^<>\n]{1,40})>|〈(?P<g>[^〈〉\n]{1,40})〉|"
    r"(?<![\w\"])\"(?P<h>[^\"\n]{2,80})\"(?![\w\"])|(?<![\w'’])[‘'](?P<i>[A-ZÀ-Þ0-9][^'‘’\n]{1,80}?)[’'](?![\w])"
)
_NEAR_FILM = re.compile(rf"(?:{_FILM_WORD})\W{{0,3}}$", re.I)
_FILM_AFTER = re.compile(
    rf"^\W{{0,3}}(?:(?:is|was|est|es|è|é|ist|is een|ha|has|a|an|un|una|une|uma|um|ein|eine|"
    rf"een|o|el|il|le|la|der|die|das|de)\s+)*(?:[\w-]+\s+)?(?:{_FILM_WORD})\b"
    r"|^(?:로|은|는|이|가|를|을|의|が|は|を|の)"
    r"|^(?:是|为|為|这部|這部)?[\u4e00-\u9fff]{0,10}?(?:纪录片|紀錄片|电影|電影|短片|影片|微电影|微電影)",
    re.I,
)
_TITLE_RUN = (
    r"[A-Z0-9][\w'’&-]*(?:\s+(?:[A-Z0-9][\w'’&:-]*|of|the|on|in|and|&|a|an|to|for|at|de|la|le|"
    r"du|des|di|del|da|von|der|y|e|et|und)){0,8}"
)
_AFTER_FILM_WORD = re.compile(
    rf"\b(?:short|documentary|film|movie|feature|entry|project|campaign for|premiere of|"
    rf"screening of)\s+(?:film\s+)?(?:called\s+|titled\s+|entitled\s+|named\s+)?"
    rf"(?P<t>{_TITLE_RUN})"
)
_TITLE_COMMA = re.compile(
    rf"^(?P<t>{_TITLE_RUN}),\s+(?:a|an|un|una|une|uma|um|ein|eine|een|il|le|la|el|o|the)\s+"
    rf"(?:[\w-]+\s+){{0,2}}(?:{_FILM_WORD})\b",
    re.M,
)
_HEADLINE_COLON = re.compile(
    rf"^(?P<t>[^:\n]{{2,60}}):\s+(?:a|an|the|un|une|una|um|uma|ein|eine)\s+(?:[\w-]+\s+)?"
    rf"(?:{_FILM_WORD})\b",
    re.I,
)
_SMALL_WORDS = frozenset(
    [
        "of",
        "the",
        "on",
        "in",
        "and",
        "&",
        "a",
        "an",
        "to",
        "for",
        "at",
        "de",
        "la",
        "le",
        "du",
        "des",
        "di",
        "del",
        "da",
        "von",
        "der",
        "y",
        "e",
        "et",
        "und",
    ]
)


def _trim_run(run: str) -> str:
    words = run.split()
    while words and (words[-1].casefold() in _SMALL_WORDS or words[-1].endswith(":")):
        words.pop()
    return " ".join(words)


def _quoted_titles(text: str) -> list[tuple[str, int]]:
    """(quoted text, points): 1, and 2 more with a film word right before or after it."""
    out = []
    for m in _QUOTED.finditer(text):
        title = next(g for g in m.groups() if g is not None)
        if _reads_as_sentence(title):
            continue
        # 《》 and 『』 mark the titles of works in Chinese and Japanese.
        base = 2 if m.group("a") or m.group("c") else 1
        out.append((title, base + 2 if _beside_film_word(text, m) else base))
    return out


def _reads_as_sentence(title: str) -> bool:
    return len(title.split()) > 12 or (title.endswith((".", "!", "?")) and len(title) > 40)


def _beside_film_word(text: str, m: re.Match) -> bool:
    """A film word right before or after a quoted text."""
    return bool(
        _NEAR_FILM.search(text[max(0, m.start() - 30) : m.start()])
        or _FILM_AFTER.match(text[m.end() : m.end() + 40])
    )


def prose_titles(text: str, head: str) -> list[tuple[str, int]]:
    """(title, score) for titles named in running text, best first.

    A quoted title scores for each time it is quoted, for a film word beside it ("the film
    'X'", "《X》是…纪录片", "'X' fue finalista… cortometraje") and for standing in the page's
    first lines (`head`); a capitalised run right after a film word ("my first short
    documentary Forever Boogies") scores as a quoted title beside a film word does.
    """
    scores: dict[str, int] = {}
    spelled: dict[str, str] = {}
    for title, points in [*_quoted_titles(text), *_named_titles(text, head)]:
        _add_title(scores, spelled, title, points)
    first = head.split("\n", 1)[0].casefold()
    for key in list(scores):
        if scores[key] >= 3 and key in first:
            scores[key] += 1
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    return [(spelled[k], v) for k, v in ranked]


def _named_titles(text: str, head: str) -> list[tuple[str, int]]:
    """(title, 3) for capitalised runs after a film word, before ", a … film", and for a
    headline "X: a … film"."""
    out = []
    for m in _AFTER_FILM_WORD.finditer(text):
        run = _trim_run(m.group("t"))
        if len(run) > 2 and run.casefold() not in _SMALL_WORDS:
            out.append((run, 3))
    out += [(_trim_run(m.group("t")), 3) for m in _TITLE_COMMA.finditer(text)]
    headline = _HEADLINE_COLON.match(head.strip())
    if headline:
        out.append((headline.group("t"), 3))
    return out


def _add_title(scores: dict[str, int], spelled: dict[str, str], title: str, points: int) -> None:
    """Add ``points`` to a title's score (case aside), keeping its first spelling."""
    title = title.strip(" ,.;:!?")
    if not title or len(title) > 80 or not any(c.isalpha() for c in title):
        return
    key = title.casefold()
    spelled.setdefault(key, title)
    scores[key] = scores.get(key, 0) + points

"""Titles named in running text: a quoted title ("the film 'X'", "《X》是…纪录片"), or a
capitalised run after a film word ("my first short documentary Forever Boogies"), scored."""

from __future__ import annotations

import re

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

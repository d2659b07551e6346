"""A running time stated in running text, beside a film word or a length word.

"a 13-minute documentary", "the film runs 88 minutes", "ein 40-Minüter", "un court métrage de
15 minutes", "un cortometraje de 12 minutos", "un film di 90 minuti", "um curta de 15 minutos",
"90-минутный фильм", "88分钟的纪录片", "片长88分钟", "88分の映画", "13분 분량의 단편영화",
"88 dakikalık belgesel", "phim dài 90 phút", "film berdurasi 90 menit". A bare number of
minutes elsewhere in prose (a reading time, a delay, an hour of the day) is not read.
"""

from __future__ import annotations

import re

_N = r"(?P<n{i}>\d{1,3})"
_FILM = (
    r"(?:film|movie|documentary|short|feature|doc|animation|short film|documentaire|"
    r"court[- ]métrage|long[- ]métrage|película|cortometraje|documental|corto|cortometraggio|"
    r"documentario|filme|curta|curta-metragem|documentário|dokumentarfilm|kurzfilm|spielfilm)"
)
_PATTERNS = [
    rf"\b{_N}[- ]minutes?(?: long)? (?:\w+ ){{0,2}}{_FILM}\b",
    rf"\b{_FILM} (?:is|runs|lasts|running) (?:for )?(?:about |around )?{_N} minutes\b",
    rf"\b{_N} minutes long\b",
    rf"\b{_N}-minüt(?:er|ige[nrs]? (?:\w+)?film)\b",
    rf"\bdauert (?:rund |etwa |ca\. )?{_N} minuten\b",
    rf"\b(?:dure|durée de) {_N} minutes\b",
    rf"\b{_FILM} de {_N} (?:minutes|minutos)\b",
    rf"\b(?:dura|con una duración de|duración de) {_N} minutos\b",
    rf"\b{_FILM} di {_N} minuti\b",
    rf"\b(?:dura|durata di) {_N} minuti\b",
    rf"\b{_N}-минутн",
    rf"продолжительностью {_N} минут",
    rf"{_N}分(?:钟|鐘)的\S{{0,6}}?(?:纪录片|紀錄片|影片|电影|電影|短片)",
    rf"(?:片长|片長|时长|時長)(?:为|為|约|約)?\s?{_N}\s?分",
    rf"{_N}分の\S{{0,6}}?(?:映画|作品|ドキュメンタリー|短編)",
    rf"{_N}분 ?(?:분량|짜리)",
    rf"러닝타임 ?{_N}분",
    rf"\b{_N} dakikalık\b",
    rf"\bdài {_N} phút\b",
    rf"\bberdurasi {_N} menit\b",
]
_PROSE_RUNTIME = re.compile("|".join(p.replace("{i}", str(i)) for i, p in enumerate(_PATTERNS)))


# A number of minutes in any of the languages above: the full patterns run only around these.
_MINUTES = re.compile(r"\d\s?-?(?:minut|minüt|минут|分|분|dakika|phút|menit)", re.I)
_WINDOW = 70


def prose_runtime(text: str) -> tuple[int, int, int] | None:
    """(minutes, start, end) of the first running time the prose states beside a film word."""
    for hit in _MINUTES.finditer(text):
        start = max(0, hit.start() - _WINDOW)
        m = _PROSE_RUNTIME.search(text[start : hit.end() + _WINDOW].lower())
        if m:
            name = next(k for k, v in m.groupdict().items() if v)
            minutes = int(m.group(name))
            if 0 < minutes < 1000:
                return minutes, start + m.start(name), start + m.end(name)
    return None

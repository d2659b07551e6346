"""Festival events whose name starts with the event word, in languages without capitalised
names after it: Vietnamese "Liên hoan phim tài liệu quốc tế Leipzig", Arabic "مهرجان برلين
السينمائي", Persian "جشنواره فیلم فجر", "جوایز اسکار", Greek "Φεστιβάλ Κινηματογράφου
Θεσσαλονίκης", Russian "кинофестиваль «Послание к человеку»". The name runs from the event word
to punctuation or a word of the sentence around it (a preposition, a verb, "year", "edition").

Also the awards such sentences name after a prize word ("giải Bồ câu bạc", "جایزه بهترین فیلم",
"جائزة أفضل فيلم", "En İyi Belgesel Ödülü").
"""

from __future__ import annotations

import re

from .ordinal_words import persian_ordinal

# Event words that begin a name, by language.
_HEADS = re.compile(
    r"(?<!\w)(?:Liên hoan phim|liên hoan phim|Giải thưởng|مهرجان|جشنواره|جوایز|Φεστιβάλ|"
    r"[Кк]инофестивал[ья]?|[Фф]естивал[ья]?)(?!\w)"
)
# Words that end a name: prepositions, conjunctions, verbs and counters around it.
_STOP = frozenset(
    " ".join(
        [
            "và với vào năm lần tại ở được đã đoạt giành nhận trong khi cho là của từ giải rồi "
            "nhưng mà sau để này đó cũng đây",  # vi
            "في و من عام سنة حيث ضمن على إلى عن بجائزة جائزة الذي التي لعام فاز حصل دورة الدورة "
            "عرض شارك ضمن",  # ar
            "در و را به از که با برای سال برنده کاندید نامزد شد است بود دوره جایزه می نمایش "
            "داده حضور پذیرفته راه یافت",  # fa
            "στο στην στη και με για το που του έτος",  # el
            "в и на с где году года получил получила стал был была",  # ru
        ]
    ).split()
)
_MAX_WORDS = 6
_WORD = re.compile(r"«[^»\n]{1,60}»|\"[^\"\n]{1,60}\"|“[^”\n]{1,60}”|[^\s.,;:!?()\[\]،؛]+")
_NUMBER_BEFORE = re.compile(
    r"(\d{1,3})\s*(?:مین|ème|th|\.|ο|η|-?й|-?го|-?м)?\s*(?:دوره\s+)?(?:از\s+|من\s+)?$"
)
_LAN_THU = re.compile(r"^\s*lần thứ\s+(\d{1,3}|[IVXL]{1,6})\b")


def head_events(sentence: str) -> list[tuple[str, str | None, int | None, int, int]]:
    """(name, edition, year, start, end) for the head-first events of one sentence."""
    out = []
    for m in _HEADS.finditer(sentence):
        end = m.end()
        words = 0
        for w in _WORD.finditer(sentence, m.end()):
            gap = sentence[end : w.start()]
            if words >= _MAX_WORDS or gap.strip() or "\n" in gap or _is_stop(w.group()):
                break
            end, words = w.end(), words + 1
        if words == 0:
            continue
        name = sentence[m.start() : end]
        out.append((name, _edition(sentence, m.start(), end), _year(sentence, end), m.start(), end))
    return out


def _is_stop(word: str) -> bool:
    return word.casefold() in _STOP or word.isdigit()


def _edition(sentence: str, start: int, end: int) -> str | None:
    """The edition written before the name ("دوره ۳۶ جشنواره", "36-й фестиваль") or after it
    ("… lần thứ 5")."""
    before = _NUMBER_BEFORE.search(sentence[max(0, start - 24) : start])
    if before:
        return str(int(before.group(1)))
    worded = persian_ordinal(sentence[max(0, start - 40) : start])
    if worded:
        return str(worded)
    after = _LAN_THU.match(sentence[end:])
    if after and after.group(1).isdigit():
        return str(int(after.group(1)))
    return None


_YEAR = re.compile(
    r"^[\s,(]*(?:năm|عام|سال|έτος|το|στο|в|in)?\s*((?:19|20)\d\d|[۱۲][۰-۹]{3})(?!\d)"
)


def _year(sentence: str, end: int) -> int | None:
    m = _YEAR.match(sentence[end:])
    return int(m.group(1)) if m else None


# Prize words and the award named after them.
_PRIZE = re.compile(
    r"(?:(?<!\w)(?:giải|Giải)\s+(?!thưởng\b)|جایزه\s+|جائزة\s+|بجائزة\s+)"
    r"(?P<award>[^\s.,;:!?()\[\]،؛]+(?:\s+[^\s.,;:!?()\[\]،؛]+){0,5})"
)
_TR_AWARD = re.compile(
    r"(?P<award>(?:En İyi|Büyük|Jüri|Seyirci|Altın|Gümüş|Özel)(?:\s+[A-ZÇĞİÖŞÜ][\wçğıöşü]*){0,5}"
    r"\s+(?:Ödülü|Ödül|Ödülleri|Mansiyonu|Portakal|Koza|Lale))"
)


def award_after(text: str) -> str | None:
    """The award a prize word names in the text after an event, trimmed at sentence words."""
    tr = _TR_AWARD.search(text[:120])
    if tr:
        return tr.group("award")
    m = _PRIZE.search(text[:120])
    if not m:
        return None
    words = []
    for w in m.group("award").split():
        if w.casefold() in _STOP:
            break
        words.append(w)
    return " ".join(words) or None

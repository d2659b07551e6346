"""Numbers read from page text: runtimes, years, full dates and edition ordinals."""

from __future__ import annotations

import re

YEAR_MIN, YEAR_MAX = 1880, 2035

_H = (
    r"(?:h|hr|hrs|hours?|heures?|horas?|ore|stunden?|std|час(?:а|ов)?|ч|小时|小時|時間|시간|"
    r"jam|giờ|saat|óra|ώρα|ώρες|ساعة|ساعت|uur|timer?|tim(?:mar|me)?|godz\.?|hod(?:in)?)"
)
_M = (
    r"(?:m|min|mins|minutes?|mn|minutos?|minuti|minuten|minuty|minut|minuter|minutter|"
    r"minuut|minuutti?a?|minit|menit|phút|dakika|dk|perc|perces|λεπτά|λεπ|минути|минут[аы]?|"
    r"мин|хвилин[аи]?|хв|دقيقة|دقائق|دقیقه|منٹ|मिनट|মিনিট|นาที|분|分钟|分鐘|分|′|'|’|minuta|"
    r"minutu|minuuttia|minutit)"
)
_HM = re.compile(rf"(\d{{1,2}})\s*{_H}\.?\s*(?:and\s+|et\s+|y\s+|und\s+)?(\d{{1,2}})\s*{_M}", re.I)
# "1h40", "2 h 05", "1 heure 30": hours, then minutes with no unit of their own.
_HM_BARE = re.compile(rf"(?<!\d)(\d)\s*{_H}\.?\s*(?:and\s+|et\s+)?([0-5]\d)(?![\d:.,])", re.I)
_H_ONLY = re.compile(rf"(\d{{1,2}})\s*{_H}(?![a-z])", re.I)
_MIN = re.compile(rf"(\d{{1,3}})(?:[.,]\d+)?\s*{_M}(?![a-z])", re.I)
_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2}):(\d{2})\b")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20[0-3]\d)(?!\d)")

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "janvier": 1,
    "février": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "januar": 1,
    "februar": 2,
    "märz": 3,
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "dezember": 12,
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_MDY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DATE_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?({_MONTH_RE})\.?,?\s+(?:de\s+)?(\d{{4}})\b",
    re.I,
)
_DATE_CJK = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

_EN_ORD = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70}
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# Roman numerals from II to LXXXIX, upper case only ("XXXVI Festival"); a lone "I" is a word.
_ROMAN = r"(?=[IVXL]{2})L?X{0,3}(?:IX|IV|V?I{0,3})(?![\w'])"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}
ORDINAL_WORDS = "|".join(sorted(_EN_ORD, key=len, reverse=True))
# "36th", "10-ти", "26e", "3ème", "5.", "XXVI" are read by `ordinal_value`.
ORDINAL_RE = (
    rf"(?:\d{{1,3}}(?:st|nd|rd|th|e|er|ère|ème|eme|º|ª|°|\.|-?(?:ти|ви|ри|ми|ий|ый|ой|я))"
    rf"|(?:(?:{'|'.join(_EN_TENS)})[- ])?(?:{ORDINAL_WORDS})"
    rf"|(?-i:{_ROMAN}))"
)


_MIN_SEC = re.compile(r"^\s*(\d{1,3}):([0-5]\d)\s*$")


def labelled_runtime(text: str) -> int | None:
    """Minutes from the value of a running-time field, where a bare "6:08" is also read: as
    minutes and seconds from 4 up, as hours and minutes below ("1:30" is 90)."""
    m = _MIN_SEC.match(text)
    if m:
        first, second = int(m.group(1)), int(m.group(2))
        return first if first >= 4 else first * 60 + second
    return runtime_minutes(text)


def runtime_minutes(text: str) -> int | None:
    """Whole minutes from a runtime expression ("1h 30min", "88 min", "12'40\"", "90分钟")."""
    m = _HM.search(text)
    if m:
        return int(m.group(1)) * 60 + int(m.group(2))
    m = _CLOCK.search(text) or _HM_BARE.search(text)
    if m:
        return int(m.group(1)) * 60 + int(m.group(2))
    m = _MIN.search(text)
    if m and 0 < int(m.group(1)) < 1000:
        return int(m.group(1))
    m = _H_ONLY.search(text)
    if m and 0 < int(m.group(1)) < 10:
        return int(m.group(1)) * 60
    return None


def first_year(text: str) -> int | None:
    """The first plausible year in a text (a range gives its first year)."""
    for m in _YEAR.finditer(text):
        year = int(m.group(1))
        if YEAR_MIN <= year <= YEAR_MAX:
            return year
    return None


def two_digit_year(text: str) -> int | None:
    """A year written "'09" or "09'" (as in "09' Sundance")."""
    m = re.search(r"(?:'(\d{2})\b|\b(\d{2})')", text)
    if not m:
        return None
    yy = int(m.group(1) or m.group(2))
    return 2000 + yy if yy <= 35 else 1900 + yy


_FOUR_DIGITS = re.compile(r"\d{4}")


def full_date(text: str) -> tuple[str, int, int] | None:
    """("YYYY-MM-DD", start, end) for the first full date in a text, else None.

    Every form holds a four-digit year, the ISO form a hyphen and the CJK one a 年: text
    without them is passed by at once (most lines asked about hold no date).
    """
    if not _FOUR_DIGITS.search(text):
        return None
    for rx, order in _date_forms(text):
        m = rx.search(text)
        if m:
            parts = dict(zip(order, m.groups(), strict=True))
            month = parts["m"]
            month_no = int(month) if month.isdigit() else MONTHS[month.casefold()]
            day, year = int(parts["d"]), int(parts["y"])
            if 1 <= month_no <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{month_no:02d}-{day:02d}", m.start(), m.end()
    return None


# A short line that may hold a full date the patterns above do not read: a day, a year and a
# word (a month name in another language: "27 tháng 11 năm 1988", "11 Ağustos 2019").
_DATE_LINE = re.compile(r"^(?=.*\b\d{1,2}\b)(?=.*\b(?:1[89]|20)\d\d\b)(?=.*[^\W\d_]{3}).{6,40}$")
MAX_PARSED_DATES = 2


def _date_forms(text: str) -> list[tuple[re.Pattern, str]]:
    """The date patterns that may match the text, in the order `full_date` tries them."""
    forms = [(_DATE_ISO, "ymd")] if "-" in text else []
    if "年" in text:
        forms.append((_DATE_CJK, "ymd"))
    forms.extend(((_DATE_MDY, "mdy"), (_DATE_DMY, "dmy")))
    return forms


def any_full_date(text: str, budget: list[int]) -> str | None:
    """ "YYYY-MM-DD" for a short date line in any language, else None.

    The patterns of `full_date` go first; `dateparser` reads month names in other languages, at
    most `budget[0]` times per page (it costs milliseconds a call).
    """
    found = full_date(text)
    if found:
        return found[0]
    text = text.strip()
    if budget[0] <= 0 or not _DATE_LINE.match(text):
        return None
    budget[0] -= 1
    # Loaded on first use: its language data takes a while to load. It ships no type hints.
    import dateparser  # type: ignore[import-untyped]

    parsed = dateparser.parse(
        text,
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if parsed is None or not YEAR_MIN <= parsed.year <= YEAR_MAX:
        return None
    return parsed.strftime("%Y-%m-%d")


def cn_number(text: str) -> int | None:
    """A Chinese numeral ("二十六") as an int."""
    total, cur = 0, 0
    for ch in text:
        if ch == "百":
            total, cur = total + (cur or 1) * 100, 0
        elif ch == "十":
            total, cur = total + (cur or 1) * 10, 0
        elif ch in _CN_DIGITS:
            cur = cur * 10 + _CN_DIGITS[ch]
        else:
            return None
    return (total + cur) or None


def roman_value(text: str) -> int:
    """The value of an upper-case Roman numeral ("XXXVI" is 36)."""
    total = 0
    for ch, nxt in zip(text, [*text[1:], ""], strict=True):
        value = _ROMAN_VALUES[ch]
        total += -value if nxt and _ROMAN_VALUES[nxt] > value else value
    return total


def ordinal_value(text: str) -> int | None:
    """The number an ordinal names: "36th", "Seventh", "twenty-first", "第26届", "首届"."""
    if re.fullmatch(r"[IVXL]{2,8}", text.strip()):
        return roman_value(text.strip())
    s = text.strip().casefold()
    if s.startswith("首"):
        return 1
    m = re.match(r"(?:第|제)?\s*(\d{1,3})", s)
    if m:
        return int(m.group(1))
    m = re.match(r"第([零〇一二两三四五六七八九十百]+)", s)
    if m:
        return cn_number(m.group(1))
    total = 0
    for word in re.split(r"[\s-]+", s):
        total += _EN_TENS.get(word, 0) + _EN_ORD.get(word, 0)
    return total or None

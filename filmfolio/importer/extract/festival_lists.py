"""Festival lists under a heading or a label: "Festivals" then "Berlinale 2019 – Forum",
"Awards: Best Documentary, Sheffield Doc/Fest 2020", "Auszeichnungen" then "Deutscher
Kurzfilmpreis 2019", "受賞歴" then a line per prize.

Each item is one event: the part naming an event (or, under an awards heading, the first part),
its year, the award among the other parts, and the result from the item's words, or from the
heading when the item says nothing (a festivals heading lists selections, an awards heading
wins).
"""

from __future__ import annotations

import re

from .festival_events import _EVENT_STEM, _events_in
from .festivals import result_of
from .record import FestivalEntry

_SELECTIONS = "selection"
_AWARDS = "winner"
# Headings of festival and award lists, by the result an item without words of its own has.
_HEADINGS = {
    _SELECTIONS: "festivals|festival|festival screenings|screenings|selections|official selections|"
    "festival selections|festivals and screenings|sélections|festivals et sélections|"
    "festivales|selecciones|festival|festivais|seleções|festival e rassegne|selezioni|"
    "festivals und screenings|festivalteilnahmen|vertoningen|festivaller|gösterimler|"
    "liên hoan phim|festival film|фестивали|φεστιβάλ|جشنواره‌ها|جشنواره ها|المهرجانات|"
    "参展|入围|入圍|参展记录|映画祭|上映歴|영화제|상영|초청",
    _AWARDS: "awards|prizes|awards and festivals|festivals and awards|festivals & awards|"
    "awards & festivals|awards and nominations|auszeichnungen|preise|festivals und preise|"
    "festivals & preise|prix|prix et sélections|récompenses|premios|premios y festivales|"
    "festivales y premios|prêmios|premiações|premi|riconoscimenti|prijzen|ödüller|"
    "ödüller ve festivaller|giải thưởng|penghargaan|награды|награды и фестивали|βραβεία|"
    "جوایز|الجوائز|获奖|獲獎|获奖记录|獲獎紀錄|奖项|獎項|受賞歴|受賞|수상|수상 경력|수상내역",
}
_HEADING_OF = {h: res for res, words in _HEADINGS.items() for h in words.split("|")}
_LABEL = re.compile(r"^\s*(?P<label>[^:：]{2,40})[:：]\s*(?P<value>.*)$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_PARTS = re.compile(r"\s+[–—-]\s+|\s*[|;]\s*|\s*,\s+|\s*[(（)）]\s*|:\s+")
_BULLET = re.compile(r"^\s*[•·*▪►✓-]\s*")
_AWARD_WORD = re.compile(
    r"\b(?:best|award|prize|grand prix|mention|prix|preis|premio|prémio|prêmio|premi|"
    r"jury|audience|golden|silver|bronze|meilleur|mejor|melhor|miglior|beste[rsn]?|"
    r"en iyi|ödül|piala|giải|найлучш|лучш|награда|βραβείο|جایزه|جائزة)|"
    r"[奖獎賞상]$|大賞|グランプリ",
    re.I,
)
_RESULT_ONLY = re.compile(
    r"^(?:official selection|selection|selected|winner|won|nominee|nominated|finalist|"
    r"world premiere|international premiere|european premiere|premiere|in competition|"
    r"sélection officielle|selección oficial|seleção oficial|selezione ufficiale|入围|入圍)$",
    re.I,
)
_MAX_ITEMS = 30


def list_entries(lines: list[str]) -> list[FestivalEntry]:
    """The entries of the festival and award lists on the page's lines."""
    out: list[FestivalEntry] = []
    i = 0
    while i < len(lines):
        kind, value = _heading(lines[i])
        i += 1
        if kind is None:
            out.extend(_laurel(lines[i - 1]))
            continue
        if value:
            out.extend(_items(_split_items(value), kind))
            continue
        items, i = _following_items(lines, i)
        out.extend(_items(items, kind))
    return out


def _heading(line: str) -> tuple[str | None, str]:
    """(the heading's default result, the value written on its line) or (None, "")."""
    text = line.strip().strip("#*:： ").strip()
    if len(text) <= 40 and text.casefold() in _HEADING_OF:
        return _HEADING_OF[text.casefold()], ""
    head = line[:42]
    m = _LABEL.match(line) if ":" in head or "：" in head else None
    if m and m.group("label").strip().casefold() in _HEADING_OF and m.group("value").strip():
        return _HEADING_OF[m.group("label").strip().casefold()], m.group("value").strip()
    return None, ""


_LAUREL = re.compile(
    r"^\s*(?P<result>official selection|selection|winner|nominee|finalist|sélection officielle|"
    r"selección oficial|seleção oficial|selezione ufficiale|offizielle auswahl|gewinner|lauréat|"
    r"ganador|vencedor|vincitore)\s*[–—:|-]\s+(?P<rest>.+)$",
    re.I,
)


def _laurel(line: str) -> list[FestivalEntry]:
    """A laurel line: a result, then the award and the event ("Winner – Best Director – Austin
    Film Festival 2017", "Official Selection – Tribeca Film Festival 2021")."""
    m = _LAUREL.match(line) if len(line) <= 150 else None
    if m is None or not _YEAR.search(line):
        return []
    selection = "selec" in m.group("result").casefold() or "auswahl" in m.group("result").casefold()
    return _items([line], _SELECTIONS if selection else _AWARDS)


def _following_items(lines: list[str], i: int) -> tuple[list[str], int]:
    """The item lines after a heading: up to a blank line after items, a label or a long line."""
    items: list[str] = []
    while i < len(lines) and len(items) < _MAX_ITEMS:
        text = _BULLET.sub("", lines[i]).strip()
        if not text:
            if items:
                break
            i += 1
            continue
        if len(text) > 150 or _heading(text)[0] is not None or not _YEAR.search(text):
            break
        items.append(text)
        i += 1
    return items, i


def _split_items(value: str) -> list[str]:
    """A label's value as items: comma-parted pieces, each piece without a year joined to the
    next ("Best Documentary, Sheffield Doc/Fest 2020" is one item)."""
    items, pending = [], ""
    for piece in re.split(r"\s*[,;]\s+", value):
        pending = f"{pending}, {piece}" if pending else piece
        if _YEAR.search(piece):
            items.append(pending)
            pending = ""
    return items


def _items(items: list[str], kind: str) -> list[FestivalEntry]:
    return [e for e in map(lambda item: _item_entry(item, kind), items) if e is not None]


def _item_entry(item: str, kind: str) -> FestivalEntry | None:
    """The entry one list item states, or None when it names no event."""
    parts = _item_parts(item)
    event = _event_part(parts, kind)
    if event is None:
        return None
    award = next((p for p in parts if p != event and _AWARD_WORD.search(p)), None)
    result = _result(item, award, event, kind)
    year = _YEAR.search(item)
    return FestivalEntry(
        festival=event,
        year=int(year.group(1)) if year else None,
        award=award,
        section=_section(parts, event, award) if result == "selection" else None,
        result=result,
    )


def _result(item: str, award: str | None, event: str, kind: str) -> str:
    """The item's own result, else the heading's: an award event under an awards heading won."""
    own = result_of(award, item)
    if own:
        return own
    prize = event.casefold().endswith(_PRIZE_ENDINGS) or not _events_in(event)
    return "winner" if kind == _AWARDS and prize else "selection"


# Events that are prizes rather than festivals: under an awards heading, listed means won.
_PRIZE_ENDINGS = (
    "preis",
    "prize",
    "award",
    "awards",
    "prix",
    "premio",
    "premios",
    "prêmio",
    "奖",
    "獎",
    "賞",
    "상",
    "ödülü",
    "nagroda",
    "премия",
)


def _section(parts: list[str], event: str, award: str | None) -> str | None:
    return next((p for p in parts if p not in (event, award)), None)


def _item_parts(item: str) -> list[str]:
    """The item's parts without its year and without bare result words ("Winner")."""
    parts = (p.strip(" .") for p in _PARTS.split(_YEAR.sub(" ", item)))
    return [" ".join(p.split()) for p in parts if p and not _RESULT_ONLY.match(p)]


def _event_part(parts: list[str], kind: str) -> str | None:
    """The part naming an event; under an awards heading, else the first part that names no
    award ("Deutscher Kurzfilmpreis", "Sheffield Doc/Fest")."""
    event = next((p for p in parts if _names_event(p)), None)
    if event is None and kind == _AWARDS and parts:
        event = next((p for p in parts if not _AWARD_WORD.search(p)), parts[0])
    return event


def _names_event(part: str) -> bool:
    """A part that names a festival or an award event."""
    return bool(_EVENT_STEM.search(part.lower()) and _events_in(part))

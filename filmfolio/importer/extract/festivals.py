"""Festival and award entries: awards, results and sections around events, award lists."""

from __future__ import annotations

import re

from .festival_events import _events_in, _uncapped
from .festival_heads import award_after
from .fold import folded
from .quantities import (
    MAX_PARSED_DATES,
    ORDINAL_RE,
    any_full_date,
    full_date,
    ordinal_value,
)
from .record import FestivalEntry

_YEAR_AFTER = re.compile(
    r"\s*(?:,\s*|\(\s*|(?:in|em|en|im|nel|w|à|in het|op)\s+)?((?:19|20)\d\d)\b(?![\d-])"
)
_AWARD_LINE = re.compile(r"award|prize|winner|mention|nomin|shortlis|selection", re.I)
_AWARD_BEFORE = re.compile(
    r"(?P<award>(?:Best|Grand|Special|Jury|Audience|Golden|Silver|Bronze|Honou?rable|Top|"
    r"Public|Critics|Award|Prize|Premio|Prix|Preis|Най-добра|Награда|Наградата|Приз|Meilleur|"
    r"Meilleure|Mejor|Melhor|Miglior|Migliore|Beste|Bester|Bestes|Gouden|Zilveren|Goldene|"
    r"Silberne|Prêmio|Prémio|Premi|Mention|Mención|Menção|Menzione|Lauréat)"
    r"\b[^.;:]*?)\s+(?:in|at|from|of|в|на|au|à|en|del|al|bei|beim|op|het|de|no|na|do|da|al|"
    r"nel|alla|al|dello|della)\s+(?:the\s+|het\s+|la\s+|el\s+|le\s+|o\s+)?$"
)
_AWARD_AFTER = re.compile(
    r"^\s*,?\s*(?:and\s+)?(?:winning|won|where it won|receiving|received|taking home)\s+"
    r"(?:the\s+|an?\s+)?(?P<award>(?:[^.;:!?]|(?<=\b[A-Z])\.)+)",
    re.I,
)
# "… Premios Goya en la Categoría de Mejor Cortometraje", "… Oscar de Melhor Documentário em
# 2020", "… Awards for Best Editing": a best-word award or a category right after the event.
_BEST = (
    r"(?:Best|Mejor|Melhor|Meilleur|Meilleure|Miglior|Migliore|Beste|Bester|Bestes|Najlepszy|"
    r"Najlepszy|En İyi|Лучший|Лучшая|Най-добър|Най-добра|Grand Prix|Grand Prize|Jury Prize)"
)
_CATEGORY_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:in|en|na|nella|dans|in der|im)\s+(?:the\s+|la\s+|a\s+|le\s+)?"
    r"(?i:category|categoría|categoria|catégorie|kategorie|categorie|kategoria)\s+"
    r"(?:of\s+|de\s+|di\s+|du\s+)?|(?:for|de|do|da|du|del|di|für|dla|за)\s+(?:the\s+)?"
    rf"(?={_BEST}))(?P<award>[A-ZÀ-ÞА-Я][^.,;:!?()\n]*?)(?=\s+(?:em|in|en|à|im|nel|w|at)\s+\d{{4}}|"
    r"\s*[.,;:!?()\n]|\s*$)"
)
_SELECTION = re.compile(
    r"select|screen|premiere|première|in competition|compet|shown|part of|official|"
    r"sélection|programmed|入围|入圍|入选|入選|展映|参展|參展|参赛|參賽|招待|選出|진출|초청|"
    r"상영|seleccion|selección|selecion|seleção|selezion|in concorso|fuori concorso|ausgewählt|"
    r"wettbewerb|geselecteerd|selectie|wybran|seçil|tuyển chọn|trình chiếu|dipilih|انتخاب|"
    r"اختيار|επιλογ|accepted|picked up|showcase|shows at|playing at|will play|estreno|"
    r"estreia|uraufführung|projeté|proiettat|exibid|gezeigt|vertoond|première|"
    r"προβλήθηκε|προβολή|διαγωνιστικ|συμμετ|вош[её]л в программу|показан|конкурс|участвова|"
    r"عرض|شارك|المسابقة|نمایش|بخش مسابقه|حضور|tham gia|tranh giải|diputar|ditayangkan|"
    r"berkompetisi|gösterildi|yarıştı|seçildi|yarışma",
    re.I,
)
_NOMINATED = re.compile(
    r"nomin|finalist|disputou|candidat|indicad|indicaç|genomineerd|aday|提名|ノミネート|후보|کاندید|"
    r"노미네이트|đề cử|nominasi|نامزد|مرشح|υποψήφ",
    re.I,
)
# The same patterns for folded text (see `fold`): much faster than re.I on every sentence.
_SELECTION_FOLDED = re.compile(folded(_SELECTION.pattern))
_NOMINATED_FOLDED = re.compile(folded(_NOMINATED.pattern))
# A win stated by its verb when no award is named ("برنده شد", "a remporté", "受賞").
_WON = re.compile(
    r"\b(?:won|wins|winner|a remporté|remporte|lauréat|ganó|ganador|vinse|vincitore|gewann|"
    r"gewinner|kazandı|đoạt|meraih|memenangkan)\b|برنده|فاز|获奖|獲獎|荣获|榮獲|受賞|수상"
)
_NOT_ENTRY = re.compile(r"submi|staff pick|nomination\b|shortlisted for the oscar", re.I)
_SECTION = re.compile(
    r"in the section (?:of )?(?P<a>[A-Z][^.,;]+)|in the (?P<b>[A-Z][^.,;]+?) section", re.I
)
_EDITION = re.compile(rf"in its (?P<ord>{ORDINAL_RE}) (?:year|edition)", re.I)
_BULLET = re.compile(r"^\s*[•·*-]\s*")
# A full stop after one to three digits is an ordinal ("14. Uluslararası", "36. Berlinale"),
# not the end of a sentence.
_SENTENCE = re.compile(
    r"(?<=[a-z\u0430-\u044f\d)\]\"”'][.!?])(?<!(?<!\d)\d\.)(?<!(?<!\d)\d\d\.)(?<!(?<!\d)\d\d\d\.)"
    r"\s+|\n"
)
_QUOTED_WORK = re.compile(r"^\s*[“\"«][^”\"»]{2,80}[”\"»]\s*,")


def clear_caches() -> None:
    """Forget the sentences of earlier pages (the cache serves the steps of one page)."""
    _events_in.cache_clear()


def result_of(award: str | None, context: str) -> str | None:
    """The result enum for an award text and the words around the event."""
    words = f"{award or ''} {context}".casefold()
    if "shortlis" in words or "short list" in words or "présélection" in words:
        return "shortlist"
    if _NOMINATED_FOLDED.search(folded(words)):
        return "nominee"
    if award or _WON.search(words):
        return "winner"
    if _SELECTION_FOLDED.search(folded(context)):
        return "selection"
    return None


def sentence_entries(sentence: str) -> list[FestivalEntry]:
    """Entries for the events of one sentence, with awards before or after each event."""
    events = _events_in(sentence)
    if not events or _QUOTED_WORK.match(sentence) or _NOT_ENTRY.search(sentence):
        return []
    sentence = _uncapped(sentence)  # "WINNER BEST SHORT AT THE …": awards read as in prose
    out = []
    prev_end = 0
    for name, edition, year, start, end in events:
        award, year = _award_near(sentence, prev_end, start, end, year)
        result = result_of(award, sentence)
        prev_end = end
        if result is None:
            out.extend(_dated_mention(sentence, name, start))
            continue
        if year is None:
            year = _year_after(sentence[end:])
        entry = FestivalEntry(festival=name, edition=edition, year=year, award=award, result=result)
        out.append(_with_section_and_edition(sentence, entry))
    return out


# A date ending in a year, then the event in brackets: "27 November 1988 (Leipzig Festival)",
# as infoboxes list release dates.
_YEAR_THEN_BRACKET = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[(（]\s*$")


def _dated_mention(sentence: str, name: str, start: int) -> list[FestivalEntry]:
    """An entry without a result that only lends its year to another mention of the event."""
    m = _YEAR_THEN_BRACKET.search(sentence[max(0, start - 40) : start])
    if m is None:
        return []
    return [FestivalEntry(festival=name, year=int(m.group(1)), result=None)]


def _award_near(
    sentence: str, prev_end: int, start: int, end: int, year: int | None
) -> tuple[str | None, int | None]:
    """The award named before an event (since the previous one) or right after it, and the
    event's year, read after such an award when the event gave none."""
    m = _AWARD_BEFORE.search(sentence[prev_end:start])
    if m:
        return m.group("award").strip(), year
    after = _AWARD_AFTER.match(sentence[end:]) or _CATEGORY_AFTER.match(sentence[end:])
    if after is None:
        return award_after(sentence[prev_end:start]) or award_after(sentence[end:]), year
    if year is None:
        year = _year_after(sentence[end + after.end() :])
    return after.group("award").strip(), year


def _with_section_and_edition(sentence: str, entry: FestivalEntry) -> FestivalEntry:
    """The entry with the sentence's section, and its edition when the event gave none."""
    entry.section = _section(sentence)
    ed = _EDITION.search(sentence)
    if ed and entry.edition is None:
        entry.edition = str(ordinal_value(ed.group("ord")))
    return entry


# The days of the event, then its year: ", September 19 to 27, 2008", " (12-18 mai 2014)".
_DAYS_THEN_YEAR = re.compile(
    r"\s*[,(]?\s*(?:(?:from|du|del|vom|dal|de|on|le|el|am)\s+)?(?:"
    r"[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|to|through|and)\s*"
    r"(?:[^\W\d_]{3,10}\.?\s+)?\d{1,2}(?:st|nd|rd|th)?)?"
    r"|\d{1,2}(?:\.|er|º|°)?(?:\s*(?:-|–|to|au|bis|al|a|and)\s*\d{1,2}(?:\.|er)?)?"
    r"(?:\s+(?:de\s+)?[^\W\d_]{3,10}\.?)(?:\s+de)?"
    r"),?\s+((?:19|20)\d\d)\b(?![\d-])"
)


def _year_after(text: str) -> int | None:
    """The event's year written right after its name: "... Réel in 2014", "... Festival (2014)",
    "... Festival, September 19 to 27, 2008"."""
    m = _YEAR_AFTER.match(text) or _DAYS_THEN_YEAR.match(text)
    return int(m.group(1)) if m else None


def _section(sentence: str) -> str | None:
    m = _SECTION.search(sentence)
    return (m.group("a") or m.group("b")).strip() if m else None


def list_entries(lines: list[str]) -> list[FestivalEntry]:
    """Awards lists: an event line, then optional date and award lines."""
    out = []
    budget = [MAX_PARSED_DATES]
    for i, line in enumerate(lines):
        entry = _list_event(line)
        if entry is None:
            continue
        _read_date_and_award(entry, lines[i + 1 : i + 3], budget)
        entry.result = result_of(entry.award, "")
        if entry.award or entry.date:
            out.append(entry)
    return out


def _list_event(line: str) -> FestivalEntry | None:
    """The entry of a list line made of one event (a bullet and a few characters allowed)."""
    body = _BULLET.sub("", line).strip()
    if len(body) > 140:
        return None
    events = _events_in(body)
    if len(events) != 1 or events[0][4] < len(body) - 2:
        return None
    name, edition, year, _, _ = events[0]
    return FestivalEntry(festival=name, edition=edition, year=year)


def _read_date_and_award(entry: FestivalEntry, following: list[str], budget: list[int]) -> None:
    """Complete a list entry from the lines after it: date lines, then one award line."""
    for nxt in following:
        nxt = nxt.strip()
        date = _date_line(nxt, budget)
        if date:
            entry.date = date
            entry.year = entry.year or int(date[:4])
        elif nxt and len(nxt) < 80 and _AWARD_LINE.search(nxt) and not _events_in(nxt):
            entry.award = nxt
            break
        else:
            break


def _date_line(line: str, budget: list[int]) -> str | None:
    """The full date a line is made of (a few other characters allowed), in any language."""
    found = full_date(line)
    if found:
        return found[0] if len(line) <= found[2] - found[1] + 6 else None
    return any_full_date(line, budget) if len(line) <= 40 else None


def sentences(text: str) -> list[str]:
    """The text split into sentences and lines."""
    return [s for s in _SENTENCE.split(text) if s.strip()]


def merge_entries(entries: list[FestivalEntry]) -> list[FestivalEntry]:
    """One entry per event and award: repeated mentions merge, keeping the fuller values; a
    mention without a result only completes another mention of its event."""
    out: list[FestivalEntry] = []
    for e in sorted(entries, key=lambda e: e.result is None):
        if e.result is None:
            _lend_year(out, e)
            continue
        twin = next((o for o in out if _same(o, e)), None)
        if twin is None:
            out.append(e)
        else:
            _complete(twin, e)
    return out


def _lend_year(entries: list[FestivalEntry], mention: FestivalEntry) -> None:
    """The year of a mention without a result, given to an undated entry of its event."""
    twin = next((o for o in entries if _same_event(o, mention) and o.year is None), None)
    if twin is not None:
        twin.year = mention.year


def _complete(twin: FestivalEntry, e: FestivalEntry) -> None:
    """Fill the entry's missing values from another mention of it; a win beats a selection."""
    for key in ("edition", "year", "section", "award", "date"):
        if getattr(twin, key) is None:
            setattr(twin, key, getattr(e, key))
    if twin.result == "selection" and e.result not in (None, "selection"):
        twin.result = e.result


def _same(a: FestivalEntry, b: FestivalEntry) -> bool:
    return _same_event(a, b) and _same_award(a, b)


def _same_event(a: FestivalEntry, b: FestivalEntry) -> bool:
    """One name holds the other, and the years do not differ."""
    na, nb = a.festival.casefold(), b.festival.casefold()
    if not (na in nb or nb in na):
        return False
    return not (a.year and b.year and a.year != b.year)


def _same_award(a: FestivalEntry, b: FestivalEntry) -> bool:
    aa, ab = _award_key(a), _award_key(b)
    if aa == ab or (not aa and b.result == a.result) or (not ab and a.result == b.result):
        return True
    # A bare "won at X" mention is the same event as the award the page names for it.
    return (not aa and a.result == "winner") or (not ab and b.result == "winner")


def _award_key(entry: FestivalEntry) -> str:
    return (entry.award or "").casefold()

"""Festival and award entries: events with ordinals and years, awards, results, sections."""

from __future__ import annotations

import re
from functools import lru_cache

from .quantities import (
    MAX_PARSED_DATES,
    ORDINAL_RE,
    any_full_date,
    full_date,
    ordinal_value,
    two_digit_year,
)
from .record import FestivalEntry

_YEAR_AFTER = re.compile(
    r"\s*(?:,\s*|\(\s*|(?:in|em|en|im|nel|w|à|in het|op)\s+)?((?:19|20)\d\d)\b(?![\d-])"
)
_ENDS_WITH_YEAR = re.compile(r"\d{4}$")
_AWARD_LINE = re.compile(r"award|prize|winner|mention|nomin|shortlis|selection", re.I)
_YR = r"(?:\d{4}|\d{2}'|'\d{2})"
_STOP = (
    r"(?=\s+(?:in|at|with|and|for|where|on|from|during|в|и|et|und|en|à)\s"
    r"|\s*[.,;:!?()\[\]“”\"|#]|\s*$)"
)
# Starts only at a word start: scanning every position of every word is most of the
# extractor's time, and a match inside a number ("1996." read as an ordinal) is never right.
_PREFIXED = re.compile(
    rf"(?<![\w'])(?:"
    rf"(?:(?P<yr>{_YR})\s+)?(?:(?:the|The)\s+)?(?P<ord>{ORDINAL_RE})\s+"
    rf"(?P<name>[^\n.,;:!?()\[\]]+?){_STOP}"
    rf"|(?P<yr2>{_YR})\s+(?P<name2>[^\n.,;:!?()\[\]]+?){_STOP})",
    re.I,
)
_EVENT_WORD = re.compile(
    r"festival|filmfest|\bfest\b|biennale|berlinale|\bawards\b|\baward\b|exhibition|showcase|"
    r"mostra|rencontres|festspiele|film week|фестивал|кинофестивал|награди|премия|festiwal|"
    r"festivali|festivalen|festivalu|\boscars?\b|academy awards|\bbafta\b|\bpremios\b|"
    r"\bprémios\b|\bprêmio\b|\bpremi\b|\bprix\b|\bpreis\b|\bcésars?\b|\bgoyas?\b|"
    r"\bemmys?\b|golden globes?|sundance|\bidfa\b|\bhot docs\b|muestra|encuentros?|"
    r"semaine|quinzaine|rassegna|liên hoan",
)  # lower case, searched in lowered text: much faster than re.I
_EVENT_HEAD = (
    r"(?:Film Festival|Festival|Filmfestival|Filmfest|Fest|Biennale|Awards|Film Week|"
    r"Filmfestspiele|Festival Internacional|Festival International|Festival Internazionale|"
    r"Festival Internacional de Cine|Festival Internacional de Cinema|Mostra|Muestra|Premios|"
    r"Prémios|Prêmio|Premi|Rencontres|Semaine|Festiwal|Liên hoan phim)(?![\w'])"
)
_NAMED = re.compile(
    r"(?P<name>(?:(?:[A-Z][\w'’.+-]*|\d{1,2}[A-Z]+\w*)\s+(?:(?:of|de|du|des|la|le|del|di|for|and|"
    r"the|van|het|der)\s+)?){0,6}"
    + _EVENT_HEAD
    + r"(?:\s+(?:(?:of|de|du|del|di|da|van|in|internacional|international|internazionale|"
    r"de cine|de cinéma|du film|del cinema|documental|documentaire)\s+)*"
    r"(?:[A-Z'][\w'’-]*|\d{1,2}[A-Z]+\w*))*"
    r"|\b(?:Oscars?|Academy Awards?|BAFTA|Golden Globes?|Goya|César|Emmy|Berlinale|Sundance|IDFA|"
    r"Hot Docs|Palme d'Or))(?:\s+(?P<yr>\d{4}))?"
)
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
    r"estreia|uraufführung|projeté|proiettat|exibid|gezeigt|vertoond|première",
    re.I,
)
_WON = re.compile(
    r"\b(?:won|wins?|winning|winners?)\b|awarded|prize|award|honou?r|gewonnen|gewinnt|gewann|remport|lauréat|"
    r"\bprix\b|ganó|gana|ganador|premio|premiad|vencedor|venceu|ganhou|vint[oa]|vince|"
    r"vincitor|premiat|kazan|ödül|nagrod|zdoby|获奖|獲獎|荣获|榮獲|获得|獲得|摘得|夺得|奪得|"
    r"大奖|大獎|受賞|グランプリ|大賞|수상|대상|đoạt|giải thưởng|memenangkan|penghargaan|برنده|"
    r"جایزه|جائزة|βραβ|κέρδισε|uitgeroepen|bekroond",
    re.I,
)
_NOMINATED = re.compile(
    r"nomin|finalist|disputou|candidat|indicad|indicaç|genomineerd|aday|提名|ノミネート|후보|"
    r"노미네이트|đề cử|nominasi|نامزد|مرشح|υποψήφ",
    re.I,
)
_NOT_ENTRY = re.compile(r"submi|staff pick|nomination\b|shortlisted for the oscar", re.I)
_SECTION = re.compile(
    r"in the section (?:of )?(?P<a>[A-Z][^.,;]+)|in the (?P<b>[A-Z][^.,;]+?) section", re.I
)
_EDITION = re.compile(rf"in its (?P<ord>{ORDINAL_RE}) (?:year|edition)", re.I)
_BULLET = re.compile(r"^\s*[•·*-]\s*")
_SENTENCE = re.compile(r"(?<=[a-z\u0430-\u044f\d)\]\"”'][.!?])\s+|\n")
_QUOTED_WORK = re.compile(r"^\s*[“\"«][^”\"»]{2,80}[”\"»]\s*,")

_CJK_NAME_CHARS = r"[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7a3・A-Za-z]"
_ZH_EVENT = re.compile(
    r"(?:(?P<ord>第\s?[\d零〇一二两三四五六七八九十百]+\s?[届屆回]|首[届屆]|제\s?\d{1,3}\s?회)\s?|"
    r"(?P<yr>\d{4})年?|本[届屆]|(?<=[\s。,!?:;“”\"」『』获獲在于於的得了]))"
    rf"(?P<name>{_CJK_NAME_CHARS}{{0,8}}?(?:金马奖|金馬獎|金像奖|金像獎|金鸡奖|金雞獎)|"
    rf"{_CJK_NAME_CHARS}{{2,18}}?(?:国际电影节|國際電影節|电影节|電影節|影展|映像节|映像節|"
    r"影像节|短片节|纪录片节|电影周|電影週|映画祭|영화제|大赛|大賽|论坛|論壇|电影展|電影展|徵選|征选|"
    r"比赛|比賽|评选|評選|アワード))"
)
_ZH_AWARD = re.compile(
    r"(?:赢得|获得|荣获|獲得|榮獲|被授予|摘得|斩获|夺得|奪得|斬獲)了?"
    r"(?:(?:本|该|該)[届屆][\u4e00-\u9fff]{0,10}?(?:电影节|電影節|影展|论坛|論壇|大赛|大賽))?"
    r"(?P<sec>[\u4e00-\u9fff]{2,8}?[单單]元)?"
    r"(?:最高奖项)?[“\"]?(?P<award>[\u4e00-\u9fff]{2,10}?[奖獎])"
    r"|(?P<award4>最佳[\u4e00-\u9fff]{2,10}?)由《[^》\n]{1,40}》[^。\n]{0,12}?(?:獲獎|获奖|獲得|获得)"
    r"|(?P<award2>[\u4e00-\u9fff\u30a0-\u30ff]{1,10}?賞(?:\([^)]{1,12}\))?)を?(?:受賞|獲得)"
    r"|(?P<award3>[\uac00-\ud7a3]{1,10}상)을?\s?(?:수상|받)"
)
_ZH_SELECT = re.compile(
    r"(?:同时)?入[围圍选選](?:了)?(?P<sec>[\u4e00-\u9fff]{2,6}?[单單]元)|"
    r"(?P<sec2>[\uac00-\ud7a3]{2,8}\s?부문)에?\s?(?:진출|초청)"
)


_DIGIT = re.compile(r"\d")
_ORDINAL_WORD = re.compile(
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth"
)
# Plain substrings one of which every event word contains: a fast test before the regexes.
_EVENT_STEM = re.compile(
    "fest|biennale|berlinale|award|exhibition|showcase|mostra|rencontres|film week|фестивал|"
    "награди|премия|festiwal|oscar|bafta|premio|prémio|prêmio|premi|prix|preis|césar|goya|emmy|"
    "golden globe|sundance|idfa|hot docs|muestra|encuentro|semaine|quinzaine|rassegna|"
    "liên hoan"
)
_ROMAN = re.compile(r"\b[IVXL]{2,8}\b")
_CJK_ANY = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")


def _has_ordinal(sentence: str, low: str) -> bool:
    return bool(_DIGIT.search(sentence) or _ORDINAL_WORD.search(low) or _ROMAN.search(sentence))


def _has_event_word(low: str) -> bool:
    return bool(_EVENT_STEM.search(low) and _EVENT_WORD.search(low))


def clear_caches() -> None:
    """Forget the sentences of earlier pages (the cache serves the steps of one page)."""
    _events_in.cache_clear()


def result_of(award: str | None, context: str) -> str | None:
    """The result enum for an award text and the words around the event."""
    words = f"{award or ''} {context}".casefold()
    if "shortlis" in words or "short list" in words or "présélection" in words:
        return "shortlist"
    if _NOMINATED.search(words):
        return "nominee"
    if award:
        return "winner"
    if _SELECTION.search(context):
        return "selection"
    return None


@lru_cache(maxsize=1024)
def _events_in(sentence: str) -> tuple[tuple[str, str | None, int | None, int, int], ...]:
    """(name, edition, year, start, end) for the events named in one sentence (or line)."""
    found: list[tuple[str, str | None, int | None, int, int]] = []
    low = sentence.lower()
    has_event_word = _has_event_word(low)
    has_ordinal = _has_ordinal(sentence, low)
    if not has_event_word and not has_ordinal:
        return ()
    for m in _PREFIXED.finditer(sentence) if has_ordinal else ():
        name = _EDITION_OF.sub("", (m.group("name") or m.group("name2") or "").strip())
        ordinal = m.group("ord")
        if not _prefixed_event_ok(sentence, m, name, ordinal):
            continue
        year = _year_of(m.group("yr") or m.group("yr2"))
        edition = str(ordinal_value(ordinal)) if ordinal and ordinal_value(ordinal) else None
        found.append((name, edition, year, m.start(), m.end()))
    for m in _NAMED.finditer(sentence) if has_event_word else ():
        if any(s <= m.start("name") < e for *_, s, e in found):
            continue
        if m.group("name").strip().casefold() in _GENERIC_NAMES:
            continue
        year = int(m.group("yr")) if m.group("yr") else None
        found.append((m.group("name").strip(), None, year, m.start(), m.end()))
    return tuple(sorted(found, key=lambda f: f[3]))


# "36e édition du Festival X", "25ª edición del Festival X", "the 11th edition of the X".
_EDITION_OF = re.compile(
    r"^(?i:annual\s+|yearly\s+)?(?i:edition|édition|edición|edizione|edição|ausgabe|editie|"
    r"edycja|izdanie|выпуск|sürüm)\s+"
    r"(?i:of the|of|de la|della|dello|del|des|de|du|do|da|van het|van de|van|der)?\s*"
)


def _prefixed_event_ok(sentence: str, m: re.Match, name: str, ordinal: str | None) -> bool:
    """Whether an ordinal- or year-prefixed run names an event ("the 36th Cinéma du Réel")."""
    if ordinal and not ordinal[0].isdigit() and not _word_ordinal_ok(sentence, m):
        return False
    if not name or len(name.split()) > 12 or name.casefold() in _GENERIC_NAMES:
        return False
    has_event_word = bool(_EVENT_WORD.search(name.lower()))
    if not (has_event_word or (ordinal and name[0].isupper())):
        return False
    return _capitalised(name) or bool(
        ordinal and has_event_word and any(w[0].isupper() for w in name.split())
    )


_CONNECTORS = frozenset(
    [
        "of",
        "de",
        "du",
        "des",
        "la",
        "le",
        "del",
        "di",
        "for",
        "and",
        "the",
        "van",
        "het",
        "der",
        "d'",
        "da",
        "do",
        "dos",
        "das",
        "y",
        "e",
        "et",
        "und",
        "in",
        "on",
        "at",
        "&",
        "annual",
        "annuel",
        "anual",
        "annuale",
        "jährlichen",
    ]
)
_GENERIC_NAMES = frozenset(
    [
        "festival",
        "film festival",
        "fest",
        "awards",
        "award",
        "the festival",
        "the awards",
        "festivals",
        "premios",
        "prix",
        "premi",
        "mostra",
        "biennale",
        "semaine",
        "rencontres",
        "muestra",
    ]
)


def _capitalised(name: str) -> bool:
    """True when every word of an event name is capitalised or a connector ("of", "de")."""
    words = name.split()
    return all(w[0].isupper() or w[0].isdigit() or w.casefold() in _CONNECTORS for w in words)


def _word_ordinal_ok(sentence: str, m: re.Match) -> bool:
    """A spelled or Roman ordinal starts an event only after an article, a year or the start of
    the text."""
    head = sentence[: m.start("ord")].rstrip()
    if not head or _ENDS_WITH_YEAR.search(head):
        return True
    last = head.split()[-1].casefold()
    return last in _ARTICLES_BEFORE_ORDINAL or last.endswith(("l'", "l’"))


# "the Seventh …", "la XXV edición …", "der XII. …", "o XX Festival …".
_ARTICLES_BEFORE_ORDINAL = frozenset(
    (
        "the",
        "la",
        "le",
        "el",
        "il",
        "lo",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "de",
        "del",
        "della",
        "dello",
        "du",
        "o",
        "a",
        "na",
        "no",
        "al",
        "ao",
    )
)


def _year_of(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text.isdigit() and len(text) == 4 else two_digit_year(text)


def sentence_entries(sentence: str) -> list[FestivalEntry]:
    """Entries for the events of one sentence, with awards before or after each event."""
    events = _events_in(sentence)
    if not events or _QUOTED_WORK.match(sentence) or _NOT_ENTRY.search(sentence):
        return []
    out = []
    prev_end = 0
    for name, edition, year, start, end in events:
        before = sentence[prev_end:start]
        award = None
        m = _AWARD_BEFORE.search(before)
        if m:
            award = m.group("award").strip()
        else:
            after = _AWARD_AFTER.match(sentence[end:]) or _CATEGORY_AFTER.match(sentence[end:])
            award = after.group("award").strip() if after else None
            if after and year is None:
                year = _year_after(sentence[end + after.end() :])
        result = result_of(award, sentence)
        prev_end = end
        if result is None:
            continue
        if year is None:
            year = _year_after(sentence[end:])
        entry = FestivalEntry(festival=name, edition=edition, year=year, award=award, result=result)
        entry.section = _section(sentence)
        ed = _EDITION.search(sentence)
        if ed and entry.edition is None:
            entry.edition = str(ordinal_value(ed.group("ord")))
        out.append(entry)
    return out


def _year_after(text: str) -> int | None:
    """The event's year written right after its name: "... Réel in 2014", "... Festival (2014)"."""
    m = _YEAR_AFTER.match(text)
    return int(m.group(1)) if m else None


def _section(sentence: str) -> str | None:
    m = _SECTION.search(sentence)
    return (m.group("a") or m.group("b")).strip() if m else None


def list_entries(lines: list[str]) -> list[FestivalEntry]:
    """Awards lists: an event line, then optional date and award lines."""
    out = []
    budget = [MAX_PARSED_DATES]
    for i, line in enumerate(lines):
        body = _BULLET.sub("", line).strip()
        if len(body) > 140:
            continue
        events = _events_in(body)
        if len(events) != 1 or events[0][4] < len(body) - 2:
            continue
        name, edition, year, _, _ = events[0]
        entry = FestivalEntry(festival=name, edition=edition, year=year)
        for nxt in lines[i + 1 : i + 3]:
            nxt = nxt.strip()
            date = _date_line(nxt, budget)
            if date:
                entry.date = date
                entry.year = entry.year or int(date[:4])
            elif nxt and len(nxt) < 80 and _AWARD_LINE.search(nxt):
                entry.award = nxt
                break
            else:
                break
        entry.result = result_of(entry.award, "")
        if entry.award or entry.date:
            out.append(entry)
    return out


def _date_line(line: str, budget: list[int]) -> str | None:
    """The full date a line is made of (a few other characters allowed), in any language."""
    found = full_date(line)
    if found:
        return found[0] if len(line) <= found[2] - found[1] + 6 else None
    return any_full_date(line, budget) if len(line) <= 40 else None


_BEFORE_EVENT = re.compile(
    r"^.*?(?:斩获|斬獲|获得|獲得|荣获|榮獲|参加|參加|入围|入圍|提名|获|獲|在|于|於|的)了?"
)


def _event_name(name: str) -> str:
    """The event's name without the words of the sentence before it ("…斩获第七届" dropped)."""
    m = _ORDINAL_IN_NAME.search(name)
    if m:
        name = name[m.end() :]
    trimmed = _BEFORE_EVENT.sub("", name)
    return trimmed if len(trimmed) >= 2 else name


_ORDINAL_IN_NAME = re.compile(
    r"第\s?[\d零〇一二两三四五六七八九十百]+\s?[届屆回]|首[届屆]|제\s?\d{1,3}\s?회"
)


def chinese_entries(text: str) -> list[FestivalEntry]:
    """Entries from Chinese prose: the main event's awards and selections, other selections."""
    if not _CJK_ANY.search(text):
        return []
    events = list(_ZH_EVENT.finditer(text))
    if not events:
        return []
    return clause_entries(text) or _main_event_entries(text, events)


def _main_event_entries(text: str, events: list[re.Match]) -> list[FestivalEntry]:
    """The main (numbered) event's award and selection, and other events' selections."""
    main = next((m for m in events if m.group("ord")), events[0])
    edition = str(ordinal_value(main.group("ord"))) if main.group("ord") else None
    main_name = _event_name(main.group("name"))
    out: list[FestivalEntry] = []
    award = _ZH_AWARD.search(text)
    if award:
        out.append(
            FestivalEntry(
                main_name,
                edition,
                _int(main.group("yr")),
                award.group("sec"),
                award.group("award")
                or award.group("award2")
                or award.group("award3")
                or award.group("award4"),
                "winner",
            )
        )
    used = {award.group("sec")} if award else set()
    for m in _ZH_SELECT.finditer(text):
        if award and m.group("sec2"):
            out[0].section = out[0].section or m.group("sec2")
            continue
        if m.group("sec") not in used:
            out.append(
                FestivalEntry(
                    main_name, edition, _int(main.group("yr")), m.group("sec"), None, "selection"
                )
            )
            break
    for m in events:
        if m.group("name") in main_name or main_name in m.group("name"):
            continue
        if re.match(r"入[围圍]", text[m.end() : m.end() + 2]):
            out.append(
                FestivalEntry(m.group("name"), None, _int(m.group("yr")), None, None, "selection")
            )
    return out


_CLAUSE = re.compile(r"[^。;!?\n]+")
_CLAUSE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_WIN_VERB = re.compile(r"获|獲|荣获|榮獲|斩获|斬獲|摘得|夺得|奪得")
_SELECT_VERB = re.compile(r"入[围圍选選]|提名")
# Awards right after the event: "电影节"亚洲新浪潮"优秀奖", "…的最佳纪录片与最佳剪辑奖项".
_AFTER_EVENT = re.compile(
    r"^[”\"」』]?(?:[“\"「『](?P<sec>[^”\"」』]{1,12})[”\"」』])?的?"
    r"(?P<awards>(?:最佳[\u4e00-\u9fff]{1,8}?|[\u4e00-\u9fff]{1,8}?[奖獎賞])"
    r"(?:(?:与|與|和|及|、)(?:最佳[\u4e00-\u9fff]{1,8}?|[\u4e00-\u9fff]{1,8}?[奖獎賞]))*)"
    r"(?=奖项|獎項|[,。;、\s]|$|[^\u4e00-\u9fff])"
)
_AWARD_SPLIT = re.compile(r"与|與|和|及|、")


def clause_entries(text: str) -> list[FestivalEntry]:
    """Entries read clause by clause from CJK prose: "1999年获日本山形国际纪录片电影节"亚洲新浪潮"
    优秀奖;2000年获巴黎"真实电影节"评委会奖" gives two, each with its year and award; "入围了
    金马奖的最佳纪录片与最佳剪辑奖项" gives one selection per award named."""
    out: list[FestivalEntry] = []
    named = next((m for m in _ZH_EVENT.finditer(text) if m.group("ord")), None)
    for clause in _CLAUSE.findall(text):
        prev_end = 0
        for m in _ZH_EVENT.finditer(clause):
            this_one = clause[m.start() : m.start() + 2] in ("本届", "本屆")
            source = named if this_one and named else m
            head = clause[prev_end : m.start("name")]
            prev_end = m.end()
            # The verb before the event, also when the name's first characters took it in.
            near = clause[max(0, m.start("name") - 12) : m.end("name") - 3]
            verb_win = _WIN_VERB.search(near)
            verb_sel = _SELECT_VERB.search(near)
            after = _AFTER_EVENT.match(clause[m.end() :])
            if not after or not (verb_win or verb_sel):
                continue
            year = _CLAUSE_YEAR.search(head)
            edition = source.group("ord")
            for award in _AWARD_SPLIT.split(after.group("awards")):
                out.append(
                    FestivalEntry(
                        _event_name(source.group("name")),
                        str(ordinal_value(edition)) if edition else None,
                        int(year.group(1)) if year else _int(m.group("yr")),
                        after.group("sec"),
                        award,
                        "selection" if verb_sel and not verb_win else "winner",
                    )
                )
    return out


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def sentences(text: str) -> list[str]:
    """The text split into sentences and lines."""
    return [s for s in _SENTENCE.split(text) if s.strip()]


def merge_entries(entries: list[FestivalEntry]) -> list[FestivalEntry]:
    """One entry per event and award: repeated mentions merge, keeping the fuller values."""
    out: list[FestivalEntry] = []
    for e in entries:
        twin = next((o for o in out if _same(o, e)), None)
        if twin is None:
            out.append(e)
            continue
        for key in ("edition", "year", "section", "award", "date"):
            if getattr(twin, key) is None:
                setattr(twin, key, getattr(e, key))
        if twin.result == "selection" and e.result not in (None, "selection"):
            twin.result = e.result
    return out


def _same(a: FestivalEntry, b: FestivalEntry) -> bool:
    na, nb = a.festival.casefold(), b.festival.casefold()
    if not (na in nb or nb in na):
        return False
    if a.year and b.year and a.year != b.year:
        return False
    aa, ab = (a.award or "").casefold(), (b.award or "").casefold()
    if aa == ab or (not aa and b.result == a.result) or (not ab and a.result == b.result):
        return True
    # A bare "won at X" mention is the same event as the award the page names for it.
    return (not aa and a.result == "winner") or (not ab and b.result == "winner")

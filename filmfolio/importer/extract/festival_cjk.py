"""Festival entries read from Chinese, Japanese and Korean prose: events, awards, selections."""

from __future__ import annotations

import re

from .quantities import ordinal_value
from .record import FestivalEntry

_CJK_NAME_CHARS = r"[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7a3・A-Za-z]"
_GOLDEN_AWARDS = "金马奖|金馬獎|金像奖|金像獎|金鸡奖|金雞獎"
_EVENT_WORDS = (
    "国际电影节|國際電影節|电影节|電影節|影展|映像节|映像節|影像节|短片节|纪录片节|电影周|電影週|"
    "映画祭|영화제|大赛|大賽|论坛|論壇|电影展|電影展|徵選|征选|比赛|比賽|评选|評選|アワード"
)
_ZH_EVENT = re.compile(
    r"(?:(?P<ord>第\s?[\d零〇一二两三四五六七八九十百]+\s?[届屆回]|首[届屆]|제\s?\d{1,3}\s?회)\s?|"
    r"(?P<yr>\d{4})年?|本[届屆]|(?<=[\s。,!?:;“”\"」『』获獲在于於的得了]))"
    rf"(?P<name>{_CJK_NAME_CHARS}{{0,8}}?(?:{_GOLDEN_AWARDS})|"
    rf"{_CJK_NAME_CHARS}{{2,18}}?(?:{_EVENT_WORDS}))"
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
_CJK_ANY = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")


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


# Every event name ends in one of these words: a text without any names no event.
_ZH_EVENT_END = re.compile(f"{_GOLDEN_AWARDS}|{_EVENT_WORDS}")


def chinese_entries(text: str) -> list[FestivalEntry]:
    """Entries from Chinese prose: the main event's awards and selections, other selections."""
    if not _CJK_ANY.search(text) or not _ZH_EVENT_END.search(text):
        return []
    events = list(_ZH_EVENT.finditer(text))
    if not events:
        return []
    return clause_entries(text) or _main_event_entries(text, events)


def _main_event_entries(text: str, events: list[re.Match]) -> list[FestivalEntry]:
    """The main (numbered) event's award and selection, and other events' selections."""
    main = next((m for m in events if m.group("ord")), events[0])
    edition = str(ordinal_value(main.group("ord"))) if main.group("ord") else None
    event = (_event_name(main.group("name")), edition, _int(main.group("yr")))
    award = _ZH_AWARD.search(text)
    out = [_award_entry(event, award)] if award else []
    out += _main_selection(text, event, award, out)
    out += _other_selections(text, events, event[0])
    return out


def _award_entry(event: tuple[str, str | None, int | None], award: re.Match) -> FestivalEntry:
    """The main event's award."""
    name = (
        award.group("award")
        or award.group("award2")
        or award.group("award3")
        or award.group("award4")
    )
    return FestivalEntry(*event, award.group("sec"), name, "winner")


def _main_selection(
    text: str,
    event: tuple[str, str | None, int | None],
    award: re.Match | None,
    out: list[FestivalEntry],
) -> list[FestivalEntry]:
    """The main event's first selection in a section the award does not name; beside an
    award, a selection's second section completes the award's entry (``out[0]``) instead."""
    used = {award.group("sec")} if award else set()
    for m in _ZH_SELECT.finditer(text):
        if award and m.group("sec2"):
            out[0].section = out[0].section or m.group("sec2")
            continue
        if m.group("sec") not in used:
            return [FestivalEntry(*event, m.group("sec"), None, "selection")]
    return []


def _other_selections(text: str, events: list[re.Match], main_name: str) -> list[FestivalEntry]:
    """Selections at the other events named, each followed by "入围"."""
    out = []
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
            head = clause[prev_end : m.start("name")]
            prev_end = m.end()
            out += _event_clause_entries(clause, m, named, head)
    return out


def _event_clause_entries(
    clause: str, m: re.Match, named: re.Match | None, head: str
) -> list[FestivalEntry]:
    """The entries of one event in a clause: one per award named after it, when a verb of
    winning or selection stands before it; ``head`` is the clause's text before the event."""
    source = _clause_event(clause, m, named)
    # The verb before the event, also when the name's first characters took it in.
    near = clause[max(0, m.start("name") - 12) : m.end("name") - 3]
    verb_win = _WIN_VERB.search(near)
    verb_sel = _SELECT_VERB.search(near)
    after = _AFTER_EVENT.match(clause[m.end() :])
    if not after or not (verb_win or verb_sel):
        return []
    year = _CLAUSE_YEAR.search(head)
    edition = source.group("ord")
    entry = (
        _event_name(source.group("name")),
        str(ordinal_value(edition)) if edition else None,
        int(year.group(1)) if year else _int(m.group("yr")),
        after.group("sec"),
    )
    result = "selection" if verb_sel and not verb_win else "winner"
    return [
        FestivalEntry(*entry, award, result) for award in _AWARD_SPLIT.split(after.group("awards"))
    ]


def _clause_event(clause: str, m: re.Match, named: re.Match | None) -> re.Match:
    """The event a clause names: "本届" refers to the page's numbered event."""
    this_one = clause[m.start() : m.start() + 2] in ("本届", "本屆")
    return named if this_one and named else m


def _int(text: str | None) -> int | None:
    return int(text) if text else None

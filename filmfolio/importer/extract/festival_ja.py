"""Festival entries in Japanese prose: "2019年の山形国際ドキュメンタリー映画祭でグランプリを受賞",
"第20回東京フィルメックスのコンペティション部門に正式出品", "アヌシー2003でグランプリを獲得".

Japanese writes the event, then で or に, then the award and a verb: 受賞 / 獲得 (winner),
ノミネート (nominee), 入選 / 出品 / 選出 / 上映 (selection). The event is a run of kanji,
katakana and Latin letters ending in an event word (映画祭, フェスティバル, 映像祭, アワード), or
a katakana name with its year right after it ("アヌシー2003"), as festivals abroad are written.
The edition is a 第N回 before the name; the year a four-digit year before or after it.
"""

from __future__ import annotations

import re

from .quantities import cn_number
from .record import FestivalEntry

_NAME_CHARS = r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z・ー&＆]"
_EVENT = re.compile(
    r"(?:(?P<y0>(?:19|20)\d\d)年の?)?"
    r"(?:第(?P<ed>\d{1,3}|[一二三四五六七八九十百]+)回\s?)?"
    rf"(?:(?P<name>{_NAME_CHARS}{{1,30}}?(?:国際映画祭|映画祭|フェスティバル|映像祭|アワード))"
    r"(?P<y1>(?:19|20)\d\d)?"
    r"|(?P<kana>[\u30a0-\u30ffー・]{2,20})(?P<y2>(?:19|20)\d\d))"
    r"(?:年)?(?:の(?P<section>[^\s、。をにでの]{1,20}部門))?(?:で|に)(?:て|は|も)?"
    r"(?P<between>[^。\n]{0,30}?)"
    r"(?P<verb>受賞|獲得|ノミネート|入選|正式出品|出品|選出|上映)"
)
_AWARD = re.compile(r"(グランプリ|大賞|[\u30a0-\u30ff\u4e00-\u9fffー・]{1,14}賞)(?:を|も|に)?$")
_RESULTS = {"受賞": "winner", "獲得": "winner", "ノミネート": "nominee"}
_STEMS = ("受賞", "獲得", "ノミネート", "入選", "出品", "選出", "上映")
_PREFIX = re.compile(r"^(?:同|今年の|昨年の|本年の)")
# "第12回ぴあフィルムフェスティバル": a name that begins in hiragana after its edition.
_KANA_START = re.compile(r"第(\d{1,3}|[一二三四五六七八九十百]+)回\s?([\u3040-\u309f]{1,4})$")


def _edition(text: str | None) -> str | None:
    if not text:
        return None
    return text if text.isdigit() else str(cn_number(text) or "") or None


def _award(between: str) -> str | None:
    m = _AWARD.search(between.strip())
    return m.group(1) if m else None


def japanese_entries(text: str) -> list[FestivalEntry]:
    """The entries of the Japanese festival clauses of a text."""
    if not any(stem in text for stem in _STEMS):
        return []
    return [_entry(m, text) for m in _EVENT.finditer(text)]


def _entry(m: re.Match, text: str) -> FestivalEntry:
    name = _PREFIX.sub("", m.group("name") or m.group("kana"))
    edition = _edition(m.group("ed"))
    start = _KANA_START.search(text[max(0, m.start() - 12) : m.start()])
    if start and not m.group("ed"):
        edition, name = _edition(start.group(1)), start.group(2) + name
    year = m.group("y0") or m.group("y1") or m.group("y2")
    award = _award(m.group("between"))
    result = _RESULTS.get(m.group("verb"), "selection")
    if result == "winner" and award is None and "グランプリ" in m.group("between"):
        award = "グランプリ"
    return FestivalEntry(
        festival=name,
        edition=edition,
        year=int(year) if year else None,
        section=m.group("section"),
        award=award,
        result=result,
    )

"""The film's year from sentences about the film itself, once its title is known.

* Completion or production: "X was completed in 1985 but released only in 1987", "tourné en
  2019", "1985 fertiggestellt", "hoàn thành năm 1985", "2018年拍摄完成", "2018년 제작". The film's
  year is its first one, so such a year replaces a later release or premiere year.
* Release in prose when no field gave a year: "X was released on 7 June 2012", "X diluncurkan
  pada tanggal 7 Juni 2012", "X est sorti en salles en 2012", "X se estrenó en 2012".

Only sentences that name the film (its title, or "the film" / "this documentary" words) count:
a year of another film named on the page is left alone. Each pattern runs only when one of its
plain stems is on the page.
"""

from __future__ import annotations

import re

from .lead import lead_year
from .record import SURE, UNSURE, Evidence, ExtractedRecord

_Y = r"((?:1[89]|20)\d\d)"
_COMPLETED = re.compile(
    "|".join(
        [
            rf"\b(?:completed|finished|shot|filmed|produced) in {_Y}",
            rf"\b(?:achevée?|terminée?|tournée?|produite?) en {_Y}",
            rf"\b{_Y} (?:fertiggestellt|gedreht|produziert|fertig gestellt)",
            rf"\b(?:terminad[ao]|rodad[ao]|filmad[ao]|producid[ao]) en(?: el año)? {_Y}",
            rf"\b(?:completato|terminato|girato|prodotto) nel {_Y}",
            rf"\b(?:concluído|terminado|rodado|filmado|produzido) em {_Y}",
            rf"\b(?:voltooid|opgenomen|geproduceerd) in {_Y}",
            rf"\b(?:ukończony|nakręcony|zrealizowany) w(?: roku)? {_Y}",
            rf"(?:снят|завершён|закончен) в {_Y}",
            rf"\bhoàn thành(?: vào)? năm {_Y}",
            rf"\b(?:selesai|diselesaikan|diproduksi) (?:pada )?tahun {_Y}",
            rf"\b{_Y} yılında (?:tamamlan|çekil)",
            rf"{_Y}年(?:拍摄完成|拍攝完成|制作完成|製作完成|完成|摄制|攝製)",
            rf"(?:完成|摄制|攝製)于{_Y}年",
            rf"\b{_Y}년\s?(?:제작|완성)",
        ]
    ),
)  # run on lowered text, as are the patterns below
_COMPLETED_STEMS = (
    "complet", "finish", "shot", "filmed", "produ", "achev", "termin", "tourn", "fertig",
    "gedreht", "rodad", "filmad", "girato", "conclu", "voltooid", "opgenomen", "ukończ",
    "nakręc", "zrealiz", "снят", "заверш", "законч", "hoàn thành", "selesai", "yılında",
    "完成", "摄制", "攝製", "제작", "완성",
)  # fmt: skip
_RELEASED = re.compile(
    r"(?:\b(?:(?:was |were )?released|premiered|opened in (?:cinemas|theaters|theatres)|"
    r"dirilis|diluncurkan|ditayangkan|sorti(?:e)?(?: en salles?)?|est sorti|"
    r"(?:se )?estren(?:ó|ada|ado)|uscito|è uscito|lançado|estreou|erschien|"
    r"kam [^.\n]{0,20} in die kinos|uitgebracht|verscheen|công chiếu|ra mắt|"
    r"vizyona girdi)\b|上映|公開)"
    rf"[^.\n]{{0,60}}?(?<!\d){_Y}(?!\d)",
)
_RELEASED_STEMS = (
    "releas", "premier", "opened", "dirilis", "diluncurkan", "ditayangkan", "sorti", "estren",
    "uscit", "lançad", "estreou", "erschien", "kinos", "uitgebracht", "verscheen", "công chiếu",
    "ra mắt", "vizyon", "上映", "公開",
)  # fmt: skip
_THE_FILM = re.compile(
    r"\b(?:the|this) (?:film|movie|documentary|short)\b|\ble film\b|\bel (?:film|documental)\b|"
    r"\bil film\b|\bo filme\b|\bder film\b|\bde film\b|\bfilm ini\b|\bbộ phim\b|\bphim\b|"
    r"\b(?:the|this) work\b|\bl'œuvre\b|\bdas werk\b|\bla obra\b|\bl'opera\b|\ba obra\b|"
    r"\bkarya ini\b|\btác phẩm\b|该片|本片|此片|這部|这部|이 영화|本作|作品",
)
_ENDS = ".!?。！？\n"


def _about_the_film(sentence: str, title: str | None) -> bool:
    """True for a (lowered) sentence naming the (lowered) title or "the film"."""
    return bool((title and title in sentence) or _THE_FILM.search(sentence))


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of the text that holds ``start:end``."""
    first = max(text.rfind(c, 0, start) for c in _ENDS) + 1
    last = min((i for i in (text.find(c, end) for c in _ENDS) if i >= 0), default=len(text))
    return text[first:last]


def _year_in(text: str, pattern: re.Pattern, stems: tuple, title: str | None):
    """(year, start, end) of the first match of ``pattern`` in a sentence about the film."""
    low = text.lower()
    if not any(stem in low for stem in stems):
        return None
    title = title.lower() if title else None
    for m in pattern.finditer(low):
        if _about_the_film(_sentence_around(low, m.start(), m.end()), title):
            at = next(i for i, g in enumerate(m.groups(), 1) if g)
            return int(m.group(at)), m.start(at), m.end(at)
    return None


def _released_year(rec: ExtractedRecord) -> bool:
    """True when the year known so far is a release or premiere year, or a lead's."""
    return any(
        ev.field == "year"
        and ((ev.rule.startswith("label:") and ev.confidence < SURE) or ev.rule == "lead sentence")
        for ev in rec.evidence
    )


def apply_film_years(rec: ExtractedRecord, text: str) -> None:
    """An earlier lead or completion year replaces a release year; a release stated in prose
    gives the year when nothing else did."""
    if rec.year is not None and not _released_year(rec):
        return
    for found, rule in (_earlier_lead(rec, text), _completion(rec, text), _release(rec, text)):
        if found:
            rec.year = found[0]
            rec.note(Evidence("year", found[0], found[1], found[2], UNSURE, rule))
            return


def _earlier_lead(rec: ExtractedRecord, text: str) -> tuple[tuple | None, str]:
    """An article's own year for the film, before its premiere's."""
    year = rec.year
    lead = lead_year(text) if year is not None else None
    return (lead if lead and year and year - 5 <= lead[0] < year else None), "lead sentence"


def _completion(rec: ExtractedRecord, text: str) -> tuple[tuple | None, str]:
    done = _year_in(text, _COMPLETED, _COMPLETED_STEMS, rec.title)
    ok = done and (rec.year is None or rec.year - 5 <= done[0] < rec.year)
    return (done if ok else None), "completed"


def _release(rec: ExtractedRecord, text: str) -> tuple[tuple | None, str]:
    if rec.year is not None:
        return None, "released"
    return _year_in(text, _RELEASED, _RELEASED_STEMS, rec.title), "released"

"""The film's texts a page carries — synopsis, logline, director statement, biography — and the
language each is written in.

`page_texts(text, fallback_synopsis="")` finds sections under headings in many languages
("Synopsis", "Director's statement", "导演阐述", "あらすじ", "Biographie", …) or after such a
label on the same line, and returns `PageText`s with the language detected offline by lingua
(decision 0810). When the page has no synopsis heading, the page's own description
(``fallback_synopsis``, from its structured data) or its first paragraph of story prose stands
in, marked as a guess. Pure: no database, no network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .extract.clean import html_to_text, looks_like_html, repair_mojibake
from .extract.synopsis import is_production_note, is_prose

SYNOPSIS, LOGLINE, STATEMENT, BIOGRAPHY = "synopsis", "logline", "statement", "biography"
KINDS = (SYNOPSIS, LOGLINE, STATEMENT, BIOGRAPHY)
MAX_BODY = 20_000
MAX_PAGE_CHARS = 2_000_000
MIN_DETECT = 12
# Shorter texts under a heading are labels of something else ("Bio: 1978, Paris").
MIN_BODY = 30
MIN_LOGLINE = 12

# Headings per kind, in the languages of the pages we read (matched case-insensitively, the
# whole heading, with an optional colon).
_HEADINGS = {
    SYNOPSIS: """synopsis|short synopsis|long synopsis|synopses|summary|plot|story|the story|
        about the film|sinopsis|sinossi|sinopse|résumé|inhalt|kurzinhalt|handlung|
        inhaltsangabe|samenvatting|streszczenie|opis|сюжет|синопсис|özet|konu|tóm tắt|
        nội dung|ringkasan|剧情简介|劇情簡介|剧情介绍|劇情介紹|故事梗概|影片简介|影片簡介|简介|
        簡介|内容简介|內容簡介|梗概|あらすじ|ストーリー|作品紹介|줄거리|시놉시스|ملخص|خلاصه""",
    LOGLINE: """logline|log line|log-line|tagline|pitch|一句话简介|一句話簡介|一句话梗概|
        一句話梗概|ログライン|로그라인""",
    STATEMENT: """director's statement|directors statement|director’s statement|
        directors' statement|director statement|statement|director's note|director’s note|
        note d'intention|note d’intention|note du réalisateur|note de la réalisatrice|
        regiestatement|statement der regie|anmerkungen der regie|declaración del director|
        nota del director|nota di regia|nota do diretor|导演阐述|導演闡述|导演的话|導演的話|
        导演自述|導演自述|创作阐述|創作闡述|导演手记|導演手記|監督のことば|監督の言葉|
        監督メッセージ|연출의도|연출 의도|감독의 말""",
    BIOGRAPHY: """biography|biographies|bio|director's biography|director’s biography|
        director biography|director's bio|director’s bio|director bio|about the director|
        biographie|biographie du réalisateur|biografie|biografía|biografia|
        导演简介|導演簡介|导演介绍|導演介紹|导演小传|導演小傳|監督プロフィール|監督紹介|プロフィール|
        감독 소개|감독 프로필|연출자 소개""",
}


def _heading_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for kind, words in _HEADINGS.items():
        for word in words.split("|"):
            table.setdefault(" ".join(word.split()).casefold(), kind)
    return table


HEADINGS = _heading_table()
_LABEL = re.compile(r"^\s*([^:：\n]{2,40}?)\s*[:：]\s*(.*)$")
_SHORT_LINE = 40


@dataclass(frozen=True)
class PageText:
    """One text of the film as the page writes it, with its detected language ("" if unsure)."""

    kind: str
    body: str
    language: str
    guessed: bool = False


def page_texts(text: str, *, fallback_synopsis: str = "") -> list[PageText]:
    """The synopsis, logline, statement and biography the page writes (one of each kind)."""
    lines = _plain(text).split("\n")
    found = _sections(lines)
    texts = [PageText(k, found[k], detect_language(found[k])) for k in KINDS if k in found]
    if SYNOPSIS not in found:
        guess = fallback_synopsis.strip() or _story_paragraph(lines)
        if guess:
            texts.insert(0, PageText(SYNOPSIS, guess[:MAX_BODY], detect_language(guess), True))
    return texts


def _sections(lines: list[str]) -> dict[str, str]:
    """The first section of each kind that is long enough to be a text."""
    found: dict[str, str] = {}
    for i, line in enumerate(lines):
        kind, inline = _heading(line)
        if kind is None or kind in found:
            continue
        body = _section(inline, lines[i + 1 :])
        if len(body) >= (MIN_LOGLINE if kind == LOGLINE else MIN_BODY):
            found[kind] = body[:MAX_BODY]
    return found


def _plain(text: str) -> str:
    """The page as lines of text, written as the page writes them (no NFKC: a Chinese text
    keeps its full-width punctuation)."""
    text = repair_mojibake(text[:MAX_PAGE_CHARS])
    if looks_like_html(text):
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return text.replace("\u2028", "\n").replace("\u2029", "\n")


def _heading(line: str) -> tuple[str | None, str]:
    """The text kind a line heads and the text after its label on the same line, if any."""
    stripped = line.strip().strip("#*").strip()
    if len(stripped) > _SHORT_LINE + 200:
        return None, ""
    bare = " ".join(stripped.rstrip(":：").split()).casefold()
    if bare in HEADINGS:
        return HEADINGS[bare], ""
    labelled = _LABEL.match(stripped)
    if labelled:
        label = " ".join(labelled.group(1).split()).casefold()
        if label in HEADINGS:
            return HEADINGS[label], labelled.group(2).strip()
    return None, ""


def _section(inline: str, following: list[str]) -> str:
    """The paragraphs of a section: its inline text and the lines up to the next heading, a
    short label line, or a short line after a blank one."""
    paragraphs = [inline] if inline else []
    blank = False
    for line in following:
        stripped = line.strip()
        if not stripped:
            blank = True
            continue
        if _ends_section(stripped, started=bool(paragraphs), after_blank=blank):
            break
        paragraphs.append(stripped)
        blank = False
    return "\n\n".join(paragraphs).strip()


def _ends_section(line: str, *, started: bool, after_blank: bool) -> bool:
    """A line that is the next heading or label, or a short line after a blank one."""
    if _heading(line)[0] is not None:
        return True
    if _LABEL.match(line) and len(line) < 60:
        return True
    return started and after_blank and len(line) < _SHORT_LINE and not _ends_sentence(line)


def _ends_sentence(line: str) -> bool:
    return line[-1] in '.!?。！？…"”」』)）'


def _story_paragraph(lines: list[str]) -> str:
    """The first paragraph of story prose on the page (not about making the film)."""
    return next(
        (
            line.strip()
            for line in lines
            if is_prose(line) and not is_production_note(line) and len(line) < MAX_BODY
        ),
        "",
    )


def detect_language(text: str) -> str:
    """The BCP 47 tag of the language ``text`` is written in ("zh-Hans", "zh-Hant", "fr"),
    or "" when the text is too short to tell or lingua is unsure."""
    sample = " ".join(text.split())[:2000]
    if len(sample) < MIN_DETECT:
        return ""
    language = _detector().detect_language_of(sample)
    if language is None:
        return ""
    code = language.iso_code_639_1.name.lower()
    if code == "zh":
        return "zh-Hant" if _is_traditional(sample) else "zh-Hans"
    return code


@cache
def _detector():  # type: ignore[no-untyped-def]
    """lingua's detector over all its languages, built once per process (about a second in
    its low-accuracy mode, which is accurate for paragraphs; texts here are paragraphs)."""
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def _is_traditional(text: str) -> bool:
    from opencc import OpenCC

    return _converter(OpenCC).convert(text) != text


@cache
def _converter(opencc: type):  # type: ignore[no-untyped-def]
    return opencc("t2s")

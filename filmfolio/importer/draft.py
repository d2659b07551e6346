"""Extracted values to a film record draft: the "normalise countries, languages, roles" step.

`draft_from_gold(gold)` takes a record in the corpus gold schema (what the extractor returns,
values as the page writes them) and returns a `Draft`: the same facts in `FilmRecord` form, with
codes where the model stores codes, and a warning for every value it could not map. It never
guesses: an unknown country is left out and named in a warning, an unknown role becomes "other"
with the page's label kept in ``credited_as``, an unreadable budget keeps only its wording.
Pure: no database, no network.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from pydantic import ValidationError

from filmfolio.festivals.choices import EntryResult
from filmfolio.films.choices import ColorKind, FilmKind, LanguageRole, TitleKind

from .codes import country_code, language_code, parse_amount, role_code
from .records import FilmRecord

KINDS = {
    "feature": FilmKind.FEATURE,
    "short": FilmKind.SHORT,
    "documentary": FilmKind.DOCUMENTARY,
    "documentary short": FilmKind.DOCUMENTARY_SHORT,
    "animation": FilmKind.ANIMATION,
    "series": FilmKind.SERIES,
    "other": FilmKind.OTHER,
}
RESULTS = {
    "winner": EntryResult.WON,
    "selection": EntryResult.SELECTED,
    "nominee": EntryResult.NOMINATED,
    "shortlist": EntryResult.SHORTLISTED,
}
COLORS = {
    "color": ColorKind.COLOR,
    "black and white": ColorKind.BLACK_AND_WHITE,
    "mixed": ColorKind.MIXED,
}
_MAX_SHORT = 300
# Words that make a language name a subtitle language: "英文字幕", "English subtitles",
# "sous-titres anglais", "deutsche Untertitel", "subtítulos en inglés", "영어 자막".
_SUBTITLE_WORDS = re.compile(
    r"(?:双语|雙語)?字幕|中英|\b(?:with\s+)?(?:subtitles?|subtitled|subs|sous-titres?|"
    r"sous-titrée?s?|untertitel|untertitelt|subt[ií]tulos?|sottotitoli|legendas?|ondertiteld|"
    r"ondertiteling|napisy)\b|자막|字幕付き",
    re.I,
)
_FILLER = re.compile(r"\b(?:en|in|with)\b", re.I)
# One-character language names used in "中英字幕" (Chinese and English subtitles) and the like.
_CJK_SHORT_LANGUAGES = {
    "中": "zh",
    "英": "en",
    "日": "ja",
    "韩": "ko",
    "韓": "ko",
    "法": "fr",
    "德": "de",
    "西": "es",
    "俄": "ru",
    "葡": "pt",
    "意": "it",
    "粤": "yue",
    "粵": "yue",
}
# At least this many kinds of film facts make a page look like a film page.
MIN_FILM_SIGNALS = 2
# Words for a film and its making in the languages of the pages we read: a page that uses one
# has one more sign of being about a film.
FILM_WORDS = re.compile(
    r"\b(?:films?|movies?|documentar(?:y|ies)|cinema|kino|cine|película|documental|filme|"
    r"filmes|documentário|regie|regisseur(?:in)?|réalisateur|réalisatrice|director|directed|"
    r"фильм\w*|кино|sinema|phim|belgesel|ταινία|ντοκιμαντέρ)\b|"
    r"电影|電影|影片|纪录片|紀錄片|导演|導演|映画|監督|영화|감독|다큐멘터리|فیلم|مستند|فيلم|وثائقي",
    re.I,
)


@dataclass
class Draft:
    """A film record to review: `values` in `FilmRecord` form and what could not be mapped."""

    values: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    # The film's texts the page carries: {"kind", "body", "language", "guessed"} each.
    texts: list[dict[str, Any]] = field(default_factory=list)
    looks_like_film: bool = True

    def to_record(self) -> FilmRecord:
        """The validated record; raises pydantic's ValidationError (e.g. when no title)."""
        return FilmRecord.model_validate(self.values)

    def problems(self) -> dict[str, list[str]]:
        """Validation messages per field path; empty when the draft is a valid record."""
        from .records import validation_messages

        try:
            self.to_record()
        except ValidationError as error:
            return validation_messages(error)
        return {}


def draft_from_gold(gold: dict[str, Any]) -> Draft:
    """The draft record for an extracted record in the corpus gold schema."""
    draft = Draft(values={})
    values = draft.values
    _titles(gold, draft)
    values["year"] = _bounded(gold.get("year"), 1870, 2100, _("year"), draft)
    values["runtime_minutes"] = _bounded(
        gold.get("runtime_minutes"), 1, 10000, _("running time"), draft
    )
    values["kind"] = _kind(gold.get("type"), draft)
    values["genres"] = [g[:60] for g in gold.get("genres") or [] if g]
    values["countries"] = _countries(gold.get("countries") or [], draft)
    values["languages"] = _languages(gold, draft)
    values["credits"] = _credits(gold, draft)
    values["festivals"] = _festivals(gold.get("festivals") or [], draft)
    _specs(gold.get("specs") or {}, draft)
    return draft


def film_signals(gold: dict[str, Any]) -> int:
    """How many kinds of film facts the extracted record has (a title alone is none; named
    directors count twice: a page naming a film's director is about a film)."""
    specs = gold.get("specs") or {}
    kinds = [
        gold.get("year"),
        gold.get("runtime_minutes"),
        gold.get("type"),
        gold.get("directors"),
        gold.get("directors") or gold.get("credits"),
        gold.get("festivals"),
        gold.get("countries") or gold.get("languages") or gold.get("subtitles"),
        gold.get("genres"),
        any(specs.values()),
        gold.get("synopsis_present"),
        gold.get("is_movie"),
        gold.get("mentions_film"),
    ]
    return sum(1 for value in kinds if value)


def mark_film_likeness(draft: Draft, gold: dict[str, Any]) -> None:
    """Warn, and mark the draft, when the page does not look like a page about a film."""
    if film_signals(gold) >= MIN_FILM_SIGNALS:
        return
    draft.looks_like_film = False
    draft.warnings.insert(
        0,
        _(
            "This page does not look like a page about a film: we found no year, running "
            "time, credits, festivals or story. Check that it is the right page."
        ),
    )


def _kind(kind: str | None, draft: Draft) -> str | None:
    """The film kind of the gold type, with a warning for a type we do not know."""
    code = KINDS.get(kind) if kind else None
    if kind and code is None:
        draft.warnings.append(_("Type “%(value)s” is not one we know.") % {"value": kind})
    return code


def _festivals(entries: list[dict[str, Any]], draft: Draft) -> list[dict[str, Any]]:
    return [entry for e in entries if (entry := _festival(e, draft)) is not None]


def _titles(gold: dict[str, Any], draft: Draft) -> None:
    title = (gold.get("title") or "").strip()[:_MAX_SHORT]
    original = (gold.get("original_title") or "").strip()[:_MAX_SHORT]
    if not title and original:
        title, original = original, ""
    if title:
        draft.values["title"] = title
    else:
        draft.warnings.append(_("The page states no title: please type it."))
    if original and original != title:
        draft.values["titles"] = [{"text": original, "kind": TitleKind.ORIGINAL, "language": ""}]


def _bounded(value: Any, low: int, high: int, name: str, draft: Draft) -> int | None:
    if value is None:
        return None
    if isinstance(value, int) and low <= value <= high:
        return value
    draft.warnings.append(
        _("The %(name)s “%(value)s” is out of range and was left out.")
        % {"name": name, "value": value}
    )
    return None


def _countries(names: list[str], draft: Draft) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for name in names:
        code = country_code(name)
        if code is None:
            draft.warnings.append(
                _("Country “%(value)s” is not one we know; it was left out.") % {"value": name}
            )
        elif all(c["country"] != code for c in out):
            out.append({"country": code, "role": "origin"})
    return out


def _languages(gold: dict[str, Any], draft: Draft) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for names, role in (
        (gold.get("languages") or [], LanguageRole.ORIGINAL),
        (gold.get("subtitles") or [], LanguageRole.SUBTITLE),
    ):
        for name in names:
            _add_language(out, name, str(role), draft)
    return out


def _add_language(out: list[dict[str, str]], name: str, role: str, draft: Draft) -> None:
    """The languages ``name`` stands for, as subtitles when it names subtitles."""
    codes, is_subtitle = language_codes(name)
    if not codes:
        draft.warnings.append(
            _("Language “%(value)s” is not one we know; it was left out.") % {"value": name}
        )
    kind = str(LanguageRole.SUBTITLE) if is_subtitle else role
    for code in codes:
        if not any(x["language"] == code and x["role"] == kind for x in out):
            label = "" if name == code else name[:100]
            out.append({"language": code, "role": kind, "label": label})


def language_codes(name: str) -> tuple[list[str], bool]:
    """The language tags a page's language name stands for, and whether it names subtitles:
    "English" -> (["en"], False), "英文字幕" -> (["en"], True), "中英字幕" -> (["zh", "en"],
    True), "English subtitles" -> (["en"], True); ([], …) when unknown."""
    code = language_code(name)
    if code is not None:
        return [code], False
    bare = " ".join(_SUBTITLE_WORDS.sub(" ", name).split())
    if bare == " ".join(name.split()):
        return [], False
    return _subtitle_codes(name, " ".join(_FILLER.sub(" ", bare).split())), True


def _subtitle_codes(name: str, bare: str) -> list[str]:
    """The languages of a subtitle name whose subtitle words are taken off (``bare``)."""
    if not bare:
        return ["zh", "en"] if "中英" in name else []
    code = language_code(bare)
    if code is not None:
        return [code]
    shorts = [_CJK_SHORT_LANGUAGES.get(ch) for ch in bare]
    return list(dict.fromkeys(c for c in shorts if c)) if all(shorts) else []


def _credits(gold: dict[str, Any], draft: Draft) -> list[dict[str, Any]]:
    """Credits with role codes; directors missing from the credits are added as directors."""
    out: list[dict[str, Any]] = []
    unknown: list[str] = []
    for label, name in _credit_pairs(gold):
        name = name.strip()[:200]
        if not name:
            continue
        code = role_code(label) if label else None
        if code is None:
            code = "other"
            if label and label not in unknown:
                unknown.append(label)
        credit = {"person": {"name": name}, "role": code, "credited_as": label[:120]}
        if credit not in out:
            out.append(credit)
    for label in unknown:
        draft.warnings.append(
            _("Role “%(value)s” is not one we know; those credits are marked “other”.")
            % {"value": label}
        )
    return out


def _credit_pairs(gold: dict[str, Any]) -> list[tuple[str, str]]:
    """(role label, name) of every credit, then of every director the credits leave out."""
    pairs = [(c.get("role") or "", c.get("name") or "") for c in gold.get("credits") or []]
    credited = {name for role, name in pairs if role_code(role) == "director"}
    return pairs + [("Director", n) for n in gold.get("directors") or [] if n not in credited]


def _festival(entry: dict[str, Any], draft: Draft) -> dict[str, Any] | None:
    name = (entry.get("festival") or "").strip()
    if not name:
        return None
    out: dict[str, Any] = {"festival": name[:_MAX_SHORT]}
    edition = _edition(entry, name, draft)
    if edition is not None:
        out["edition"] = edition
    year = entry.get("year")
    if isinstance(year, int) and 1900 <= year <= 2100:
        out["year"] = year
    for key in ("section", "award"):
        if entry.get(key):
            out[key] = str(entry[key])[:200]
    out["result"] = _result(entry, name, draft)
    date = _date(entry.get("date"))
    if date:
        out["date"] = date
    return out


def _edition(entry: dict[str, Any], name: str, draft: Draft) -> int | None:
    """The edition's number (1 to 500), with a warning for an edition that is not one."""
    edition = str(entry.get("edition") or "").strip()
    if edition.isdigit() and 1 <= int(edition) <= 500:
        return int(edition)
    if edition:
        draft.warnings.append(
            _("Edition “%(value)s” of %(festival)s is not a number; it was left out.")
            % {"value": edition, "festival": name}
        )
    return None


def _result(entry: dict[str, Any], name: str, draft: Draft) -> str:
    result = entry.get("result")
    code = RESULTS.get(result or "")
    if code == EntryResult.WON and "mention" in (entry.get("award") or "").casefold():
        return EntryResult.SPECIAL_MENTION
    if code is None:
        draft.warnings.append(
            _("The page does not say how the film took part in %(festival)s: marked “selected”.")
            % {"festival": name}
        )
        return EntryResult.SELECTED
    return code


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _specs(specs: dict[str, Any], draft: Draft) -> None:
    out: dict[str, Any] = {
        key: str(specs.get(key) or "")[:limit]
        for key, limit in (("shooting_format", 100), ("sound", 100), ("aspect_ratio", 32))
    }
    color = specs.get("color")
    out["color"] = COLORS.get(color) if color else None
    if color and out["color"] is None:
        draft.warnings.append(_("Colour “%(value)s” is not one we know.") % {"value": color})
    draft.values["specs"] = out
    stated = (specs.get("budget") or "").strip()
    if stated:
        amount, currency = parse_amount(stated)
        draft.values["budget"] = {"amount": amount, "currency": currency, "as_stated": stated[:100]}
        if amount is None or not currency:
            draft.warnings.append(
                _("Budget “%(value)s”: amount or currency unclear; the wording is kept.")
                % {"value": stated}
            )

"""What the film page shows of a film's record, in the active language.

The record (``films.record.FilmRecord``) holds the facts as stored; this module turns them into
what a festival programmer or a journalist reads first: the title in the visitor's language with
the original beside it, the one-line facts ("2013 · China · 88 min · Documentary, feature ·
Chinese"), laurels, festivals by year, credits by department, the budget as its source gave it,
and the links that have a place of their own ("Watch the full film", "Shooting album").

Everything here is a pure function of the record and the active language (no query, no viewer):
the record panels call it while the page shell is rendered once per film version and language.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from filmfolio.core import vocab

from .choices import FilmKind, LinkKind, RoleCategory, TitleKind
from .models import SPEC_FIELDS
from .record import FilmRecord, Group, group_by

# A film of this many minutes or more is a feature (the length the Academy and the BFI use).
FEATURE_MINUTES = 40
# Stored free-text values the page shows in the active language when it knows them (what the
# seeds and importers write: sound, language labels). Anything else is shown as stored.
VOCABULARY = frozenset(
    {
        gettext_noop("Stereo"),
        gettext_noop("Mono"),
        gettext_noop("Dolby Digital"),
        gettext_noop("Surround"),
        gettext_noop("Chinese Dialect"),
        gettext_noop("Chinese"),
        gettext_noop("English"),
        gettext_noop("Mandarin"),
        gettext_noop("Cantonese"),
        gettext_noop("International First Films Competition"),
        gettext_noop("International Competition"),
        gettext_noop("Short Film Competition"),
        gettext_noop("Best Short Film"),
        gettext_noop("Best Original Short Film"),
    }
)
# Festival results shown as laurels in the page's header.
LAUREL_RESULTS = frozenset(
    {"won", "special_mention", "selected", "in_competition", "nominated", "shortlisted"}
)
# The header shows this many laurels at most (the festivals section lists every entry).
LAUREL_LIMIT = 6
_BABEL_LOCALES = {"zh-hans": "zh_Hans", "zh": "zh_Hans"}


def in_active_language(value: str) -> str:
    """A stored vocabulary value ("Stereo", "Chinese Dialect") in the active language when the
    catalogue knows it, else as stored."""
    return _(value) if value in VOCABULARY else value


def active_language() -> str:
    return (translation.get_language() or "en").lower()


def is_other_language(tag: str) -> bool:
    """Is a text in ``tag`` in another language than the page's (so it needs a label)?"""
    return bool(tag) and tag.lower().split("-")[0] != active_language().split("-")[0]


@dataclass(frozen=True)
class Heading:
    """The page's title in the visitor's language, and the original title beside it."""

    title: str
    language: str
    original: str
    original_language: str


def heading_for(record: FilmRecord) -> Heading:
    """In Chinese the Chinese title leads when there is one; otherwise the display title. The
    original title goes beside it when it differs (else, in Chinese, the display title)."""
    display = (record.film.title, _title_language(record))
    lead = _chinese_title(record.titles) if active_language().startswith("zh") else None
    text, language = (lead.text, lead.language) if lead is not None else display
    original = next((t for t in record.titles if t.kind == TitleKind.ORIGINAL), None)
    if original is not None and original.text != text:
        return Heading(text, language, original.text, original.language)
    if text != display[0]:
        return Heading(text, language, display[0], display[1])
    return Heading(text, language, "", "")


def _chinese_title(titles: tuple[Any, ...]) -> Any:
    """The film's title in simplified Chinese, else in any Chinese, else None."""
    tags = [(title, (title.language or "").lower()) for title in titles]
    simplified = [title for title, tag in tags if tag.startswith("zh-hans") or tag == "zh-cn"]
    chinese = [title for title, tag in tags if tag.split("-")[0] == "zh"]
    return (simplified or chinese or [None])[0]


def _title_language(record: FilmRecord) -> str:
    shown = next((t for t in record.titles if t.text == record.film.title), None)
    return (shown.language if shown is not None else "") or ""


def other_titles(record: FilmRecord, heading: Heading) -> list[Any]:
    """The titles the heading does not show already, in order."""
    shown = {heading.title, heading.original}
    return [t for t in record.titles if t.text not in shown]


def kind_and_form(film: Any) -> str:
    """ "Documentary, feature", "Documentary, short", "Feature", "Short": the kind with the form
    the runtime gives it (a feature from 40 minutes) when the kind does not say it already."""
    kind = film.kind
    if not kind:
        return ""
    if kind in (FilmKind.FEATURE, FilmKind.SHORT, FilmKind.DOCUMENTARY_SHORT, FilmKind.SERIES):
        return str(FilmKind(kind).label)
    label = str(FilmKind(kind).label)
    if not film.runtime_minutes:
        return label
    if film.runtime_minutes >= FEATURE_MINUTES:
        return _("%(kind)s, feature") % {"kind": label}
    return _("%(kind)s, short") % {"kind": label}


@dataclass(frozen=True)
class Budget:
    """A budget as the page shows it: an amount (with its currency when known) and, when the
    source wrote it otherwise, what the source said."""

    amount: str
    currency: str
    as_stated: str

    @property
    def currency_unknown(self) -> bool:
        return bool(self.amount) and not self.currency


def budget_of(film: Any) -> Budget | None:
    """The film's budget, or None. "347,000 USD"; an amount without a currency keeps the
    source's words beside it (they may name the currency in a way nobody could read)."""
    amount = film.budget_amount
    shown = _amount(amount) if amount is not None else ""
    currency = film.budget_currency or ""
    stated = film.budget_as_stated or ""
    if not (shown or stated):
        return None
    if shown and currency:
        return Budget(shown, currency, "")
    return Budget(shown, "", stated)


def _amount(amount: Decimal) -> str:
    locale = _BABEL_LOCALES.get(active_language(), "en")
    pattern = "#,##0" if amount == amount.to_integral_value() else "#,##0.00"
    return format_decimal(amount, format=pattern, locale=locale)


def one_line_facts(record: FilmRecord) -> list[str]:
    """Year · countries · runtime · kind and form · languages (those known)."""
    film = record.film
    facts = [str(film.year) if film.year else ""]
    facts.append(", ".join(vocab.country_name(c.country) for c in record.origin_countries))
    if film.runtime_minutes:
        facts.append(_("%(minutes)s min") % {"minutes": film.runtime_minutes})
    facts.append(kind_and_form(film))
    facts.append(", ".join(language_label(lang) for lang in record.spoken_languages))
    return [fact for fact in facts if fact]


def language_label(lang: Any) -> str:
    """A film language as the page names it: its label in the active language when known
    ("Chinese Dialect" / "汉语方言"), the label as stored, else the language's name."""
    if lang.label:
        return in_active_language(lang.label)
    return vocab.language_name(lang.language) if lang.language else ""


def laurels(record: FilmRecord) -> list[Any]:
    """Awards first, then selections, each festival entry once (in the page's order), at most
    ``LAUREL_LIMIT`` of them."""
    entries = [e for e in record.entries_in_festival_order if e.result in LAUREL_RESULTS]
    return sorted(entries, key=lambda e: 0 if e.is_award else 1)[:LAUREL_LIMIT]


def entries_by_year(record: FilmRecord) -> tuple[Group, ...]:
    """Festival entries grouped by year, newest first (entries of no known year last)."""
    entries = sorted(record.festival_entries, key=_year_order)
    return group_by(entries, _entry_year)


def _entry_year(entry: Any) -> int | None:
    if entry.edition.year:
        return int(entry.edition.year)
    return entry.date.year if entry.date else None


def _year_order(entry: Any) -> tuple[int, str, Any]:
    year = _entry_year(entry)
    return (-(year or 0), entry.edition.festival.name, entry.date or "")


def credits_by_department(record: FilmRecord) -> tuple[Group, ...]:
    """Credits grouped by department (the role's category, in the vocabulary's order), each
    department's credits grouped by role. Directors are in the header already but stay here."""
    order = {value: position for position, value in enumerate(RoleCategory.values)}
    credits = sorted(record.credits, key=lambda c: order.get(c.role.category, len(order)))
    departments = group_by(credits, lambda c: RoleCategory(c.role.category).label)
    return tuple(Group(key=d.key, items=group_by(d.items, lambda c: c.role)) for d in departments)


@dataclass(frozen=True)
class Links:
    """The film's links by the place the page gives them."""

    watch: tuple[Any, ...]
    albums: tuple[Any, ...]
    others: tuple[Any, ...]


def links_by_place(record: FilmRecord) -> Links:
    return Links(
        watch=tuple(link for link in record.links if link.kind == LinkKind.FULL_VERSION),
        albums=tuple(link for link in record.links if link.kind == LinkKind.SHOOTING_ALBUM),
        others=tuple(
            link
            for link in record.links
            if link.kind not in (LinkKind.FULL_VERSION, LinkKind.SHOOTING_ALBUM)
        ),
    )


# The film's own fields the specifications list shows (besides countries, languages, genres):
# the basics the header does not already carry, and every specification the studio edits.
SHOWN_SPEC_FIELDS = ("year", "completion_date", "kind", *SPEC_FIELDS)


def has_specifications(record: FilmRecord) -> bool:
    """Is there anything for the specifications list to show?"""
    film = record.film
    if any(getattr(film, name) not in (None, "") for name in SHOWN_SPEC_FIELDS):
        return True
    return bool(record.genres or record.countries or record.languages)


def page_context(record: FilmRecord) -> dict[str, Any]:
    """Everything the record panels of the page show, computed once per shell."""
    heading = heading_for(record)
    return {
        "texts": record.texts_in(),
        "heading": heading,
        "other_titles": other_titles(record, heading),
        "facts": one_line_facts(record),
        "kind_and_form": kind_and_form(record.film),
        "laurels": laurels(record),
        "links": links_by_place(record),
    }

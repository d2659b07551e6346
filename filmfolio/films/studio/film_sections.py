"""The film's own sections of the studio: basics, titles, specifications, countries and
languages, genres and kind, companies, credits, texts, links and the history."""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _

from filmfolio.core import vocab

from .. import services
from ..choices import TextKind
from ..models import Credit, Film, FilmLink
from . import forms as studio_forms
from .lists import ListPart, list_section
from .pages import field_section, genres_page, history_page
from .picker import people_lookup
from .registry import SECTIONS, Section


def _add_credit(film: Film, actor: Any, data: dict[str, Any]) -> Any:
    """The picked person, else the one rule of ``people.services.person_for_name`` for the
    typed name (an existing person in any script or order, else a new one)."""
    picked = data.get("person")
    return services.credit_add(
        film=film,
        actor=actor,
        role=data["role"],
        credited=services.CreditedPerson(
            person=picked, name="" if picked else data["person_query"]
        ),
        details={k: data.get(k) or "" for k in ("credited_as", "character", "description")},
    )


def _credit_label(credit: Credit) -> str:
    person = credit.person or _("Uncredited")
    extra = f" ({credit.credited_as})" if credit.credited_as else ""
    character = f" — {credit.character}" if credit.character else ""
    return f"{credit.role} — {person}{extra}{character}"


def _title_form(film: Film, data: Any, initial: Any) -> Any:
    return studio_forms.TitleForm(data)


def _title_edit_form(title: Any, data: Any, prefix: str) -> Any:
    initial = {k: getattr(title, k) for k in ("text", "kind", "language", "position")}
    return studio_forms.TitleForm(data, initial=initial, prefix=prefix)


def _title_add(film: Film, actor: Any, data: dict[str, Any]) -> Any:
    return services.title_add(film=film, actor=actor, **data)


def _title_label(title: Any) -> str:
    language = f", {vocab.language_name(title.language)}" if title.language else ""
    return f"{title.text} ({title.get_kind_display()}{language})"


def _text_form(film: Film, data: Any, initial: Any) -> Any:
    kind = initial.get("kind") if initial else None
    return studio_forms.TextForm(
        data, initial={"kind": kind if kind in TextKind.values else TextKind.LOGLINE}
    )


def _text_edit_form(text: Any, data: Any, prefix: str) -> Any:
    return studio_forms.TextEditForm(data, initial={"body": text.body}, prefix=prefix)


def _text_update(film: Film, actor: Any, text: Any, data: dict[str, Any]) -> Any:
    return services.text_set(
        film=film, actor=actor, kind=text.kind, language=text.language, body=data["body"]
    )


def _text_remove(film: Film, actor: Any, text_id: int) -> None:
    text = film.texts.filter(pk=text_id).first()
    kind, language = (text.kind, text.language) if text else ("", "")
    services.text_remove(film=film, actor=actor, kind=kind, language=language)


def _text_label(text: Any) -> str:
    return f"{text.get_kind_display()} · {vocab.language_name(text.language)}"


_LISTS: dict[str, tuple[ListPart, ...]] = {
    "titles": (
        ListPart(
            key="titles",
            title=_("Titles"),
            make_form=_title_form,
            items=lambda film: film.titles.all(),
            add=_title_add,
            remove=lambda film, actor, pk: services.title_remove(
                film=film, actor=actor, title_id=pk
            ),
            describe=_title_label,
            edit_form=_title_edit_form,
            update=lambda film, actor, title, data: services.title_update(
                film=film,
                actor=actor,
                title_id=title.pk,
                values={k: v for k, v in data.items() if k != "position" or v is not None},
            ),
            add_label=_("Add a title"),
        ),
    ),
    "places": (
        ListPart(
            key="countries",
            title=_("Countries"),
            make_form=lambda film, data, initial: studio_forms.CountryForm(
                data, auto_id="id_country_%s"
            ),
            items=lambda film: film.countries.all(),
            add=lambda film, actor, d: services.country_add(film=film, actor=actor, **d),
            remove=lambda film, actor, pk: services.country_remove(
                film=film, actor=actor, country_id=pk
            ),
            describe=lambda row: f"{row.name} · {row.get_role_display()}",
            add_label=_("Add a country"),
        ),
        ListPart(
            key="languages",
            title=_("Languages"),
            make_form=lambda film, data, initial: studio_forms.LanguageForm(
                data, auto_id="id_language_%s"
            ),
            items=lambda film: film.languages.all(),
            add=lambda film, actor, d: services.language_add(film=film, actor=actor, **d),
            remove=lambda film, actor, pk: services.language_remove(
                film=film, actor=actor, language_id=pk
            ),
            describe=lambda row: f"{row.name} · {row.get_role_display()}",
            add_label=_("Add a language"),
        ),
    ),
    "companies": (
        ListPart(
            key="companies",
            title=_("Companies"),
            make_form=lambda film, data, initial: studio_forms.CompanyForm(data),
            items=lambda film: film.companies.select_related("organisation"),
            add=lambda film, actor, d: services.company_add(film=film, actor=actor, **d),
            remove=lambda film, actor, pk: services.company_remove(
                film=film, actor=actor, company_id=pk
            ),
            describe=lambda row: f"{row.organisation.name} · {row.get_role_display()}",
            add_label=_("Add a company"),
        ),
    ),
    "credits": (
        ListPart(
            key="credits",
            title=_("Credits"),
            make_form=lambda film, data, initial: studio_forms.CreditForm(
                data, instance=Credit(film=film)
            ),
            items=lambda film: film.credits.select_related("person", "role"),
            add=_add_credit,
            remove=lambda film, actor, pk: services.credit_remove(
                film=film, actor=actor, credit_id=pk
            ),
            describe=_credit_label,
            add_label=_("Add a credit"),
            lookup="studio:credits-lookup",
        ),
    ),
    "texts": (
        ListPart(
            key="texts",
            title=_("Texts"),
            make_form=_text_form,
            items=lambda film: film.texts.all(),
            add=lambda film, actor, d: services.text_set(film=film, actor=actor, **d),
            remove=_text_remove,
            describe=_text_label,
            edit_form=_text_edit_form,
            update=_text_update,
            add_label=_("Add a text"),
        ),
    ),
    "links": (
        ListPart(
            key="links",
            title=_("Links"),
            make_form=lambda film, data, initial: studio_forms.LinkForm(
                data, instance=FilmLink(film=film)
            ),
            items=lambda film: film.links.all(),
            add=lambda film, actor, d: services.link_add(film=film, actor=actor, **d),
            remove=lambda film, actor, pk: services.link_remove(film=film, actor=actor, link_id=pk),
            describe=lambda link: f"{link.get_kind_display()} · {link.label or link.url}",
            add_label=_("Add a link"),
        ),
    ),
}

_PICKERS = {"credits": (path("lookup/", people_lookup, name="credits-lookup"),)}

_LIST_LABELS = {
    "titles": (20, _("Titles")),
    "places": (40, _("Countries and languages")),
    "companies": (60, _("Companies")),
    "credits": (70, _("Credits")),
    "texts": (80, _("Texts")),
    "links": (90, _("Links")),
}


def register() -> None:
    """Add the film's own sections to the studio."""
    SECTIONS.register(
        Section(
            key="basics",
            order=10,
            label=_("Basics"),
            view=field_section("basics", studio_forms.BasicsForm),
        )
    )
    SECTIONS.register(
        Section(
            key="specs",
            order=30,
            label=_("Specifications"),
            view=field_section("specs", studio_forms.SpecsForm),
        )
    )
    SECTIONS.register(Section(key="genres", order=50, label=_("Genres and kind"), view=genres_page))
    for key, (order, label) in _LIST_LABELS.items():
        urls = _PICKERS.get(key, ())
        SECTIONS.register(
            list_section(key=key, order=order, label=label, parts=_LISTS[key], urls=urls)
        )
    SECTIONS.register(Section(key="history", order=900, label=_("History"), view=history_page))

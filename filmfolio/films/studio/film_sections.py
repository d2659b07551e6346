"""The film's own sections of the studio: basics, titles, specifications, countries and
languages, genres and kind, companies, credits, texts, links and the history."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from filmfolio.core import vocab
from filmfolio.people.models import Person

from .. import services
from ..choices import TextKind
from ..models import Credit, Film, FilmLink
from . import forms as studio_forms
from .lists import ListPart, list_section, service_part
from .pages import field_section, genres_page, history_page
from .registry import SECTIONS, Section


def _add_credit(film: Film, actor: Any, data: dict[str, Any]) -> Any:
    return services.credit_add(
        film=film,
        actor=actor,
        role=data["role"],
        credited=studio_forms.credited_person(data),
        details=studio_forms.credit_details(data),
    )


def _update_credit(film: Film, actor: Any, credit: Credit, data: dict[str, Any]) -> Any:
    return services.credit_update(
        film=film,
        actor=actor,
        credit_id=credit.pk,
        role=data["role"],
        who=studio_forms.credited_person(data),
        details=studio_forms.credit_details(data),
    )


def _person_links(viewer: Any, credits: list[Credit]) -> dict[int, tuple[str, str]]:
    """The edit page of each credited person whose record ``viewer`` may change (one query),
    leading back to these credits."""
    ids = {credit.person_id for credit in credits if credit.person_id}
    people = Person.objects.filter(pk__in=ids).editable_by(viewer)
    editable = set(people.values_list("pk", flat=True))
    links = {}
    for credit in credits:
        if credit.person is not None and credit.person_id in editable:
            back = reverse("studio:credits", kwargs={"slug": credit.film.slug})
            address = reverse("people:edit", kwargs={"slug": credit.person.slug})
            label = _("Names and biography of %(name)s") % {"name": credit.person}
            links[credit.pk] = (f"{address}?{urlencode({'next': back})}", str(label))
    return links


def _credit_label(credit: Credit) -> str:
    person = credit.person or _("Name not given")
    extra = f" ({credit.credited_as})" if credit.credited_as else ""
    character = f" — {credit.character}" if credit.character else ""
    return f"{credit.role} — {person}{extra}{character}"


def _title_edit_form(title: Any, data: Any, prefix: str) -> Any:
    initial = {k: getattr(title, k) for k in ("text", "kind", "language", "position")}
    return studio_forms.TitleForm(data, initial=initial, prefix=prefix)


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


def _text_remove(*, film: Film, actor: Any, text_id: int) -> None:
    """Remove the text ``text_id`` (the service knows texts by kind and language)."""
    text = film.texts.filter(pk=text_id).first()
    kind, language = (text.kind, text.language) if text else ("", "")
    services.text_remove(film=film, actor=actor, kind=kind, language=language)


def _text_label(text: Any) -> str:
    return f"{text.get_kind_display()} · {vocab.language_name(text.language)}"


def _role_row(row: Any) -> str:
    """A country or language and its role: "China · Production"."""
    return f"{row.name} · {row.get_role_display()}"


_TITLES = replace(
    service_part(
        "titles",
        (_("Titles"), _("Add a title")),
        lambda film, data: studio_forms.TitleForm(data),
        lambda film: film.titles.all(),
        (services.title_add, services.title_remove, "title_id"),
        _title_label,
    ),
    edit_form=_title_edit_form,
    update=lambda film, actor, title, data: services.title_update(
        film=film,
        actor=actor,
        title_id=title.pk,
        values={k: v for k, v in data.items() if k != "position" or v is not None},
    ),
)

_CREDITS = ListPart(
    key="credits",
    title=_("Credits"),
    make_form=lambda film, data, initial: studio_forms.CreditForm(data, instance=Credit(film=film)),
    items=lambda film: film.credits.select_related("person", "role"),
    add=_add_credit,
    remove=lambda film, actor, pk: services.credit_remove(film=film, actor=actor, credit_id=pk),
    describe=_credit_label,
    links=_person_links,
    edit_form=studio_forms.credit_edit_form,
    update=_update_credit,
    add_label=_("Add a credit"),
)

_TEXTS = replace(
    service_part(
        "texts",
        (_("Texts"), _("Add a text")),
        lambda film, data: studio_forms.TextForm(data),
        lambda film: film.texts.all(),
        (services.text_set, _text_remove, "text_id"),
        _text_label,
    ),
    make_form=_text_form,
    edit_form=_text_edit_form,
    update=_text_update,
)

_LISTS: dict[str, tuple[ListPart, ...]] = {
    "titles": (_TITLES,),
    "places": (
        service_part(
            "countries",
            (_("Countries"), _("Add a country")),
            lambda film, data: studio_forms.CountryForm(data, auto_id="id_country_%s"),
            lambda film: film.countries.all(),
            (services.country_add, services.country_remove, "country_id"),
            _role_row,
        ),
        service_part(
            "languages",
            (_("Languages"), _("Add a language")),
            lambda film, data: studio_forms.LanguageForm(data, auto_id="id_language_%s"),
            lambda film: film.languages.all(),
            (services.language_add, services.language_remove, "language_id"),
            _role_row,
        ),
    ),
    "companies": (
        service_part(
            "companies",
            (_("Companies"), _("Add a company")),
            lambda film, data: studio_forms.CompanyForm(data),
            lambda film: film.companies.select_related("organisation"),
            (services.company_add, services.company_remove, "company_id"),
            lambda row: f"{row.organisation.name} · {row.get_role_display()}",
        ),
    ),
    "credits": (_CREDITS,),
    "texts": (_TEXTS,),
    "links": (
        service_part(
            "links",
            (_("Links"), _("Add a link")),
            lambda film, data: studio_forms.LinkForm(data, instance=FilmLink(film=film)),
            lambda film: film.links.all(),
            (services.link_add, services.link_remove, "link_id"),
            lambda link: f"{link.get_kind_display()} · {link.label or link.url}",
        ),
    ),
}

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
        SECTIONS.register(list_section(key=key, order=order, label=label, parts=_LISTS[key]))
    SECTIONS.register(Section(key="history", order=900, label=_("History"), view=history_page))

"""The list sections of the film editor: what each shows, its form, and how it adds and removes.

Each section's ``add`` and ``remove`` call one service; the views stay generic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from filmfolio.festivals import services as festival_services

from .. import services
from ..models import Credit, Film, FilmLink, Title
from . import forms as edit_forms


@dataclass(frozen=True)
class ListSection:
    """A section holding many items of a film (titles, credits, festival entries...)."""

    title: Any
    make_form: Callable[[Film, Any], forms.BaseForm]
    items: Callable[[Film], QuerySet]
    add: Callable[[Film, Any, dict[str, Any]], Any]
    remove: Callable[[Film, Any, int], None] | None


def _add_credit(film: Film, actor: Any, data: dict[str, Any]) -> Any:
    person = data.get("person")
    return services.credit_add(
        film=film,
        actor=actor,
        role=data["role"],
        person=person,
        new_person_name="" if person else data.get("person_query", ""),
        details={k: data.get(k) or "" for k in ("credited_as", "character", "description")},
    )


def _add_entry(film: Film, actor: Any, data: dict[str, Any]) -> Any:
    festival = data.get("festival")
    return festival_services.entry_add(
        film=film,
        actor=actor,
        festival=festival,
        new_festival_name="" if festival else data.get("festival_query", ""),
        edition={"year": data.get("year"), "number": data.get("number")},
        section_name=data.get("section_name", ""),
        award_name=data.get("award_name", ""),
        result=data["result"],
        date=data.get("date"),
        note=data.get("note", ""),
    )


LIST_SECTIONS: dict[str, ListSection] = {
    "titles": ListSection(
        title=_("Titles"),
        make_form=lambda film, data: edit_forms.TitleForm(data, instance=Title(film=film)),
        items=lambda film: film.titles.all(),
        add=lambda film, actor, d: services.title_add(film=film, actor=actor, **d),
        remove=lambda film, actor, pk: services.title_remove(film=film, actor=actor, title_id=pk),
    ),
    "credits": ListSection(
        title=_("Credits"),
        make_form=lambda film, data: edit_forms.CreditForm(data, instance=Credit(film=film)),
        items=lambda film: film.credits.select_related("person", "role"),
        add=_add_credit,
        remove=lambda film, actor, pk: services.credit_remove(film=film, actor=actor, credit_id=pk),
    ),
    "festivals": ListSection(
        title=_("Festivals and awards"),
        make_form=lambda film, data: edit_forms.EntryForm(data),
        items=lambda film: film.festival_entries.select_related(
            "edition__festival", "section", "award"
        ),
        add=_add_entry,
        remove=lambda film, actor, pk: festival_services.entry_remove(
            film=film, actor=actor, entry_id=pk
        ),
    ),
    "texts": ListSection(
        title=_("Texts"),
        make_form=lambda film, data: edit_forms.TextForm(data),
        items=lambda film: film.texts.all(),
        add=lambda film, actor, d: services.text_set(film=film, actor=actor, **d),
        remove=None,
    ),
    "links": ListSection(
        title=_("Links"),
        make_form=lambda film, data: edit_forms.LinkForm(data, instance=FilmLink(film=film)),
        items=lambda film: film.links.all(),
        add=lambda film, actor, d: services.link_add(film=film, actor=actor, **d),
        remove=lambda film, actor, pk: services.link_remove(film=film, actor=actor, link_id=pk),
    ),
}

FIELD_SECTIONS: dict[str, tuple[Any, type[forms.ModelForm]]] = {
    "basics": (_("Basics"), edit_forms.BasicsForm),
    "specs": (_("Specifications"), edit_forms.SpecsForm),
}

SECTION_ORDER = ("basics", "titles", "specs", "credits", "festivals", "texts", "links")

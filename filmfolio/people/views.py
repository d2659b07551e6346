"""The person's edit page: their written names (scripts, name orders, languages) and their
biographies, changed by whoever may change the person's record.

Who may is decided by the access policy (``Person.objects.editable_by``: staff, the person's
own confirmed account, the owner of every film crediting them); anyone else gets the same 404
as for a person that does not exist. Every form posts to the page with an ``action`` and
calls one people service, which checks the actor again and records the change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from filmfolio.core.errors import DomainError, show_on_form
from filmfolio.core.languages import LANGUAGE_LIST_ID, language_choices

from . import services
from .forms import BiographyEditForm, BiographyForm, PersonNameForm
from .models import Person, PersonBiography, PersonName

# The two add forms both have a language: their ids tell them apart.
NEW_NAME_ID = "id_name_%s"
NEW_BIOGRAPHY_ID = "id_biography_%s"


def person_for_editing(request: HttpRequest, slug: str) -> Person:
    """The person with ``slug`` if the request's viewer may change their record, else 404."""
    viewer = request.viewer  # type: ignore[attr-defined]  # ViewerMiddleware
    person = Person.objects.filter(slug=slug).editable_by(viewer).first()
    if person is None:
        raise Http404
    return person


def _name_edit_form(row: PersonName, data: Any = None) -> PersonNameForm:
    initial = {field: getattr(row, field) for field in ("name", "script", "order", "language")}
    return PersonNameForm(data, initial=initial, prefix=f"name-{row.pk}")


def _biography_edit_form(row: PersonBiography, data: Any = None) -> BiographyEditForm:
    return BiographyEditForm(data, initial={"body": row.body}, prefix=f"biography-{row.pk}")


@dataclass(frozen=True)
class _Action:
    """One form of the page: how it is built from the POST and what it writes."""

    form: Callable[[Person, Any, int | None], forms.Form]
    write: Callable[[Person, Any, int | None, dict[str, Any]], Any]


def _id(item: int | None) -> int:
    """The posted item's id (``_post`` refuses a form without one before writing)."""
    if item is None:
        raise Http404
    return item


def _row(rows: Any, item: int | None) -> Any:
    found = rows.filter(pk=item).first() if item is not None else None
    if found is None:
        raise Http404
    return found


ACTIONS: dict[str, _Action] = {
    "name-add": _Action(
        form=lambda person, data, item: PersonNameForm(data, auto_id=NEW_NAME_ID),
        write=lambda person, actor, item, values: services.person_name_add(
            person=person, actor=actor, values=values
        ),
    ),
    "name-update": _Action(
        form=lambda person, data, item: _name_edit_form(_row(person.names, item), data),
        write=lambda person, actor, item, values: services.person_name_update(
            person=person, actor=actor, name_id=_id(item), values=values
        ),
    ),
    "name-remove": _Action(
        form=lambda person, data, item: forms.Form(data),
        write=lambda person, actor, item, values: services.person_name_remove(
            person=person, actor=actor, name_id=_id(item)
        ),
    ),
    "biography-add": _Action(
        form=lambda person, data, item: BiographyForm(data, auto_id=NEW_BIOGRAPHY_ID),
        write=lambda person, actor, item, values: services.person_biography_set(
            person=person, actor=actor, **values
        ),
    ),
    "biography-update": _Action(
        form=lambda person, data, item: _biography_edit_form(_row(person.biographies, item), data),
        write=lambda person, actor, item, values: services.person_biography_set(
            person=person,
            actor=actor,
            language=_row(person.biographies, item).language,
            body=values["body"],
        ),
    ),
}


def _item(request: HttpRequest) -> int | None:
    value = request.POST.get("item", "")
    return int(value) if value.isdigit() else None


def _post(request: HttpRequest, person: Person) -> tuple[str, forms.Form | None]:
    """Run the posted action: (its name, its refused form or None when it wrote)."""
    name = request.POST.get("action", "")
    action = ACTIONS.get(name)
    if action is None:
        raise Http404
    item = _item(request)
    form = action.form(person, request.POST, item)
    if not form.is_valid():
        return name, form
    try:
        action.write(person, request.user, item, form.cleaned_data)
    except DomainError as error:
        show_on_form(form, error)
        return name, form
    return name, None


def _back(request: HttpRequest) -> str:
    """Where "Done" leads: the page the editor came from (the studio's credits), if it is an
    address of this site."""
    target = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed and target.startswith("/") else ""


def _context(person: Person, refused: tuple[str, forms.Form | None]) -> dict[str, Any]:
    action, bound = refused
    names = [
        {"row": row, "form": bound if _is(bound, f"name-{row.pk}") else _name_edit_form(row)}
        for row in person.names.all()
    ]
    biographies = [
        {
            "row": row,
            "form": bound if _is(bound, f"biography-{row.pk}") else _biography_edit_form(row),
        }
        for row in person.biographies.all()
    ]
    return {
        "person": person,
        "names": names,
        "biographies": biographies,
        "name_form": bound if action == "name-add" else PersonNameForm(auto_id=NEW_NAME_ID),
        "biography_form": bound
        if action == "biography-add"
        else BiographyForm(auto_id=NEW_BIOGRAPHY_ID),
        "refused": bound if action == "name-remove" else None,
        "language_list_id": LANGUAGE_LIST_ID,
        "language_names": language_choices(),
    }


def _is(form: forms.Form | None, prefix: str) -> bool:
    return form is not None and form.prefix == prefix


@login_required
def person_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """The person's names and biographies, each changed in place, added or removed."""
    person = person_for_editing(request, slug)
    refused: tuple[str, forms.Form | None] = ("", None)
    if request.method == "POST":
        refused = _post(request, person)
        if refused[1] is None:
            removed = refused[0] == "name-remove"
            messages.success(request, _("Removed.") if removed else _("Saved."))
            query = request.GET.urlencode()
            return redirect(f"{request.path}?{query}" if query else request.path)
    context = _context(person, refused) | {"back": _back(request)}
    status = 400 if refused[1] is not None else 200
    response = render(request, "people/edit.html", context, status=status)
    response["Cache-Control"] = "private, no-store"
    return response

"""Studio sections made of lists (titles, countries and languages, companies, credits, texts,
links, festival entries): each list shows its items, adds through one form, removes and, where
it makes sense, edits an item in place. Every write calls one service.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from filmfolio.core.errors import DomainError

from ..models import Film
from .frame import render_section, show_domain_error, status_for
from .registry import Section


@dataclass(frozen=True)
class ListPart:
    """One list of a section. ``make_form(film, data, initial)`` is the form that adds;
    ``add(film, actor, cleaned_data)``, ``remove(film, actor, item_id)`` and
    ``update(film, actor, item, cleaned_data)`` call services; ``edit_form(item, data,
    prefix)`` is the form that changes an item in place; ``lookup`` names the URL of the
    festival picker the add form uses (the person picker is a widget: ``people.forms``);
    ``links(viewer, items)`` gives the pages beside items, ``{item pk: (address, label)}``
    (a credited person's edit page)."""

    key: str
    title: Any
    make_form: Callable[..., forms.BaseForm]
    items: Callable[[Film], Iterable[Any]]
    add: Callable[[Film, Any, dict[str, Any]], Any]
    add_label: Any
    remove: Callable[[Film, Any, int], None] | None = None
    describe: Callable[[Any], str] = str
    edit_form: Callable[..., forms.BaseForm] | None = None
    update: Callable[[Film, Any, Any, dict[str, Any]], Any] | None = None
    lookup: str = ""
    links: Callable[[Any, list[Any]], dict[int, tuple[str, str]]] | None = None


def service_part(
    key: str,
    labels: tuple[Any, Any],
    form: Callable[[Film, Any], forms.BaseForm],
    items: Callable[[Film], Iterable[Any]],
    writes: tuple[Callable[..., Any], Callable[..., Any], str],
    describe: Callable[[Any], str],
) -> ListPart:
    """The common list: ``form(film, data)`` adds a row by ``add(film=, actor=, **values)``
    and a row is removed by ``remove(film=, actor=, <id_name>=its pk)``, where ``writes`` is
    ``(add, remove, id_name)``; ``labels`` are the list's title and its add label. A list
    that edits rows in place adds ``edit_form`` and ``update`` (``dataclasses.replace``)."""
    add, remove, id_name = writes
    return ListPart(
        key=key,
        title=labels[0],
        add_label=labels[1],
        make_form=lambda film, data, initial: form(film, data),
        items=items,
        add=lambda film, actor, values: add(film=film, actor=actor, **values),
        remove=lambda film, actor, pk: remove(film=film, actor=actor, **{id_name: pk}),
        describe=describe,
    )


def _run(form: forms.BaseForm, write: Callable[[], Any]) -> bool:
    """Call the service; put its refusal on ``form``. True when it wrote."""
    try:
        write()
    except DomainError as error:
        show_domain_error(form, error)
        return False
    return True


def _edit_forms(part: ListPart, items: list[Any], bound: Any) -> list[Any]:
    if part.edit_form is None:
        return [None] * len(items)
    return [
        bound
        if bound is not None and bound.prefix == f"{part.key}-{item.pk}"
        else part.edit_form(item, None, f"{part.key}-{item.pk}")
        for item in items
    ]


def _blocks(
    request: HttpRequest, film: Film, parts: tuple[ListPart, ...], bound: dict[str, Any]
) -> list[dict[str, Any]]:
    """What the template shows of each part: its items with their edit forms, its add form."""
    blocks = []
    for part in parts:
        items = list(part.items(film))
        add_form = bound.get(part.key) or part.make_form(film, None, request.GET)
        edits = _edit_forms(part, items, bound.get("edit"))
        links = part.links(request.viewer, items) if part.links else {}  # type: ignore[attr-defined]
        blocks.append(
            {
                "part": part,
                "form": add_form,
                # the template would call ``part.remove`` itself: say only whether there is one
                "removable": part.remove is not None,
                "lookup_url": reverse(part.lookup, kwargs={"slug": film.slug})
                if part.lookup
                else "",
                "rows": [
                    {
                        "item": item,
                        "label": part.describe(item),
                        "edit_form": edit,
                        "link": links.get(item.pk),
                    }
                    for item, edit in zip(items, edits, strict=True)
                ],
            }
        )
    return blocks


class _ListViews:
    """The page, remove and in-place edit views of one list section."""

    def __init__(self, key: str, parts: tuple[ListPart, ...]) -> None:
        self.key = key
        self.parts = parts
        self.by_key = {part.key: part for part in parts}
        self.remove = require_POST(self._remove)
        self.edit = require_POST(self._edit)

    def _back(self, film: Film) -> HttpResponse:
        return redirect(f"studio:{self.key}", slug=film.slug)

    def page(self, request: HttpRequest, film: Film, bound: dict[str, Any] | None = None) -> Any:
        """The lists with their forms; a POST adds to the list named by ``part``."""
        bound = dict(bound or {})
        if request.method == "POST" and not bound:
            part = self.by_key.get(request.POST.get("part", ""))
            if part is None:
                raise Http404
            form = bound[part.key] = part.make_form(film, request.POST, {})
            if form.is_multipart():  # an add form with a file (a festival's notification)
                form.files = request.FILES
            if form.is_valid() and _run(
                form, lambda: part.add(film, request.user, form.cleaned_data)
            ):
                messages.success(request, _("Saved."))
                return self._back(film)
        blocks = _blocks(request, film, self.parts, bound)
        context = {
            "blocks": blocks,
            "media": sum((block["form"].media for block in blocks), forms.Media()),
            "form": next(iter(bound.values()), None),  # the refused form, if any
        }
        status = status_for(request, *bound.values())
        return render_section(request, film, self.key, "studio/list.html", context, status)

    def _remove(self, request: HttpRequest, film: Film, part: str, item_id: int) -> HttpResponse:
        spec = self.by_key.get(part)
        if spec is None or spec.remove is None:
            raise Http404
        try:
            spec.remove(film, request.user, item_id)
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Removed."))
        return self._back(film)

    def _edit(self, request: HttpRequest, film: Film, part: str, item_id: int) -> HttpResponse:
        spec = self.by_key.get(part)
        item = _item(spec, film, item_id)
        assert spec is not None and spec.edit_form is not None and spec.update is not None
        form = spec.edit_form(item, request.POST, f"{part}-{item_id}")
        if form.is_multipart():  # an edit form with a file (a festival entry's notification)
            form.files = request.FILES
        update = spec.update
        if form.is_valid() and _run(
            form, lambda: update(film, request.user, item, form.cleaned_data)
        ):
            messages.success(request, _("Saved."))
            return self._back(film)
        return self.page(request, film, {"edit": form})


def list_section(
    *, key: str, order: int, label: Any, parts: tuple[ListPart, ...], urls: tuple[Any, ...] = ()
) -> Section:
    """A section of ``parts`` with its page, its remove and its in-place edit addresses."""
    views = _ListViews(key, parts)
    return Section(
        key=key,
        order=order,
        label=label,
        view=views.page,
        urls=(
            path("<slug:part>/<int:item_id>/remove/", views.remove, name=f"{key}-remove"),
            path("<slug:part>/<int:item_id>/", views.edit, name=f"{key}-edit"),
            *urls,
        ),
        count=_counter(parts),
    )


def _item(spec: ListPart | None, film: Film, item_id: int) -> Any:
    """The item ``item_id`` of ``spec``'s list on ``film``; 404 when it is not there."""
    if spec is None or spec.edit_form is None or spec.update is None:
        raise Http404
    for item in spec.items(film):
        if item.pk == item_id:
            return item
    raise Http404


def _counter(parts: tuple[ListPart, ...]) -> Callable[[Film], int]:
    def count(film: Film) -> int:
        return sum(_size(part.items(film)) for part in parts)

    return count


def _size(items: Iterable[Any]) -> int:
    return items.count() if isinstance(items, QuerySet) else len(list(items))

"""The screener links of a film's sharing section, for its owners: the table of links with their
controls shown in each recipient's time zone, the edit page of one link (its controls and
password, changeable after sending), and the bulk extension and revocation of selected links."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from filmfolio.core.errors import DomainError
from filmfolio.films.studio.frame import render_section, show_domain_error

from . import link_controls, plays
from .controls import in_zone, zone_of
from .forms import BulkLinksForm, LinkEditForm, initial_of

# Time zones offered while typing (any IANA name is accepted).
COMMON_ZONES = (
    "UTC",
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Tokyo",
    "Asia/Singapore",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Amsterdam",
    "America/New_York",
    "America/Los_Angeles",
    "America/Toronto",
    "Australia/Sydney",
)


def link_rows(links: Any) -> list[dict[str, Any]]:
    """Each link with its window as its recipient reads it and the plays it has left."""
    rows = []
    for link in links:
        zone = zone_of(link)
        rows.append(
            {
                "link": link,
                "opens": in_zone(link.not_before, zone),
                "closes": in_zone(link.expires_at, zone),
                "plays_left": plays.plays_left(link),
            }
        )
    return rows


def _save(request: HttpRequest, film: Any, link: Any, form: LinkEditForm) -> bool:
    data = form.cleaned_data
    try:
        link_controls.screener_link_update(
            film=film,
            actor=request.user,
            link_id=link.pk,
            recipient=data["recipient"],
            controls=form.controls(),
        )
        if data["new_password"] or data["remove_password"]:
            link_controls.screener_link_set_password(
                film=film,
                actor=request.user,
                link_id=link.pk,
                password="" if data["remove_password"] else data["new_password"],
            )
    except DomainError as error:
        show_domain_error(form, error)
        return False
    return True


def link_edit(request: HttpRequest, film: Any, link_id: int) -> HttpResponse:
    """Owners only: change one link's recipient, controls and password (also after sending)."""
    link = film.screener_links.filter(pk=link_id).first()
    if link is None:
        raise Http404
    form = LinkEditForm(request.POST or None, initial=initial_of(link))
    if request.method == "POST" and form.is_valid() and _save(request, film, link, form):
        messages.success(request, _("Saved."))
        return redirect("studio:sharing", slug=film.slug)
    context = {"link": link, "form": form, "zones": COMMON_ZONES}
    status = 400 if request.method == "POST" else 200
    return render_section(request, film, "sharing", "sharing/link_edit.html", context, status)


def _selected_ids(request: HttpRequest) -> list[int]:
    return [int(value) for value in request.POST.getlist("links")[:1000] if value.isdigit()]


@require_POST
def links_bulk(request: HttpRequest, film: Any) -> HttpResponse:
    """Owners only: extend (by a number of days) or revoke the selected links, all or none."""
    ids = _selected_ids(request)
    action = request.POST.get("action")
    try:
        if action == "revoke":
            count = link_controls.screener_links_revoke(film=film, actor=request.user, link_ids=ids)
            done = ngettext("%(n)d link revoked.", "%(n)d links revoked.", count)
        else:
            form = BulkLinksForm(request.POST)
            if not form.is_valid():
                messages.error(request, " ".join(str(e) for e in form.errors.get("days", [])))
                return redirect("studio:sharing", slug=film.slug)
            count = link_controls.screener_links_extend(
                film=film, actor=request.user, link_ids=ids, days=form.cleaned_data["days"]
            )
            done = ngettext("%(n)d link extended.", "%(n)d links extended.", count)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done % {"n": count})
    return redirect("studio:sharing", slug=film.slug)

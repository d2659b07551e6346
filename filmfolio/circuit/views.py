"""The filmmaker's pages of the festival run across their films: the board (entries by
status), one status in full, the calendar of dates by month, and its private iCalendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from filmfolio.core.viewers import Viewer
from filmfolio.films.access import ViewerRequest

from . import access, calendar, selectors
from .choices import RunStatus
from .models import RunEntry

NEW_CALENDAR_KEY = "filmfolio.new_run_calendar_url"


def _changeable_ids(viewer: Viewer) -> set[int]:
    return set(
        access.changeable_run_entries(viewer, RunEntry.objects.all()).values_list("pk", flat=True)
    )


@login_required
@require_GET
def board(request: ViewerRequest) -> HttpResponse:
    """The signed-in filmmaker's entries, one column per status."""
    columns = selectors.board_for(request.viewer)
    context = {
        "columns": columns,
        "total": sum(column.total for column in columns),
        "changeable": _changeable_ids(request.viewer),
        "column_size": selectors.COLUMN_SIZE,
    }
    return render(request, "circuit/board.html", context)


@login_required
@require_GET
def status_column(request: ViewerRequest, status: str) -> HttpResponse:
    """Every entry of one status, a page at a time."""
    if status not in RunStatus.values:
        raise Http404
    page = selectors.status_page_for(request.viewer, status, request.GET.get("page"))
    context = {
        "status_label": RunStatus(status).label,
        "page_obj": page,
        "changeable": _changeable_ids(request.viewer),
    }
    return render(request, "circuit/status.html", context)


@login_required
@require_GET
def calendar_page(request: ViewerRequest) -> HttpResponse:
    """The deadlines and notification dates of the filmmaker's entries, by month."""
    page, months = selectors.calendar_for(request.viewer, request.GET.get("page"))
    context = {
        "page_obj": page,
        "months": months,
        "new_calendar_url": request.session.pop(NEW_CALENDAR_KEY, None),
    }
    return render(request, "circuit/calendar.html", context)


@login_required
@require_POST
def calendar_address(request: ViewerRequest) -> HttpResponse:
    """Make a new private address of the calendar feed (the old one stops working)."""
    token = calendar.calendar_address_make(user=request.user)
    url = reverse("circuit:feed", kwargs={"token": token})
    request.session[NEW_CALENDAR_KEY] = request.build_absolute_uri(url)
    messages.success(request, _("Your calendar has a new private address."))
    return redirect("circuit:calendar")


@require_GET
def calendar_feed(request: ViewerRequest, token: str) -> HttpResponse:
    """The iCalendar feed of one filmmaker's dates, at their private address."""
    user = calendar.user_for_calendar_token(token)
    if user is None:
        raise Http404
    entries = selectors.run_entries_for(Viewer.for_user(user))
    response = HttpResponse(
        calendar.ical_text(calendar.calendar_dates(entries)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response

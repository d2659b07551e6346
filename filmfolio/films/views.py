"""Pages of the films app (to be replaced by the full pages).

The stand-in detail page already follows the access contract: 404 on NONE, the password form on
PASSWORD_REQUIRED, the owners' slot for everyone else.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.html import escape

from filmfolio.sharing import access

from .models import Film


def index(request: HttpRequest) -> HttpResponse:
    return HttpResponse("films")


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    film = get_object_or_404(Film, slug=slug)
    viewer = access.viewer_for(request)
    level = access.film_access(viewer, film)
    if level == access.Access.NONE:
        raise Http404
    if level == access.Access.PASSWORD_REQUIRED:
        return render(request, "films/password.html", {"film": film})
    slot = render_to_string(
        "films/slots/owner.html", {"film": film, "access": level, "viewer": viewer}, request
    )
    return HttpResponse(f"<h1>{escape(film.title)}</h1>{slot}")

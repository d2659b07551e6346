"""Home page and the error pages of the site."""

from __future__ import annotations

from pathlib import Path

from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from filmfolio.core.site import absolute_url
from filmfolio.films import selectors as film_selectors
from filmfolio.films.access import ViewerRequest

from .health import health_report

FAVICON = Path(__file__).resolve().parent / "static" / "web" / "favicon.ico"


def home(request: ViewerRequest) -> HttpResponse:
    """The most recently added listed films."""
    films = film_selectors.recent_films_for(request.viewer)
    return render(request, "web/home.html", {"films": films})


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 with every check when healthy, else 503 naming the failing checks."""
    healthy, checks = health_report()
    body: dict[str, object] = {"status": "ok" if healthy else "failing", "checks": checks}
    if not healthy:
        body["failing"] = [name for name, result in checks.items() if not result["ok"]]
    return JsonResponse(body, status=200 if healthy else 503)


@require_safe
def favicon(request: HttpRequest) -> FileResponse:
    """The icon browsers ask for at /favicon.ico on their own (pages link the static copy)."""
    response = FileResponse(FAVICON.open("rb"), content_type="image/vnd.microsoft.icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


# Pages that are private by nature: sign-in, sharing links, editing, uploads, the admin.
ROBOTS_DISALLOW = ("/admin/", "/accounts/", "/share/", "/import/", "/media/uploads/")


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """robots.txt: what crawlers should leave alone, and where the sitemap is."""
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in ROBOTS_DISALLOW)]
    lines.append(f"Sitemap: {absolute_url('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

"""Root URL configuration: each app brings its own urls module."""

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path

from filmfolio.films.studio import redirects as studio_redirects
from filmfolio.sharing import password_views
from filmfolio.web.language import set_language

# The admin signs in through the site's rate-limited login page.
admin.site.login = login_required(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("admin/", admin.site.urls),
    # The language switch (a same-origin form needs no CSRF token: web.language).
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("filmfolio.accounts.urls")),
    path("share/", include("filmfolio.sharing.urls")),
    path("studio/", include("filmfolio.films.studio.urls")),
    # The editor's former addresses (301 to the studio).
    path("films/<slug:slug>/edit/", studio_redirects.old_editor, name="old-editor"),
    path(
        "films/<slug:slug>/edit/<path:rest>", studio_redirects.old_editor, name="old-editor-section"
    ),
    # A password-protected film's password form (the sharing app checks it).
    path("films/<slug:slug>/unlock/", password_views.unlock, name="film-unlock"),
    path("films/", include("filmfolio.festivals.urls")),
    path("films/", include("filmfolio.films.urls")),
    path("people/", include("filmfolio.web.people_urls")),
    path("festivals/", include("filmfolio.web.festival_urls")),
    path("calls/", include("filmfolio.calls.urls")),
    path("media/", include("filmfolio.media.urls")),
    path("copies/", include("filmfolio.copies.urls")),
    path("search/", include("filmfolio.web.search_urls")),
    path("import/", include("filmfolio.importer.urls")),
    path("run/", include("filmfolio.circuit.urls")),
    path("api/", include("filmfolio.api.urls")),
    path("", include("filmfolio.presskit.urls")),
    path("", include("filmfolio.web.urls")),
]

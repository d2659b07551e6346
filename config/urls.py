"""Root URL configuration: each app brings its own urls module."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("filmfolio.accounts.urls")),
    path("share/", include("filmfolio.sharing.urls")),
    path("films/", include("filmfolio.films.editing.urls")),
    path("films/", include("filmfolio.films.urls")),
    path("people/", include("filmfolio.people.urls")),
    path("festivals/", include("filmfolio.festivals.urls")),
    path("search/", include("filmfolio.search.urls")),
    path("", include("filmfolio.web.urls")),
]

"""URLs of the festival pages (included at ``festivals/``, namespace ``festivals``)."""

from django.urls import path

from filmfolio.films.page_cache import visitor_page_cache

from . import festival_views as views

app_name = "festivals"
urlpatterns = [
    path("", visitor_page_cache(views.index), name="index"),
    path("<slug:slug>/", visitor_page_cache(views.detail), name="detail"),
]

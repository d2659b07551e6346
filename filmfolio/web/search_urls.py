"""URLs of the search pages (included at ``search/``, namespace ``search``)."""

from django.urls import path

from . import search_views as views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete", views.autocomplete, name="autocomplete"),
]

"""URLs of the search pages (included at ``search/``)."""

from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("autocomplete", views.autocomplete, name="autocomplete"),
]

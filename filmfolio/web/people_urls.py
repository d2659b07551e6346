"""URLs of the people pages, the person picker, a person's edit page and merging two people
(included at ``people/``, namespace ``people``)."""

from django.urls import path

from filmfolio.films.page_cache import visitor_page_cache
from filmfolio.people.views import person_edit

from . import people_views as views

app_name = "people"
urlpatterns = [
    path("", visitor_page_cache(views.index), name="index"),
    path("lookup/", views.lookup, name="lookup"),
    path("<slug:slug>/", visitor_page_cache(views.detail), name="detail"),
    path("<slug:slug>/claim/", views.claim, name="claim"),
    path("<slug:slug>/merge/", views.merge, name="merge"),
    path("<slug:slug>/edit/", person_edit, name="edit"),
]

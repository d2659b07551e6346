"""URLs of the people pages (included at ``people/``, namespace ``people``)."""

from django.urls import path

from . import people_views as views

app_name = "people"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/claim/", views.claim, name="claim"),
]

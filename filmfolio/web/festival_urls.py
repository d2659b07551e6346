"""URLs of the festival pages (included at ``festivals/``, namespace ``festivals``)."""

from django.urls import path

from . import festival_views as views

app_name = "festivals"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
]

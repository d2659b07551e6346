"""URLs of the films pages."""

from django.urls import path

from . import password_views, views

app_name = "films"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/unlock/", password_views.unlock, name="unlock"),
]

"""URLs of the "New film from text" pages (the lead includes them at /import/)."""

from django.urls import path

from . import views

app_name = "importer"
urlpatterns = [
    path("", views.start, name="start"),
    path("review/", views.save, name="save"),
    path("done/", views.result, name="result"),
]

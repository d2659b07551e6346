"""URLs of the copies app; include under ``copies/``."""

from django.urls import path

from . import views

app_name = "copies"
urlpatterns = [
    path("<uuid:public_id>/status", views.copy_status, name="status"),
    path("<uuid:public_id>/<str:name>", views.copy_file, name="file"),
]

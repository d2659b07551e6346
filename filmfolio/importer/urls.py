"""URLs of the "New film from text" pages (the lead includes them at /import/) and of the
"Add films from a file" pages (/import/file/)."""

from django.urls import path

from . import bulk_views, views

app_name = "importer"
urlpatterns = [
    path("", views.start, name="start"),
    path("review/", views.save, name="save"),
    path("done/", views.result, name="result"),
    path("file/", bulk_views.upload, name="bulk_upload"),
    path("file/sample.jsonl", bulk_views.sample, {"fmt": "jsonl"}, name="bulk_sample_jsonl"),
    path("file/sample.csv", bulk_views.sample, {"fmt": "csv"}, name="bulk_sample_csv"),
    path("file/<uuid:import_id>/", bulk_views.detail, name="bulk_detail"),
    path("file/<uuid:import_id>/status", bulk_views.status, name="bulk_status"),
]

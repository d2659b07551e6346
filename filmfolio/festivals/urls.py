"""URLs of festival entries' laurels (included at ``films/``, namespace ``laurels``)."""

from django.urls import path

from . import laurel_views

app_name = "laurels"
urlpatterns = [
    path(
        "<slug:slug>/laurels/<int:entry_id>.svg",
        laurel_views.laurel,
        {"kind": "svg"},
        name="svg",
    ),
    path(
        "<slug:slug>/laurels/<int:entry_id>.png",
        laurel_views.laurel,
        {"kind": "png"},
        name="png",
    ),
]

"""URLs of the films pages."""

from django.urls import path

from . import views
from .page_cache import viewer_page_cache, visitor_page_cache

app_name = "films"
urlpatterns = [
    path("", visitor_page_cache(views.index), name="index"),
    path("<slug:slug>/", visitor_page_cache(viewer_page_cache(views.detail)), name="detail"),
]

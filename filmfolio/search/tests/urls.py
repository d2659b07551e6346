"""URLs for the search tests: the project's URLs plus the search include."""

from django.urls import include, path

from config.urls import urlpatterns as project_urlpatterns

urlpatterns = [path("search/", include("filmfolio.web.search_urls")), *project_urlpatterns]

"""Home page and site-wide pages."""

from django.urls import path

from filmfolio.films.page_cache import visitor_page_cache

from . import views

app_name = "web"
urlpatterns = [
    path("", visitor_page_cache(views.home), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("robots.txt", views.robots_txt, name="robots"),
]

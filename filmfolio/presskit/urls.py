"""URLs of press kits, exports, feeds, sitemap, oEmbed, the embeddable player and card image.

Included by the root URLconf as ``path("", include("filmfolio.presskit.urls"))``.
"""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .feeds import NewFilmsFeed
from .sitemaps import SITEMAPS

app_name = "presskit"
urlpatterns = [
    path("presskit/<slug:slug>.pdf", views.presskit_pdf, name="pdf"),
    path("presskit/<slug:slug>/status", views.presskit_status, name="pdf-status"),
    path("exports/films/<slug:slug>.json", views.film_record_json, name="record"),
    path("exports/catalogue.jsonl", views.catalogue_export, {"fmt": "jsonl"}, name="jsonl"),
    path("exports/catalogue.csv", views.catalogue_export, {"fmt": "csv"}, name="csv"),
    path("exports/films/<slug:slug>.csl.json", views.film_csl_json, name="csl"),
    path("exports/films/<slug:slug>.bib", views.film_bib, name="bibtex"),
    path("feeds/films.atom", NewFilmsFeed(), name="feed"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("oembed", views.oembed, name="oembed"),
    path("films/<slug:slug>/embed/", views.film_embed, name="embed"),
    path("films/<slug:slug>/card.png", views.film_card, name="card"),
]

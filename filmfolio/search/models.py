"""The search index: one normalised row per film, person, festival and organisation.

The rows are written only by ``search.index`` from what each domain app registers; nothing
else writes them. Full-text structures live beside this table and are created per database in
migrations: an FTS5 table kept in step by triggers on SQLite, a generated ``tsvector`` column
with a GIN index (and pg_trgm on the vocabulary and suggestions) on PostgreSQL.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import DocumentKind, Facet


class SearchDocument(models.Model):
    """One searchable object with its display fields, normalised terms and facet columns.

    ``terms`` holds titles or names (weighted high), ``extra_terms`` the rest (credits,
    festivals, companies); both come from ``core.text.index_terms``. ``filters`` holds the
    filter tokens of ``search.filters`` (access, kind, facets, ranges). ``is_public`` is whether
    ``films.access`` lists the object for an anonymous viewer; ``film_id`` lets non-public
    films be matched against the films ``films.access`` lists for a signed-in viewer.
    """

    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    object_id = models.BigIntegerField(_("object id"))
    title = models.CharField(_("title"), max_length=300)
    title_folded = models.CharField(max_length=300, db_index=True)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    url = models.CharField(_("address"), max_length=300)
    terms = models.TextField(_("terms"))
    extra_terms = models.TextField(_("other terms"), blank=True)
    filters = models.TextField(_("filter tokens"), blank=True)
    is_public = models.BooleanField(_("listed for everyone"), default=False)
    film_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    boost = models.FloatField(_("rank boost"), default=0.0)
    film_kind = models.CharField(_("film kind"), max_length=24, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    runtime_minutes = models.PositiveIntegerField(_("runtime (minutes)"), null=True, blank=True)
    is_award_winning = models.BooleanField(_("award-winning"), default=False)
    has_trailer = models.BooleanField(_("has trailer"), default=False)
    indexed_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_document")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class SearchFacetValue(models.Model):
    """A facet value seen in the index with its label (genre and festival names).

    Which documents have a value is in their ``filters`` tokens; this table only names the
    values, so it holds one row per distinct value, not one per document.
    """

    facet = models.CharField(_("facet"), max_length=16, choices=Facet.choices)
    value = models.CharField(_("value"), max_length=120)
    label = models.CharField(_("label"), max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["facet", "value"], name="unique_search_facet_value")
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class SearchSuggestion(models.Model):
    """A prefix key of a document for autocomplete: a folded title or name without spaces,
    the pinyin of Chinese titles and names, and the pinyin initials of Chinese names."""

    key = models.CharField(_("key"), max_length=120)
    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="suggestions"
    )
    is_public = models.BooleanField(_("listed for everyone"), default=False)

    class Meta:
        indexes = [models.Index(fields=["is_public", "key"], name="searchsuggest_public_key")]

    def __str__(self) -> str:
        return self.key


class SearchTerm(models.Model):
    """A Latin word of the documents listed for everyone: the vocabulary that typo correction
    draws from (``search.vocabulary`` keeps it)."""

    term = models.CharField(_("term"), max_length=64, primary_key=True)
    documents = models.IntegerField(_("public documents"), default=0)

    def __str__(self) -> str:
        return self.term

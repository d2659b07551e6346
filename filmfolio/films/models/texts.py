"""Titles, texts per language (logline, synopsis, statement) and external links of a film."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import LinkKind, TextKind, TitleKind


class Title(models.Model):
    """One title of a film, with its kind and language (BCP 47, e.g. zh-Hans, en)."""

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="titles")
    text = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=16, choices=TitleKind.choices)
    language = models.CharField(_("language"), max_length=16, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["film", "text", "kind"], name="unique_film_title_kind")
        ]

    def __str__(self) -> str:
        return self.text


class FilmText(models.Model):
    """A logline, synopsis, director statement or note in one language."""

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="texts")
    kind = models.CharField(_("kind"), max_length=16, choices=TextKind.choices)
    language = models.CharField(_("language"), max_length=16)
    body = models.TextField(_("text"))

    class Meta:
        ordering = ["kind", "language"]
        constraints = [
            models.UniqueConstraint(fields=["film", "kind", "language"], name="unique_film_text")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language})"


class FilmLink(models.Model):
    """An external link: full version, shooting album, official site, video page..."""

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=16, choices=LinkKind.choices)
    url = models.URLField(_("address"), max_length=500)
    label = models.CharField(_("label"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label or self.get_kind_display()

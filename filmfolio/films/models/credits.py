"""Credits: a person's role on a film, from a controlled multilingual role vocabulary."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import RoleCategory
from ..querysets import FilmRowQuerySet


class Role(models.Model):
    """A crew or cast role: named in English and Chinese, grouped by category, with the other
    labels it is known by ("Réalisé par", "导演") for recognising imported text."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("English name"), max_length=80)
    name_zh = models.CharField(_("Chinese name"), max_length=80, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=RoleCategory.choices)
    aliases = models.JSONField(_("other labels"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["position", "name_en"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        from django.utils import translation

        language = translation.get_language() or "en"
        return self.name_zh if language.startswith("zh") and self.name_zh else self.name_en


class Credit(models.Model):
    """A person's credit on a film. ``person`` is empty for a contribution whose author the
    source does not name; ``credited_as`` keeps the role as the film credits it."""

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="credits")
    person = models.ForeignKey(
        "people.Person",
        on_delete=models.PROTECT,
        related_name="credits",
        null=True,
        blank=True,
    )
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="credits")
    credited_as = models.CharField(_("role as credited"), max_length=120, blank=True)
    character = models.CharField(_("character"), max_length=200, blank=True)
    description = models.TextField(
        _("contribution"), blank=True, help_text=_("What this person did on the film.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = FilmRowQuerySet.as_manager()

    class Meta:
        ordering = ["role__position", "position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["film", "person", "role"],
                name="unique_credit",
                condition=models.Q(person__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person or _('Uncredited')} — {self.credited_as or self.role}"

"""People credited on films, with their names in several scripts and orders and biographies."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from filmfolio.core.matching import name_match_key
from filmfolio.core.models import TimeStampedModel

from .choices import LinkKind, NameOrder, NameScript
from .querysets import PersonQuerySet


class Person(TimeStampedModel):
    """A person: director, crew or cast member. ``display_name`` is how pages show them."""

    display_name = models.CharField(_("display name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_name = models.CharField(_("sort name"), max_length=200, blank=True)
    match_key = models.CharField(max_length=200, db_index=True, editable=False, default="")
    country = models.CharField(_("country"), max_length=2, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        help_text=_("The account of this person, once an administrator confirmed the claim."),
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "display_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("people:detail", kwargs={"slug": self.slug})


class PersonName(models.Model):
    """One written form of a person's name: "Shengze Zhu", "Zhu Shengze", "朱声仄"."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(_("name"), max_length=200)
    script = models.CharField(_("script"), max_length=8, choices=NameScript.choices)
    order = models.CharField(_("name order"), max_length=16, choices=NameOrder.choices, blank=True)
    language = models.CharField(_("language"), max_length=16, blank=True)
    match_key = models.CharField(max_length=200, db_index=True, editable=False, default="")

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "name"], name="unique_person_name")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        """Keep the match key following the name (bulk inserts set it themselves)."""
        self.match_key = name_match_key(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class PersonBiography(models.Model):
    """A person's biography in one language."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="biographies")
    language = models.CharField(_("language"), max_length=16)
    body = models.TextField(_("biography"))

    class Meta:
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(fields=["person", "language"], name="unique_person_bio")
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.language})"


class PersonLink(models.Model):
    """A link about a person: website, portfolio, database page."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(_("kind"), max_length=16, choices=LinkKind.choices)
    url = models.URLField(_("address"), max_length=500)
    label = models.CharField(_("label"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.label or self.url


class PersonSlugRedirect(models.Model):
    """The address of a person merged into another: ``/people/<old_slug>/`` answers 301 to
    the kept person's page."""

    old_slug = models.SlugField(_("old slug"), max_length=80, unique=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="slug_redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_slug"]
        verbose_name = _("person address redirect")
        verbose_name_plural = _("person address redirects")

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.person.slug}"

"""The film: one record holding every fact the public page, press kit and API show."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from filmfolio.core.models import TimeStampedModel
from filmfolio.films.choices import Visibility

from ..choices import ColorKind, FilmKind
from ..querysets import FilmQuerySet

# The film's own fields as the editor, the admin and the importer group them.
BASIC_FIELDS: tuple[str, ...] = ("title", "year", "completion_date", "kind")
SPEC_FIELDS: tuple[str, ...] = (
    "runtime_minutes",
    "budget_amount",
    "budget_currency",
    "budget_as_stated",
    "shooting_format",
    "sound",
    "aspect_ratio",
    "color",
    "is_first_time_filmmaker",
    "is_student_project",
)


class Film(TimeStampedModel):
    """A film. ``title`` is the display title; every title with its kind is in ``titles``."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("display title"), max_length=300)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1870), MaxValueValidator(2100)],
    )
    completion_date = models.DateField(_("completion date"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=FilmKind.choices, blank=True)
    genres = models.ManyToManyField(
        "films.Genre", verbose_name=_("genres"), related_name="films", blank=True
    )
    subjects = models.JSONField(
        _("subjects"),
        default=list,
        db_default=[],  # rows written with SQL (the catalogue generator) get none
        blank=True,
        help_text=_("What the film is about, as keywords (e.g. migrant workers, Wuhan)."),
    )
    runtime_minutes = models.PositiveIntegerField(
        _("runtime (minutes)"), null=True, blank=True, validators=[MaxValueValidator(10000)]
    )
    budget_amount = models.DecimalField(
        _("budget"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    budget_currency = models.CharField(
        _("budget currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, e.g. USD")
    )
    budget_as_stated = models.CharField(
        _("budget as stated"),
        max_length=100,
        blank=True,
        help_text=_("The budget as the source wrote it, when it cannot be read as an amount."),
    )
    shooting_format = models.CharField(_("shooting format"), max_length=100, blank=True)
    sound = models.CharField(_("sound"), max_length=100, blank=True)
    aspect_ratio = models.CharField(_("aspect ratio"), max_length=32, blank=True)
    color = models.CharField(_("colour"), max_length=16, choices=ColorKind.choices, blank=True)
    is_first_time_filmmaker = models.BooleanField(_("first-time filmmaker"), null=True, blank=True)
    is_student_project = models.BooleanField(_("student project"), null=True, blank=True)
    visibility = models.CharField(
        _("visibility"),
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
        db_index=True,
    )
    password_hash = models.CharField(max_length=200, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)

    objects = FilmQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("film")
        verbose_name_plural = _("films")
        indexes = [
            models.Index(fields=["visibility", "year"], name="film_visibility_year"),
            models.Index(fields=["visibility", "title"], name="film_visibility_title"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(budget_amount__isnull=True) | models.Q(budget_amount__gte=0),
                name="film_budget_not_negative",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def get_absolute_url(self) -> str:
        return reverse("films:detail", kwargs={"slug": self.slug})

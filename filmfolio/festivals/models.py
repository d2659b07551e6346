"""Festivals and award events, their editions and sections, and the entries of films."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from filmfolio.core.models import TimeStampedModel
from filmfolio.films.querysets import FilmRowQuerySet

from .choices import EntryEvidence, EntryResult
from .querysets import AwardQuerySet, EditionQuerySet, FestivalQuerySet, SectionQuerySet


class Festival(TimeStampedModel):
    """A festival or award event ("Cinéma du Réel", "Golden Horse Awards")."""

    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    aliases = models.JSONField(_("other names"), default=list, blank=True)
    match_key = models.CharField(max_length=300, db_index=True, editable=False, default="")
    country = models.CharField(_("country"), max_length=2, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = FestivalQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("festival")
        verbose_name_plural = _("festivals")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("festivals:detail", kwargs={"slug": self.slug})


class Edition(models.Model):
    """One edition of a festival: its ordinal number ("36th"), year, dates and place."""

    festival = models.ForeignKey(Festival, on_delete=models.CASCADE, related_name="editions")
    number = models.PositiveSmallIntegerField(
        _("edition number"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["festival", "-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["festival", "number", "year"], name="unique_edition"),
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True)
                | models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="edition_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        from filmfolio.core.ordinals import edition_label

        return f"{edition_label(self)} {self.festival.name}".strip()


class Section(models.Model):
    """A programme section of an edition ("International First Films Competition")."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="sections")
    name = models.CharField(_("name"), max_length=200)
    is_competitive = models.BooleanField(_("competitive"), default=False)

    objects = SectionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["edition", "name"], name="unique_section")]

    def __str__(self) -> str:
        return self.name


class Award(models.Model):
    """A prize a festival gives ("Best Short Film"); the same award recurs across editions."""

    festival = models.ForeignKey(Festival, on_delete=models.CASCADE, related_name="awards")
    name = models.CharField(_("name"), max_length=200)

    objects = AwardQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["festival", "name"], name="unique_award")]

    def __str__(self) -> str:
        return self.name


class Entry(models.Model):
    """A film at an edition: selected, in competition, nominated, shortlisted or awarded."""

    film = models.ForeignKey(
        "films.Film", on_delete=models.CASCADE, related_name="festival_entries"
    )
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="entries")
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="entries", null=True, blank=True
    )
    award = models.ForeignKey(
        Award, on_delete=models.PROTECT, related_name="entries", null=True, blank=True
    )
    result = models.CharField(_("result"), max_length=16, choices=EntryResult.choices)
    date = models.DateField(_("date"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    evidence = models.CharField(
        _("evidence"),
        max_length=12,
        choices=EntryEvidence.choices,
        default=EntryEvidence.CLAIMED,
        db_default=EntryEvidence.CLAIMED,
    )
    evidence_url = models.URLField(
        _("source address"), max_length=500, blank=True, default="", db_default=""
    )
    evidence_checked_on = models.DateField(_("source checked on"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed by the festival at"), null=True, blank=True)
    # An uploaded notification (festivals.evidence_files): a private file name chosen from the
    # entry's id, never the uploader's, and its kind (pdf, png, jpeg or eml).
    evidence_file = models.CharField(
        _("notification file"), max_length=300, blank=True, default="", db_default=""
    )
    evidence_file_type = models.CharField(
        _("notification type"), max_length=8, blank=True, default="", db_default=""
    )

    objects = FilmRowQuerySet.as_manager()

    class Meta:
        ordering = ["-edition__year", "edition__festival__name", "id"]
        verbose_name = _("festival entry")
        verbose_name_plural = _("festival entries")
        indexes = [models.Index(fields=["result"], name="entry_result")]

    def __str__(self) -> str:
        return f"{self.film} @ {self.edition}"

    @property
    def is_award(self) -> bool:
        return self.result in EntryResult.awarded()

    @property
    def is_claimed(self) -> bool:
        return self.evidence == EntryEvidence.CLAIMED

    def laurel_url(self, kind: str = "svg", *, tone: str = "black") -> str:
        """The address of this entry's laurel in the active language (``festivals.laurels``)."""
        language = "zh-hans" if (get_language() or "en").startswith("zh") else "en"
        path = reverse(f"laurels:{kind}", kwargs={"slug": self.film.slug, "entry_id": self.pk})
        return f"{path}?{urlencode({'lang': language, 'tone': tone})}"

    @property
    def laurel_svg_url(self) -> str:
        return self.laurel_url("svg")

    @property
    def laurel_png_black_url(self) -> str:
        return self.laurel_url("png", tone="black")

    @property
    def laurel_png_white_url(self) -> str:
        return self.laurel_url("png", tone="white")

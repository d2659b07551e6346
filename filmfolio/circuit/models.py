"""A film's festival run: its entries at festival editions, the reminders sent about them, and
each filmmaker's private calendar address."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from filmfolio.core.models import TimeStampedModel

from .choices import TRANSITIONS, Premiere, ReminderKind, RunStatus
from .money import fee_text


class RunEntry(TimeStampedModel):
    """One festival edition a film is (or is planned to be) submitted to, and what came of it.

    Its screener link is made with it (``services.run_entry_add``); a selected or awarded entry
    may be shown on the film's public record as a ``festivals.Entry`` (``public_entry``).
    """

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="run_entries")
    edition = models.ForeignKey(
        "festivals.Edition", on_delete=models.PROTECT, related_name="run_entries"
    )
    category = models.CharField(_("category"), max_length=200, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    fee_amount = models.DecimalField(
        _("fee"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    fee_currency = models.CharField(_("currency"), max_length=3, blank=True)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.PLANNED
    )
    notification_on = models.DateField(_("notification date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=4000)
    premiere = models.CharField(_("premiere"), max_length=16, choices=Premiere.choices, blank=True)
    premiere_territory = models.CharField(_("premiere territory"), max_length=2, blank=True)
    screener_link = models.ForeignKey(
        "sharing.ScreenerLink",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="run_entries",
    )
    public_entry = models.ForeignKey(
        "festivals.Entry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="run_entries",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="run_entries",
    )

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("festival run entry")
        verbose_name_plural = _("festival run entries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(fee_amount__isnull=True) | ~models.Q(fee_currency=""),
                name="run_entry_fee_has_currency",
            ),
        ]
        indexes = [models.Index(fields=["film", "status"], name="runentry_film_status")]

    def __str__(self) -> str:
        return f"{self.film_id} → {self.edition}"

    @property
    def fee_text(self) -> str:
        """The fee in the active language's format ("€45.00", "€45.00" / "¥300.00"), or ""."""
        return fee_text(self.fee_amount, self.fee_currency)

    @property
    def moves(self) -> list[tuple[str, str]]:
        """The statuses this entry may move to next, with their labels."""
        following = TRANSITIONS.get(self.status, ())
        return [(status, str(RunStatus(status).label)) for status in following]

    @property
    def seen_at(self) -> Any:
        """When the festival first opened the entry's screener link, or None."""
        return self.screener_link.first_opened_at if self.screener_link else None


class ReminderSent(models.Model):
    """A reminder e-mail sent to one person about one date of one entry: kept so that each
    reminder goes once; a moved date is a new date and is reminded again."""

    entry = models.ForeignKey(RunEntry, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="run_reminders"
    )
    kind = models.CharField(max_length=16, choices=ReminderKind.choices)
    due_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "user", "kind", "due_on"], name="unique_run_reminder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_on} → {self.user_id}"


class RunPreferences(TimeStampedModel):
    """A filmmaker's settings for festival runs: the private address of their deadline calendar
    (only its sha256 is kept; the address is shown when it is made). Reminders are written in
    the language kept on the account (``accounts.language``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="run_preferences"
    )
    calendar_token_hash = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = _("festival run preferences")
        verbose_name_plural = _("festival run preferences")

    def __str__(self) -> str:
        return str(self.user_id)

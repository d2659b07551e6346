"""Abstract base models shared by every app, and the change record every service writes."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import AuditAction, AuditSection


class TimeStampedModel(models.Model):
    """Adds timezone-aware creation and modification times."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class ChangeRecord(models.Model):
    """One recorded change: who changed which object when, with each field's old and new value.

    ``target`` is the object whose history this belongs to (a film for every change to its
    credits, titles or festival entries); ``section`` names what part changed ("credits") and
    ``changes`` maps field names to ``{"old": ..., "new": ...}`` as JSON-safe text.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="change_records"
    )
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="change_records",
    )
    action = models.CharField(_("action"), max_length=40, choices=AuditAction.choices)
    section = models.CharField(
        _("section"), max_length=40, blank=True, choices=AuditSection.choices
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "-created_at"], name="change_target")
        ]
        verbose_name = _("change record")
        verbose_name_plural = _("change records")

    def __str__(self) -> str:
        return f"{self.action} {self.section} by {self.actor_id} at {self.created_at}"

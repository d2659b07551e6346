"""The burned copy of a video: one HLS rung with text or a subtitle track drawn into the picture.

Kept apart from ``models`` (imported there, so Django finds it) to keep each module short.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from filmfolio.core.models import TimeStampedModel

from .choices import BurnState


class BurnedCopy(TimeStampedModel):
    """A copy of ``video`` at one rung with ``watermark_lines`` and/or one subtitle track burned
    into the picture, made by ``tasks.burn_copy_task``.

    ``purpose_key`` is an opaque key naming what the copy is for ("link:42" for a screener link,
    given by the app that asks); media knows nothing of it. One copy per purpose. The files
    (``playlist_file`` and ``files``) are under ``<video dir>/burned/<public_id>/``.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    video = models.ForeignKey("media.Video", on_delete=models.CASCADE, related_name="burned_copies")
    purpose_key = models.CharField(max_length=64, unique=True)
    watermark_lines = models.JSONField(default=list, blank=True)
    subtitle_track = models.ForeignKey(
        "media.SubtitleTrack",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="burned_copies",
        verbose_name=_("subtitles burned in"),
    )
    height = models.PositiveIntegerField(default=0)
    state = models.CharField(
        max_length=16, choices=BurnState.choices, default=BurnState.QUEUED, db_index=True
    )
    progress_percent = models.PositiveSmallIntegerField(default=0)
    failure_reason = models.TextField(blank=True)
    attempt_count = models.PositiveSmallIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    playlist_file = models.CharField(max_length=300, blank=True, editable=False)
    files = models.JSONField(default=list, blank=True, editable=False)
    size_bytes = models.PositiveBigIntegerField(default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("burned copy")
        verbose_name_plural = _("burned copies")

    def __str__(self) -> str:
        return f"{self.video_id} {self.purpose_key} {self.state}"

    @property
    def is_ready(self) -> bool:
        return self.state == BurnState.READY

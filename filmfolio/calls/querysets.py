"""Calls and submissions for a viewer: each method only delegates to ``calls.access``."""

from __future__ import annotations

from typing import Self

from django.db import models

from filmfolio.core.viewers import Viewer

from . import access


class CallQuerySet(models.QuerySet):
    def listed_for(self, viewer: Viewer) -> Self:
        """Open calls, and the calls of the viewer's festivals."""
        return access.listed_calls(viewer, self)  # type: ignore[return-value]

    def visible_to(self, viewer: Viewer) -> Self:
        """Those whose page the viewer may open: the listed ones."""
        return self.listed_for(viewer)


class SubmissionQuerySet(models.QuerySet):
    def visible_to(self, viewer: Viewer) -> Self:
        """The submissions the viewer may see (their festival's, assigned, or their own)."""
        return access.visible_submissions(viewer, self)  # type: ignore[return-value]

    def reviewable_by(self, viewer: Viewer) -> Self:
        """The submissions the viewer rates as a member of the festival."""
        return access.reviewable_submissions(viewer, self)  # type: ignore[return-value]

"""Who works on a film: the collaborators the access policy reads."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from filmfolio.core.models import TimeStampedModel

from ..choices import CollaboratorRole


class Collaborator(TimeStampedModel):
    """A user's role on one film: viewer, editor or owner."""

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="collaborators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="collaborations"
    )
    role = models.CharField(_("role"), max_length=16, choices=CollaboratorRole.choices)

    class Meta:
        # The table keeps the name it was created with in ``sharing`` (films/0004).
        db_table = "sharing_collaborator"
        constraints = [models.UniqueConstraint(fields=["film", "user"], name="unique_collaborator")]
        verbose_name = _("collaborator")
        verbose_name_plural = _("collaborators")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"

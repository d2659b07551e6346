"""Press-kit builds in flight: at most one queued or running build per film version and
language, however many visitors ask for a press kit that is not built yet."""

from __future__ import annotations

from django.db import models


class PresskitBuild(models.Model):
    """A claimed build of one film version (``film_version`` is the film's ``updated_at``) in one
    language. The row exists while the build is queued or running; the build removes it. A row
    older than ``services.BUILD_STALE_AFTER`` (a worker that died) no longer blocks a new one."""

    film = models.ForeignKey("films.Film", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=16)
    film_version = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["film", "language", "film_version"], name="one_presskit_build_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.film_id} {self.language} {self.film_version.isoformat()}"

"""Who may do what with a film's screener links: make one (for a recipient, or with a
submission to a festival's call), report a viewing through one, and read the viewing reports.
Part of the access policy (``films.access``), kept beside it."""

from __future__ import annotations

from django.db.models import Q

from filmfolio.core.viewers import Viewer

from .access import can_edit_film, can_own_film, can_watch_video, editable_films_q
from .models import Film

# What a screener link is made for. A link sent to a person (the studio's sharing section, the
# festival run) is an owner's act: the owners decide who watches the film. A link made with a
# submission to a festival's call on Filmfolio goes to that festival alone, expires after its
# notification date and is recorded on the film's history, so the film's editors, who already
# run its festival circuit, may make it by submitting the film.
SCREENER_FOR_RECIPIENT = "recipient"
SCREENER_FOR_SUBMISSION = "submission"


def can_make_screener_link(viewer: Viewer, film: Film, *, purpose: str) -> bool:
    """May the viewer make a screener link of ``film`` for ``purpose`` (see above)?"""
    if purpose == SCREENER_FOR_SUBMISSION:
        return can_edit_film(viewer, film)
    return can_own_film(viewer, film)


def submittable_films_q(viewer: Viewer, prefix: str = "") -> Q:
    """A filter for the films the viewer may submit to a festival's call (and so make the
    submission's screener link of): ``can_make_screener_link`` for a submission."""
    return editable_films_q(viewer, prefix)


def can_report_viewing(viewer: Viewer, film: Film, *, visibility: str) -> bool:
    """May this session report its progress through a video of ``film``? Only a session that
    holds a screener link to the film and may watch the video: the report goes to that link."""
    return film.pk in viewer.link_film_ids and can_watch_video(viewer, film, visibility=visibility)


def can_see_viewing_reports(viewer: Viewer, film: Film) -> bool:
    """Who watched a film's screeners, how far and on what device: the film's owners only."""
    return can_own_film(viewer, film)

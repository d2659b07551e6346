"""The one place that decides who may see and change what.

Pages, lists, search, API, feeds, sitemap, JSON-LD and media files all ask this module; none of
them filters by visibility on its own.

Two questions, never mixed up:

* **listed** — may the film appear in lists, search results, feeds, sitemaps, person and festival
  pages? Public films for everyone, plus the viewer's own films (collaborator or staff).
* **visible** — may the viewer open the film's page and media? Listed films, plus unlisted films
  (anyone with the address), plus films opened through a valid screener link or unlocked with
  the film's password in this browser session (until the password changes).

People, festivals, editions, sections and awards have no visibility of their own: they are
listed (and their pages open) only through at least one film the viewer may see listed. A
person credited only on private films, or a festival, edition, section or award reached only
by a private film's entry, exists for nobody but that film's collaborators.

A ``Viewer`` captures who is asking: the user and the films granted to this browser session by
screener links or passwords. ``sharing.viewers`` builds it once per request
(``request.viewer``); every function here is a pure function of the viewer and the film.
Querysets reach this module through their methods (``Film.objects.listed_for(viewer)``).
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest

from filmfolio.core.viewers import Viewer

from .choices import CollaboratorRole, Visibility

if TYPE_CHECKING:
    from .models import Film

# How each kind of film-related record reaches its films: ORM lookups from the record, so that
# this module needs none of the models of the apps above (festivals) or below (people).
PERSON_FILMS = "credits__film__"
FESTIVAL_FILMS = "editions__entries__film__"
EDITION_FILMS = "entries__film__"
SECTION_FILMS = "entries__film__"
AWARD_FILMS = "entries__film__"


class Access(enum.IntEnum):
    """What a viewer may do with one film, in increasing order."""

    NONE = 0
    PASSWORD_REQUIRED = 1
    VIEW = 2
    EDIT = 3
    OWN = 4


class ViewerRequest(HttpRequest):
    """A request as views see it: ``sharing.middleware.ViewerMiddleware`` has put its viewer on
    it, resolved once (user and session grants) when first used."""

    viewer: Viewer


def listed_films_q(viewer: Viewer, prefix: str = "") -> Q:
    """A filter for films the viewer may see listed; ``prefix`` reaches films through a relation
    (``"film__"`` on credits and festival entries)."""
    public = Q(**{f"{prefix}visibility": Visibility.PUBLIC})
    if viewer.is_admin:
        return Q()
    if not viewer.is_authenticated:
        return public
    return public | Q(**{f"{prefix}id__in": _own_film_ids(viewer)})


def _own_film_ids(viewer: Viewer) -> QuerySet:
    """A subquery of the ids of the viewer's films (no query of its own)."""
    from .models import Collaborator

    return Collaborator.objects.filter(user=viewer.user).values("film_id")


def listed_films(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The films of ``queryset`` that may appear in lists, search, feeds and sitemaps."""
    return queryset.filter(listed_films_q(viewer))


def visible_films_q(viewer: Viewer, prefix: str = "") -> Q:
    """A filter for films whose page the viewer may open (see the module docstring)."""
    if viewer.is_admin:
        return Q()
    q = listed_films_q(viewer, prefix) | Q(**{f"{prefix}visibility": Visibility.UNLISTED})
    if viewer.link_film_ids:
        q |= Q(**{f"{prefix}id__in": sorted(viewer.link_film_ids)})
    if viewer.password_film_ids:
        # A password grant only counts while the film is still password-protected.
        q |= Q(
            **{
                f"{prefix}id__in": sorted(viewer.password_film_ids),
                f"{prefix}visibility": Visibility.PASSWORD,
            }
        )
    return q


def visible_films(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The films of ``queryset`` whose pages the viewer may open."""
    return queryset.filter(visible_films_q(viewer))


EDIT_ROLES = (CollaboratorRole.EDITOR, CollaboratorRole.OWNER)
OWN_ROLES = (CollaboratorRole.OWNER,)


def _role_films_q(viewer: Viewer, roles: tuple[str, ...], prefix: str) -> Q:
    """A filter for films on which the viewer holds one of ``roles`` (every film for staff)."""
    if viewer.is_admin:
        return Q()
    if not viewer.is_authenticated:
        return Q(**{f"{prefix}id__in": []})
    from .models import Collaborator

    films = Collaborator.objects.filter(user=viewer.user, role__in=roles).values("film_id")
    return Q(**{f"{prefix}id__in": films})


def editable_films_q(viewer: Viewer, prefix: str = "") -> Q:
    """A filter for films whose record the viewer may change (``can_edit_film``)."""
    return _role_films_q(viewer, EDIT_ROLES, prefix)


def owned_films_q(viewer: Viewer, prefix: str = "") -> Q:
    """A filter for films the viewer owns (``can_own_film``)."""
    return _role_films_q(viewer, OWN_ROLES, prefix)


def collaborating_films_q(viewer: Viewer, prefix: str = "") -> Q:
    """A filter for the films on which the viewer holds any collaborator role (staff too, only
    where they hold one): the viewer's own work, as a filmmaker's board lists it."""
    if not viewer.is_authenticated:
        return Q(**{f"{prefix}id__in": []})
    return Q(**{f"{prefix}id__in": _own_film_ids(viewer)})


def collaborator_role(viewer: Viewer, film: Film) -> str | None:
    """The viewer's collaborator role on ``film``, or None."""
    if not viewer.is_authenticated:
        return None
    cache = film.__dict__.get("_collaborator_roles")
    if cache is None:
        cache = dict(film.collaborators.values_list("user_id", "role"))
        film.__dict__["_collaborator_roles"] = cache
    return cache.get(viewer.user.pk)


def film_access(viewer: Viewer, film: Film) -> Access:
    """What ``viewer`` may do with ``film``."""
    if viewer.is_admin:
        return Access.OWN
    role = collaborator_role(viewer, film)
    if role == CollaboratorRole.OWNER:
        return Access.OWN
    if role == CollaboratorRole.EDITOR:
        return Access.EDIT
    if role == CollaboratorRole.VIEWER:
        return Access.VIEW
    if film.visibility in (Visibility.PUBLIC, Visibility.UNLISTED):
        return Access.VIEW
    if film.pk in viewer.link_film_ids:
        return Access.VIEW
    if film.visibility == Visibility.PASSWORD:
        if film.pk in viewer.password_film_ids:
            return Access.VIEW
        return Access.PASSWORD_REQUIRED
    return Access.NONE


def can_view_film(viewer: Viewer, film: Film) -> bool:
    """May the viewer open the film's page and its media?"""
    return film_access(viewer, film) >= Access.VIEW


def can_edit_film(viewer: Viewer, film: Film) -> bool:
    """May the viewer change the film's record?"""
    return film_access(viewer, film) >= Access.EDIT


def can_own_film(viewer: Viewer, film: Film) -> bool:
    """May the viewer manage collaborators, visibility, screener links and delete the film?"""
    return film_access(viewer, film) >= Access.OWN


def is_listed(viewer: Viewer, film: Film) -> bool:
    """May the film appear in lists for this viewer?"""
    if film.visibility == Visibility.PUBLIC or viewer.is_admin:
        return True
    return collaborator_role(viewer, film) is not None


def can_get_presskit(viewer: Viewer, film: Film) -> bool:
    """May the viewer have the film's press kit? Its owners always; everyone who may open a
    public film; and a session holding a screener link to the film (the press kit is for the
    programmers and journalists a screener is sent to). Not other viewers of an unlisted or
    password film: its owners have not chosen to hand the kit out."""
    if can_own_film(viewer, film):
        return True
    if film.pk in viewer.link_film_ids:
        return can_view_film(viewer, film)
    return film.visibility == Visibility.PUBLIC and can_view_film(viewer, film)


# History sections whose details (screener recipients, invited addresses, collaborators' accounts
# and roles) only the film's owners may read; the sharing page is theirs alone.
OWNER_ONLY_HISTORY_SECTIONS = frozenset({"screener_links", "collaborators"})


def history_details_visible(viewer: Viewer, film: Film, section: str) -> bool:
    """May ``viewer`` read the fields and summary of ``film``'s change records of ``section``?
    (Editors see that such a change happened, by whom and when, but not its details.)"""
    if section not in OWNER_ONLY_HISTORY_SECTIONS:
        return can_edit_film(viewer, film)
    return can_own_film(viewer, film)


# Media files -------------------------------------------------------------------------------
# A video carries its own visibility on top of the film's, narrowest first; the values are those
# of ``media.choices.VideoVisibility`` (media sits above films: this module cannot import it).
VIDEO_VISIBILITY_ORDER = ("team", "screener", "film")


def _is_team(viewer: Viewer, film: Film) -> bool:
    return viewer.is_admin or collaborator_role(viewer, film) is not None


def video_follows_film(visibility: str) -> bool:
    """Does every viewer who may open the film see a video of this visibility (so the film page
    may render it once for all of them)?"""
    return visibility == "film"


def can_watch_video(viewer: Viewer, film: Film, *, visibility: str) -> bool:
    """May the viewer watch a video's streams (HLS, poster frame)? ``film``: everyone who can
    open the film; ``screener``: the team and sessions holding a screener link to the film;
    ``team``: collaborators and staff only."""
    if not can_view_film(viewer, film):
        return False
    if video_follows_film(visibility):
        return True
    if visibility == "screener":
        return film.pk in viewer.link_film_ids or _is_team(viewer, film)
    return _is_team(viewer, film)


def can_get_media_original(viewer: Viewer, film: Film) -> bool:
    """Originals of images and videos keep camera, GPS and editing metadata and are the
    untranscoded master: only those who manage the film (owner, editors, staff) get them."""
    return can_edit_film(viewer, film)


def can_download_video(
    viewer: Viewer, film: Film, *, visibility: str, allow_download: bool
) -> bool:
    """May the viewer download the video's copy without metadata? Managers may; others only
    when the owner allowed downloads of this video and they may watch it. A session holding a
    screener link of the film is bound by its link: only a link for download lets it take the
    copy (a stream-only link gets no download anywhere)."""
    if can_get_media_original(viewer, film):
        return True
    if film.pk in viewer.link_film_ids and film.pk not in viewer.link_download_film_ids:
        return False
    return allow_download and can_watch_video(viewer, film, visibility=visibility)


def can_set_video_visibility(viewer: Viewer, film: Film, *, current: str, wanted: str) -> bool:
    """Only the owner widens who may watch a video; editors may keep or narrow it."""
    if can_own_film(viewer, film):
        return True
    if not can_edit_film(viewer, film) or wanted not in VIDEO_VISIBILITY_ORDER:
        return False
    current_rank = VIDEO_VISIBILITY_ORDER.index(current) if current in VIDEO_VISIBILITY_ORDER else 0
    return VIDEO_VISIBILITY_ORDER.index(wanted) <= current_rank


def can_allow_video_download(viewer: Viewer, film: Film) -> bool:
    """Letting others download a video widens what they get: the owner's decision."""
    return can_own_film(viewer, film)


def is_public_media(film: Film, *, visibility: str = "film", original: bool = False) -> bool:
    """Would an anonymous visitor get this file? Only then may browsers keep it in a cache:
    everything else is served ``no-store`` so that a revocation takes effect at once."""
    if original:
        return False
    return can_watch_video(Viewer.anonymous(), film, visibility=visibility)


def own_films_q(viewer: Viewer, prefix: str = "") -> Q | None:
    """A filter for the films listed for ``viewer`` beyond the public ones: their films as a
    collaborator (which may include public ones; every non-public film for staff). None for
    anonymous viewers. For collaborators it needs no join of films (``film_id IN …``)."""
    if not viewer.is_authenticated:
        return None
    if viewer.is_admin:
        return ~Q(**{f"{prefix}visibility": Visibility.PUBLIC})
    return Q(**{f"{prefix}id__in": _own_film_ids(viewer)})


def _listed_through(viewer: Viewer, queryset: QuerySet, films: str) -> QuerySet:
    """The records of ``queryset`` reaching at least one film the viewer may see listed
    through the lookup ``films`` (one EXISTS in the same query)."""
    if viewer.is_admin:
        return queryset
    reaching = queryset.model._default_manager.filter(
        listed_films_q(viewer, prefix=films), pk=OuterRef("pk")
    )
    return queryset.filter(Exists(reaching))


def listed_people(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The people of ``queryset`` credited on a film the viewer may see listed."""
    return _listed_through(viewer, queryset, PERSON_FILMS)


def listed_festivals(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The festivals of ``queryset`` with an entry of a film the viewer may see listed."""
    return _listed_through(viewer, queryset, FESTIVAL_FILMS)


def listed_editions(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The festival editions of ``queryset`` with an entry of a film the viewer may see
    listed."""
    return _listed_through(viewer, queryset, EDITION_FILMS)


def listed_sections(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The sections of ``queryset`` with an entry of a film the viewer may see listed."""
    return _listed_through(viewer, queryset, SECTION_FILMS)


def listed_awards(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The awards of ``queryset`` given to a film the viewer may see listed."""
    return _listed_through(viewer, queryset, AWARD_FILMS)


def _listed_or_unused(viewer: Viewer, queryset: QuerySet, films: str) -> QuerySet:
    """The records of ``queryset`` listed for the viewer through ``films``, or reaching no
    film at all."""
    if viewer.is_admin:
        return queryset
    manager = queryset.model._default_manager
    used = manager.filter(pk=OuterRef("pk"), **{f"{films}id__isnull": False})
    listed = _listed_through(viewer, manager.all(), films).filter(pk=OuterRef("pk"))
    return queryset.filter(Exists(listed) | ~Exists(used))


def creditable_people(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The people of ``queryset`` the viewer may credit on a film: those listed for them and
    those credited on no film yet. Crediting someone known only from another user's private
    film would publish their record through the viewer's film."""
    return _listed_or_unused(viewer, queryset, PERSON_FILMS)


def enterable_festivals(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The festivals of ``queryset`` the viewer may enter a film at: those listed for them and
    those no film entered yet (for the same reason as ``creditable_people``)."""
    return _listed_or_unused(viewer, queryset, FESTIVAL_FILMS)


def started_by_q(viewer: Viewer, user_field: str = "user") -> Q:
    """A filter for records a user started for themself alone (a bulk import of films): the
    starting user's, staff included, nobody else's; none for anonymous viewers."""
    if not viewer.is_authenticated:
        return Q(pk__in=[])
    return Q(**{f"{user_field}_id": viewer.user.pk})

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
screener links or passwords. Build it once per request with ``viewer_for(request)``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.crypto import constant_time_compare, salted_hmac

from .choices import CollaboratorRole, Visibility

if TYPE_CHECKING:
    from django.http import HttpRequest

# How each kind of film-related record reaches its films: ORM lookups from the record, so that
# this module needs none of the models to its right.
PERSON_FILMS = "credits__film__"
FESTIVAL_FILMS = "editions__entries__film__"
EDITION_FILMS = "entries__film__"
SECTION_FILMS = "entries__film__"
AWARD_FILMS = "entries__film__"

# Session keys under which grants are kept (written by the sharing services).
SESSION_LINK_GRANTS = "filmfolio.link_grants"
SESSION_PASSWORD_GRANTS = "filmfolio.password_grants"


class Access(enum.IntEnum):
    """What a viewer may do with one film, in increasing order."""

    NONE = 0
    PASSWORD_REQUIRED = 1
    VIEW = 2
    EDIT = 3
    OWN = 4


@dataclass(frozen=True)
class Viewer:
    """Who is asking: a user (maybe anonymous) and the films granted to this session."""

    user: Any = field(default_factory=AnonymousUser)
    link_film_ids: frozenset[int] = frozenset()
    password_film_ids: frozenset[int] = frozenset()

    @classmethod
    def anonymous(cls) -> Viewer:
        return cls()

    @classmethod
    def for_user(cls, user: Any) -> Viewer:
        return cls(user=user)

    @property
    def is_authenticated(self) -> bool:
        return bool(self.user is not None and self.user.is_authenticated)

    @property
    def is_admin(self) -> bool:
        return bool(self.is_authenticated and (self.user.is_superuser or self.user.is_staff))

    @property
    def granted_film_ids(self) -> frozenset[int]:
        return self.link_film_ids | self.password_film_ids


def viewer_for(request: HttpRequest) -> Viewer:
    """The viewer of a request, cached on the request.

    Screener-link grants are re-checked here on every request (one indexed query, only when the
    session holds any): a revoked or expired link stops opening its film at once, and its grant
    is dropped from the session.
    """
    cached = getattr(request, "_filmfolio_viewer", None)
    if cached is not None:
        return cached
    session = getattr(request, "session", None)
    link_ids: frozenset[int] = frozenset()
    password_ids: frozenset[int] = frozenset()
    if session is not None:
        link_ids = _valid_link_film_ids(session)
        password_ids = _valid_password_film_ids(session)
    viewer = Viewer(
        user=getattr(request, "user", AnonymousUser()),
        link_film_ids=link_ids,
        password_film_ids=password_ids,
    )
    request._filmfolio_viewer = viewer  # type: ignore[attr-defined]
    return viewer


def _valid_link_film_ids(session: Any) -> frozenset[int]:
    """Film ids of the session's link grants whose links are still valid; prunes the rest."""
    grants = session.get(SESSION_LINK_GRANTS) or {}
    if not grants:
        return frozenset()
    from django.utils import timezone

    from filmfolio.sharing.models import ScreenerLink

    wanted = {int(film_id): int(link_id) for film_id, link_id in grants.items()}
    now = timezone.now()
    valid = set(
        ScreenerLink.objects.filter(id__in=wanted.values(), revoked_at__isnull=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .values_list("film_id", "id")
    )
    kept = {film_id: link_id for film_id, link_id in wanted.items() if (film_id, link_id) in valid}
    if len(kept) != len(wanted):
        session[SESSION_LINK_GRANTS] = {str(k): v for k, v in kept.items()}
    return frozenset(kept)


def link_granted(request: HttpRequest, *, film_id: int, link_id: int) -> bool:
    """Does this browser session hold the grant of ``link_id`` for ``film_id`` already?"""
    grants = request.session.get(SESSION_LINK_GRANTS) or {}
    return bool(grants.get(str(film_id)) == link_id)


def grant_link(request: HttpRequest, *, film_id: int, link_id: int) -> None:
    """Let this browser session open ``film_id`` through screener link ``link_id``."""
    grants = dict(request.session.get(SESSION_LINK_GRANTS) or {})
    grants[str(film_id)] = link_id
    request.session[SESSION_LINK_GRANTS] = grants
    request.__dict__.pop("_filmfolio_viewer", None)


def _password_fingerprint(password_hash: str) -> str:
    """What a session keeps of the password it was granted with: a keyed digest of the stored
    hash, which changes whenever the password is set again."""
    return salted_hmac("filmfolio.sharing.password-grant", password_hash).hexdigest()[:32]


def _password_grants(session: Any) -> dict[str, str]:
    """The session's password grants, film id -> fingerprint (grants kept as a plain list of
    ids by older versions carry no fingerprint and count for nothing)."""
    grants = session.get(SESSION_PASSWORD_GRANTS) or {}
    return dict(grants) if isinstance(grants, dict) else {}


def _valid_password_film_ids(session: Any) -> frozenset[int]:
    """Film ids of the session's password grants whose film still has the password they were
    given with (one indexed query, only when the session holds any); prunes the rest, so a
    changed password asks everyone again."""
    grants = _password_grants(session)
    if not grants:
        if SESSION_PASSWORD_GRANTS in session:
            del session[SESSION_PASSWORD_GRANTS]
        return frozenset()
    from django.apps import apps

    film_model = apps.get_model("films", "Film")
    current = film_model.objects.filter(
        id__in=[int(film_id) for film_id in grants], visibility=Visibility.PASSWORD
    ).values_list("id", "password_hash")
    kept = {
        str(film_id): grants[str(film_id)]
        for film_id, password_hash in current
        if password_hash
        and constant_time_compare(grants[str(film_id)], _password_fingerprint(password_hash))
    }
    if kept != grants:
        session[SESSION_PASSWORD_GRANTS] = kept
    return frozenset(int(film_id) for film_id in kept)


def grant_password(request: HttpRequest, *, film: Any) -> None:
    """Let this browser session open ``film`` after its password was given, until the
    password changes."""
    grants = _password_grants(request.session)
    grants[str(film.pk)] = _password_fingerprint(film.password_hash)
    request.session[SESSION_PASSWORD_GRANTS] = grants
    request.__dict__.pop("_filmfolio_viewer", None)


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
    from filmfolio.sharing.models import Collaborator

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


def collaborator_role(viewer: Viewer, film: Any) -> str | None:
    """The viewer's collaborator role on ``film``, or None."""
    if not viewer.is_authenticated:
        return None
    cache = getattr(film, "_collaborator_roles", None)
    if cache is None:
        cache = dict(film.collaborators.values_list("user_id", "role"))
        film._collaborator_roles = cache
    return cache.get(viewer.user.pk)


def film_access(viewer: Viewer, film: Any) -> Access:
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


def can_view_film(viewer: Viewer, film: Any) -> bool:
    """May the viewer open the film's page and its media?"""
    return film_access(viewer, film) >= Access.VIEW


def can_edit_film(viewer: Viewer, film: Any) -> bool:
    """May the viewer change the film's record?"""
    return film_access(viewer, film) >= Access.EDIT


def can_own_film(viewer: Viewer, film: Any) -> bool:
    """May the viewer manage collaborators, visibility, screener links and delete the film?"""
    return film_access(viewer, film) >= Access.OWN


def is_listed(viewer: Viewer, film: Any) -> bool:
    """May the film appear in lists for this viewer?"""
    if film.visibility == Visibility.PUBLIC or viewer.is_admin:
        return True
    return collaborator_role(viewer, film) is not None


# History sections whose details (screener recipients, invited addresses, collaborators' accounts
# and roles) only the film's owners may read; the sharing page is theirs alone.
OWNER_ONLY_HISTORY_SECTIONS = frozenset({"screener_links", "collaborators"})


def history_details_visible(viewer: Viewer, film: Any, section: str) -> bool:
    """May ``viewer`` read the fields and summary of ``film``'s change records of ``section``?
    (Editors see that such a change happened, by whom and when, but not its details.)"""
    if section not in OWNER_ONLY_HISTORY_SECTIONS:
        return can_edit_film(viewer, film)
    return can_own_film(viewer, film)


# Media files -------------------------------------------------------------------------------
# A video carries its own visibility on top of the film's, narrowest first; the values are those
# of ``media.choices.VideoVisibility`` (this module sits left of media and cannot import it).
VIDEO_VISIBILITY_ORDER = ("team", "screener", "film")


def _is_team(viewer: Viewer, film: Any) -> bool:
    return viewer.is_admin or collaborator_role(viewer, film) is not None


def can_watch_video(viewer: Viewer, film: Any, *, visibility: str) -> bool:
    """May the viewer watch a video's streams (HLS, poster frame)? ``film``: everyone who can
    open the film; ``screener``: the team and sessions holding a screener link to the film;
    ``team``: collaborators and staff only."""
    if not can_view_film(viewer, film):
        return False
    if visibility == "film":
        return True
    if visibility == "screener":
        return film.pk in viewer.link_film_ids or _is_team(viewer, film)
    return _is_team(viewer, film)


def can_get_media_original(viewer: Viewer, film: Any) -> bool:
    """Originals of images and videos keep camera, GPS and editing metadata and are the
    untranscoded master: only those who manage the film (owner, editors, staff) get them."""
    return can_edit_film(viewer, film)


def can_download_video(viewer: Viewer, film: Any, *, visibility: str, allow_download: bool) -> bool:
    """May the viewer download the video's copy without metadata? Managers may; others only
    when the owner allowed downloads of this video and they may watch it."""
    if can_get_media_original(viewer, film):
        return True
    return allow_download and can_watch_video(viewer, film, visibility=visibility)


def can_set_video_visibility(viewer: Viewer, film: Any, *, current: str, wanted: str) -> bool:
    """Only the owner widens who may watch a video; editors may keep or narrow it."""
    if can_own_film(viewer, film):
        return True
    if not can_edit_film(viewer, film) or wanted not in VIDEO_VISIBILITY_ORDER:
        return False
    current_rank = VIDEO_VISIBILITY_ORDER.index(current) if current in VIDEO_VISIBILITY_ORDER else 0
    return VIDEO_VISIBILITY_ORDER.index(wanted) <= current_rank


def can_allow_video_download(viewer: Viewer, film: Any) -> bool:
    """Letting others download a video widens what they get: the owner's decision."""
    return can_own_film(viewer, film)


def is_public_media(film: Any, *, visibility: str = "film", original: bool = False) -> bool:
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


def may_merge_person_away(viewer: Viewer, person: Any) -> bool:
    """May the viewer fold ``person`` into another record? Staff may; a user may when they
    own every film crediting the person (at least one) and no account is confirmed as them."""
    if viewer.is_admin:
        return True
    if not viewer.is_authenticated or person.user_id is not None:
        return False
    from filmfolio.sharing.models import Collaborator

    film_ids = set(person.credits.values_list("film_id", flat=True))
    owned = Collaborator.objects.filter(
        user=viewer.user, role=CollaboratorRole.OWNER, film_id__in=film_ids
    ).values_list("film_id", flat=True)
    return bool(film_ids) and set(owned) == film_ids


def may_merge_people(viewer: Viewer, *, keep: Any, remove: Any) -> bool:
    """May the viewer merge ``remove`` into ``keep``: ``remove`` may be folded away by them
    and ``keep`` is a person they may credit (listed for them or credited nowhere)."""
    if not may_merge_person_away(viewer, remove):
        return False
    kept = creditable_people(viewer, type(keep)._default_manager.filter(pk=keep.pk))
    return kept.exists()

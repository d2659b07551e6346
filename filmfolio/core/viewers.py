"""Who is asking: a user (maybe anonymous) and the films this browser session was granted.

Only the value; what a viewer may see and do is decided by ``films.access``, and
``sharing.viewers`` builds the viewer of a request once (``request.viewer``). It sits in
``core`` so that every layer can pass it on (the search index, the people services).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AnonymousUser


@dataclass(frozen=True)
class Viewer:
    """Who is asking: a user (maybe anonymous) and the films granted to this session."""

    user: Any = field(default_factory=AnonymousUser)
    link_film_ids: frozenset[int] = frozenset()
    password_film_ids: frozenset[int] = frozenset()
    # The screener links behind ``link_film_ids`` (what a link's own copy is served by).
    link_ids: frozenset[int] = frozenset()
    # Films whose screener link lets this session download the video's copy (delivery=download);
    # a film in ``link_film_ids`` but not here was opened through a stream-only link.
    link_download_film_ids: frozenset[int] = frozenset()

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

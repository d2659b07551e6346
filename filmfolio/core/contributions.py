"""Parts that apps contribute to something a lower app owns, without the lower app importing them.

The film page is made of panels and the studio of sections that several apps provide; the search
index learns its kinds the same way. The owner keeps a ``Registry``; each contributing app writes
a module of a fixed name (``panels.py``, ``studio.py``, ``search_index.py``) that calls
``registry.register(...)``, and the owner's ``AppConfig.ready`` calls ``registry.autodiscover()``,
as the admin does with ``admin.py``. So the dependency runs from the contributor to the owner,
never back.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Generic, Protocol, TypeVar

from django.utils.module_loading import autodiscover_modules


class Contribution(Protocol):
    """What a registry needs of a contribution: a unique key and a place in the order."""

    @property
    def key(self) -> str: ...

    @property
    def order(self) -> int: ...


T = TypeVar("T", bound=Contribution)


class Registry(Generic[T]):
    """Contributions of one kind, by key, listed in their declared order."""

    def __init__(self, module_name: str) -> None:
        self.module_name = module_name
        self._items: dict[str, T] = {}

    def register(self, item: T) -> T:
        """Add ``item`` (or replace the one with the same key); returns it, so it can decorate."""
        self._items[item.key] = item
        return item

    def autodiscover(self) -> None:
        """Import ``<app>.<module_name>`` of every installed app that has one."""
        autodiscover_modules(self.module_name)

    def get(self, key: str) -> T | None:
        return self._items.get(key)

    def __iter__(self) -> Iterator[T]:
        return iter(sorted(self._items.values(), key=lambda item: (item.order, item.key)))

    def __len__(self) -> int:
        return len(self._items)

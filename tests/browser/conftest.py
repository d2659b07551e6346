"""Each test starts with an empty cache (the film page caches its rendered record); every file
here gets the ``chromium`` and ``static_root`` fixtures of ``chromium.py``."""

from collections.abc import Iterator

import pytest
from django.core.cache import cache

from .chromium import chromium, static_root

__all__ = ["chromium", "empty_cache", "static_root"]


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()

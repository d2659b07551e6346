"""Fixtures of the sharing tests: a clean cache so attempt counts never leak between tests."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()

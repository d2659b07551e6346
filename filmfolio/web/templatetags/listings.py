"""Template tags of the list pages: the page numbers of a paginated list."""

from __future__ import annotations

from django import template
from django.core.paginator import Page

register = template.Library()


@register.filter
def page_numbers(page: Page) -> list[int | None]:
    """The page numbers to link around ``page``: the first and last, two on each side of the
    current one, and None where numbers are left out (``1 … 4 5 6 7 8 … 20``)."""
    paginator = page.paginator
    numbers = paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return [n if isinstance(n, int) else None for n in numbers]

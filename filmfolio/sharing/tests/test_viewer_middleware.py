"""The viewer of a request: resolved once, by the middleware, when a view first asks, and again
after a grant changes it."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse

from filmfolio.sharing import viewers
from filmfolio.sharing.middleware import ViewerMiddleware

from .factories import FilmFactory, ScreenerLinkFactory

pytestmark = pytest.mark.django_db


def _request(rf, grants: dict[str, int]) -> HttpRequest:
    request = rf.get("/")
    request.user = AnonymousUser()
    request.session = {viewers.SESSION_LINK_GRANTS: grants} if grants else {}
    return request


def test_the_viewer_is_resolved_once_when_first_used(rf, django_assert_num_queries):
    link = ScreenerLinkFactory()
    request = _request(rf, {str(link.film_id): link.pk})
    seen = []

    def view(request):
        seen.append(request.viewer.link_film_ids)
        seen.append(request.viewer.is_authenticated)
        return HttpResponse()

    with django_assert_num_queries(1):
        ViewerMiddleware(view)(request)
    assert seen == [frozenset({link.film_id}), False]


def test_a_view_that_never_asks_costs_nothing(rf, django_assert_num_queries):
    link = ScreenerLinkFactory()
    request = _request(rf, {str(link.film_id): link.pk})
    with django_assert_num_queries(0):
        response = ViewerMiddleware(lambda request: HttpResponse("ok"))(request)
    assert response.content == b"ok"


def test_a_grant_during_the_request_gives_a_new_viewer(rf):
    link = ScreenerLinkFactory()
    request = _request(rf, {})
    viewers.attach_viewer(request)
    assert request.viewer.link_film_ids == frozenset()
    viewers.grant_link(request, film_id=link.film_id, link_id=link.pk)
    assert request.viewer.link_film_ids == frozenset({link.film_id})
    assert FilmFactory().pk not in request.viewer.link_film_ids

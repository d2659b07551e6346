"""Who may read viewing reports and who may report a viewing, enumerated from the URLconf.

Every address of the reports (the studio's report page and CSV, campaigns, their reports and
CSVs) answers only to the film's owners; everyone else (anonymous, a stranger, the film's
viewer and editor collaborators, holders of its screener links) gets a 404 or the login page
and never a recipient's name. The heartbeat endpoint records only the viewing of the session's
own screener link: another link's holder records on their own link, a holder of a link to
another film, the owner and collaborators record nothing.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.choices import CollaboratorRole
from filmfolio.media.models import Video
from filmfolio.sharing import campaigns, campaigns_lists, services
from filmfolio.sharing.models import ScreenerViewing
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

from .url_inventory import body_of, expand, routes

pytestmark = pytest.mark.django_db

AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
REPORT_NAMES = {
    "studio:reports",
    "studio:reports_csv",
    "studio:campaign_new",
    "studio:campaign_report",
    "studio:campaign_csv",
}
SECRET = "Qxrep Recipient"
SIGNED_OUT = {"anonymous", "link_one", "link_two", "other_film_link", "revoked_link"}


@pytest.fixture(autouse=True)
def clean_cache():
    cache.clear()
    yield
    cache.clear()


def _video(film, visibility="screener"):
    return Video.objects.create(
        film=film,
        kind="screener",
        visibility=visibility,
        state="ready",
        original_file="originals/screener.mp4",
        size_bytes=1,
        sha256="0" * 64,
        duration_seconds=100.0,
    )


def _holder(token: str, film) -> Client:
    client = Client(HTTP_USER_AGENT=AGENT)
    assert client.get(f"/share/s/{token}/").status_code == 302
    assert client.get(film.get_absolute_url()).status_code == 200
    return client


@pytest.fixture
def world():
    film = FilmFactory(title="Report Canary Film")
    owner = CollaboratorFactory(film=film, role=CollaboratorRole.OWNER).user
    other_film = FilmFactory()
    other_owner = CollaboratorFactory(film=other_film, role=CollaboratorRole.OWNER).user
    campaign, sent = campaigns.campaign_create(
        film=film,
        actor=owner,
        name="Qxrep campaign",
        recipients=campaigns_lists.parse_recipients(
            f"{SECRET} One,one@example.org\n{SECRET} Two,two@example.org\n"
        ),
        controls=campaigns.CampaignControls(),
    )
    token_of = {item.link.recipient: item.url.rsplit("/", 2)[-2] for item in sent}
    _other_link, other_token = services.screener_link_create(
        film=other_film, actor=other_owner, recipient="Elsewhere"
    )
    revoked, revoked_token = services.screener_link_create(film=film, actor=owner, recipient="Gone")
    clients = {
        "anonymous": Client(),
        "link_one": _holder(token_of[f"{SECRET} One"], film),
        "link_two": _holder(token_of[f"{SECRET} Two"], film),
        "other_film_link": _holder(other_token, other_film),
        "revoked_link": _holder(revoked_token, film),
    }
    services.screener_link_revoke(film=film, actor=owner, link_id=revoked.pk)
    users = {
        "stranger": UserFactory(),
        "viewer": CollaboratorFactory(film=film, role=CollaboratorRole.VIEWER).user,
        "editor": CollaboratorFactory(film=film, role=CollaboratorRole.EDITOR).user,
        "other_owner": other_owner,
        "owner": owner,
    }
    for name, user in users.items():
        clients[name] = Client(HTTP_USER_AGENT=AGENT)
        clients[name].force_login(user)
    links = {item.link.recipient: item.link for item in sent}
    return {
        "film": film,
        "campaign": campaign,
        "clients": clients,
        "video": _video(film),
        "links": links,
    }


def _report_paths(film, campaign) -> list[str]:
    def choose(_route: str, _converter: str, name: str) -> list[str]:
        return {"slug": [film.slug], "campaign_id": [str(campaign.pk)]}.get(name, [])

    found = {name: route for route, name in routes() if name in REPORT_NAMES}
    assert set(found) == REPORT_NAMES
    return [path for route in found.values() for path in expand(route, choose)]


def test_only_owners_read_the_reports(world):
    film, campaign = world["film"], world["campaign"]
    paths = _report_paths(film, campaign)
    assert f"/studio/films/{film.slug}/reports/campaigns/{campaign.pk}/report.csv" in paths
    failures = []
    for principal, client in world["clients"].items():
        for path in paths:
            response = client.get(path)
            body = body_of(response)
            if principal == "owner":
                if response.status_code != 200:
                    failures.append(f"owner GET {path}: {response.status_code}")
                continue
            # signed-out visitors (link holders too) are sent to the login page
            expected = 302 if principal in SIGNED_OUT else 404
            if response.status_code != expected or SECRET in body:
                failures.append(f"{principal} GET {path}: {response.status_code}")
    assert failures == []
    owner = world["clients"]["owner"]
    assert SECRET in owner.get(f"/studio/films/{film.slug}/reports/").content.decode()
    csv = owner.get(f"/studio/films/{film.slug}/reports/report.csv").content.decode()
    assert f"{SECRET} One,one@example.org" in csv


def test_a_campaign_is_found_only_under_its_own_film(world):
    film, campaign = world["film"], world["campaign"]
    owner = world["clients"]["owner"]
    second = FilmFactory()
    CollaboratorFactory(
        film=second, user=world["links"][f"{SECRET} One"].created_by, role=CollaboratorRole.OWNER
    )
    for path in (
        f"/studio/films/{second.slug}/reports/campaigns/{campaign.pk}/",
        f"/studio/films/{second.slug}/reports/campaigns/{campaign.pk}/report.csv",
        f"/studio/films/{film.slug}/reports/campaigns/{campaign.pk + 1000}/",
    ):
        response = owner.get(path)
        assert response.status_code == 404, path
        assert SECRET not in body_of(response)


def _beat(client, video, viewing):
    return client.post(
        "/share/viewings/beat/",
        {"video": str(video.public_id), "viewing": viewing, "ranges": "0-5", "played": "0"},
    )


def test_only_a_link_holder_reports_and_only_on_their_own_link(world):
    video, links = world["video"], world["links"]
    statuses = {
        principal: _beat(client, video, f"viewing-{principal}").status_code
        for principal, client in world["clients"].items()
    }
    assert statuses == {
        "anonymous": 404,
        "link_one": 204,
        "link_two": 204,
        "other_film_link": 404,
        "revoked_link": 404,
        "stranger": 404,
        "viewer": 404,
        "editor": 404,
        "other_owner": 404,
        "owner": 404,
    }
    rows = dict(ScreenerViewing.objects.values_list("viewing_key", "link_id"))
    assert rows == {
        "viewing-link_one": links[f"{SECRET} One"].pk,
        "viewing-link_two": links[f"{SECRET} Two"].pk,
    }


def test_a_holder_cannot_report_on_another_links_viewing(world):
    video, clients = world["video"], world["clients"]
    assert _beat(clients["link_one"], video, "shared-viewing-key").status_code == 204
    # the same viewing key from the other link's holder starts a viewing of their own link
    assert _beat(clients["link_two"], video, "shared-viewing-key").status_code == 204
    assert sorted(ScreenerViewing.objects.values_list("link__recipient", "beat_count")) == [
        (f"{SECRET} One", 1),
        (f"{SECRET} Two", 1),
    ]


def test_a_team_only_video_is_not_reported_by_a_link_holder(world):
    team_video = _video(world["film"], visibility="team")
    assert _beat(world["clients"]["link_one"], team_video, "team-viewing").status_code == 404
    assert ScreenerViewing.objects.count() == 0

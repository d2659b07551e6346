"""/healthz for load balancers and the favicon."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client, RequestFactory, override_settings
from django.utils import timezone
from django.views.defaults import server_error
from django_tasks_db.models import DBTaskResult

from filmfolio.presskit.tasks import build_presskit_task

pytestmark = pytest.mark.django_db
DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.parametrize("as_text", (False, True), ids=("path", "text"))
def test_healthz_is_200_when_every_check_passes(
    client: Client, settings, tmp_path, as_text: bool
) -> None:
    settings.MEDIA_ROOT = str(tmp_path) if as_text else tmp_path  # MEDIA_ROOT may be either
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    body = response.json()
    assert body["status"] == "ok"
    assert sorted(body["checks"]) == ["cache", "database", "media_disk", "queue"]
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["cache"] == {"ok": True}
    assert body["checks"]["queue"] == {"ok": True, "lag_seconds": None}
    assert body["checks"]["media_disk"]["ok"] is True
    assert body["checks"]["media_disk"]["free_bytes"] > 0
    assert "failing" not in body


@override_settings(TASKS=DB_QUEUE, HEALTH_QUEUE_LAG_SECONDS=300)
def test_healthz_is_503_when_the_queue_falls_behind(client: Client) -> None:
    build_presskit_task.enqueue(1, "en")
    assert client.get("/healthz").json()["checks"]["queue"]["ok"] is True
    DBTaskResult.objects.update(enqueued_at=timezone.now() - dt.timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert (body["status"], body["failing"]) == ("failing", ["queue"])
    assert 599 < body["checks"]["queue"]["lag_seconds"] < 700


@override_settings(HEALTH_MIN_FREE_BYTES=10**18)
def test_healthz_is_503_when_the_media_disk_is_full(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["media_disk"]


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }
)
def test_healthz_is_503_without_the_cache_and_says_nothing_more(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["cache"]
    assert body["checks"]["cache"] == {"ok": False}
    assert "127.0.0.1" not in response.content.decode()


def test_favicon_is_served_and_linked(client: Client) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/vnd.microsoft.icon"
    icon = response.getvalue()
    assert icon[:4] == b"\x00\x00\x01\x00"  # the ICO header
    assert int.from_bytes(icon[4:6], "little") == 3  # 16, 32 and 48 pixels
    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/web/favicon.ico" sizes="16x16 32x32 48x48">' in html


@override_settings(SITE_URL="", ALLOWED_HOSTS=["films.example.org"])
def test_robots_txt_points_at_the_sitemap_on_this_address(client: Client) -> None:
    response = client.get("/robots.txt", HTTP_HOST="films.example.org")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "User-agent: *\n"
        "Disallow: /admin/\n"
        "Disallow: /accounts/\n"
        "Disallow: /share/\n"
        "Disallow: /import/\n"
        "Disallow: /media/uploads/\n"
        "Sitemap: http://films.example.org/sitemap.xml\n"
    )


@override_settings(DEBUG=False)
def test_an_unhandled_error_gets_the_site_500_page_in_both_languages() -> None:
    response = server_error(RequestFactory().get("/films/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in html
    assert "页面暂时无法显示，请稍后再试。" in html
    for leak in ("SECRET_KEY", "Traceback", "DATABASES", "settings"):
        assert leak not in html

"""The film page's media slot: what each viewer sees, and the page cache following media changes."""

from __future__ import annotations

import pytest

from filmfolio.media import services

from .flows import open_screener_link, ready_video
from .imagedata import jpeg_with_gps

pytestmark = pytest.mark.django_db


def test_cached_public_page_shows_new_stills(client, film, owner):
    film.visibility = "public"
    film.save()
    page = client.get(f"/films/{film.slug}/")
    assert page.status_code == 200
    assert b"album-grid" not in page.content
    album = services.album_create(film=film, actor=owner, title="Shooting Album")
    image = services.image_upload(
        film=film,
        actor=owner,
        data=jpeg_with_gps(),
        details=services.ImageDetails(album=album, caption="Dawn", photographer="Li Wei"),
    )
    page = client.get(f"/films/{film.slug}/")
    html = page.content.decode()
    assert "Shooting Album" in html
    assert f"/media/images/{image.public_id}/w320.webp" in html
    assert 'data-credit="Photo: Li Wei"' in html


@pytest.mark.slow
def test_public_trailer_beside_a_screener(client, film, owner, clip):
    film.visibility = "public"
    film.runtime_minutes = 92
    film.save()
    client.force_login(owner)
    trailer = ready_video(client, film=film, path=clip, kind="trailer", visibility="film")
    screener = ready_video(client, film=film, path=clip, kind="screener", visibility="screener")
    client.logout()
    html = client.get(f"/films/{film.slug}/").content.decode()
    assert f"/media/videos/{trailer.public_id}/hls/master.m3u8" in html
    assert str(screener.public_id) not in html
    # The public page declares the runtime; what was measured in the file is for the team only.
    assert "92 min" in html
    assert "640×360" not in html and "Measured in this file" not in html
    assert html.index('class="film-head"') < html.index('class="film-trailer"')
    open_screener_link(client, film=film, owner=owner)
    html = client.get(f"/films/{film.slug}/").content.decode()
    assert f"/media/videos/{screener.public_id}/hls/master.m3u8" in html
    # The screener holder is told who the screener is for, and sees it first (the page's head
    # names the public trailer for sharing; the order is the body's).
    assert "A private screener for Festival programmer." in html
    body = html[html.index("<body") :]
    assert (
        body.index('class="screener-notice"')
        < body.index(f"/media/videos/{screener.public_id}/hls/")
        < body.index('class="film-head"')
        < body.index(f"/media/videos/{trailer.public_id}/hls/")
    )
    assert "Measured in this file" not in html
    client.force_login(owner)
    html = client.get(f"/films/{film.slug}/").content.decode()
    assert "A private screener for" not in html
    assert html.count("Measured in this file") == 2
    assert "640×360" in html

"""Backup and restore on the real PostgreSQL at 127.0.0.1:5432: ``pg_dump`` from an exported
snapshot, restored with ``pg_restore`` into a new, already migrated database; the restored site's
own backup records the same rows in every table as the first one."""

from __future__ import annotations

import os

import psycopg
import pytest

from .sites import derived, file_view, filmfolio, python, read_manifest, site_env

pytestmark = pytest.mark.slow
SERVER = "postgres://postgres@127.0.0.1:5432"

IMAGE = """
import django, io
django.setup()
from django.contrib.auth.models import User
from PIL import Image
from filmfolio.films.services import film_create
from filmfolio.media import services
owner = User.objects.create_user(username="owner")
film = film_create(actor=owner, title="On PostgreSQL", slug="on-postgresql")
buffer = io.BytesIO()
Image.new("RGB", (700, 400), "#335577").save(buffer, "JPEG")
details = services.ImageDetails(caption="Still")
services.image_upload(film=film, actor=owner, data=buffer.getvalue(), details=details)
"""


@pytest.fixture(scope="module")
def databases():
    names = [f"filmfolio_ops_pg_{os.getpid()}", f"filmfolio_ops_pg_restored_{os.getpid()}"]
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.execute(f"CREATE DATABASE {name}")
    yield [f"{SERVER}/{name}" for name in names]
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_postgres_round_trip(tmp_path, databases):
    source, restored = databases
    first, second = tmp_path / "first", tmp_path / "second"
    env = site_env(first, DATABASE_URL=source)
    filmfolio(env, "migrate", "--no-input", "-v0")
    filmfolio(env, "generate-catalogue", "--films", "12", "--seed", "3")
    python(env, IMAGE)
    archive = tmp_path / "site.tar.gz"
    filmfolio(env, "backup", "--output", str(archive))
    manifest = read_manifest(archive)
    assert manifest.database["member"] == "database/filmfolio.pgdump"
    assert manifest.tables["films_film"]["rows"] == 13
    assert manifest.tables["media_image"]["rows"] == 1

    target_env = site_env(second, DATABASE_URL=restored)
    filmfolio(target_env, "migrate", "--no-input", "-v0")  # an empty, migrated installation
    result = filmfolio(target_env, "restore", str(archive))
    assert result.stdout.startswith(f"restored the site of {manifest.created_at}")
    assert f"{len(manifest.tables)} tables, 4 media files, " in result.stdout
    again = tmp_path / "again.tar"
    filmfolio(target_env, "backup", "--output", str(again))
    recorded = {k: v for k, v in manifest.tables.items() if not derived(k)}
    restored_view = {k: v for k, v in read_manifest(again).tables.items() if not derived(k)}
    assert restored_view == recorded
    media = {k: v for k, v in manifest.files.items() if k.startswith("media/")}
    assert file_view(second / "media") == media
    assert len(media) == 4  # the original and three WebP widths

    refused = filmfolio(target_env, "restore", str(archive), check=False)
    assert refused.returncode == 1
    assert "This installation is not empty (accounts: 1, films: 13" in refused.stderr

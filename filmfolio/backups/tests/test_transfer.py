"""The move to PostgreSQL: a running SQLite site is copied to the real PostgreSQL at
127.0.0.1:5432 with its media moved to moto's S3 server on loopback; every table's count and a
set of pages (film, person, festival, catalogue, search) are compared before and after."""

from __future__ import annotations

import hashlib
import json
import os
import re
import uuid
from pathlib import Path

import boto3
import psycopg
import pytest

from filmfolio.backups.transfer import copied_models

from .sites import (
    derived,
    filmfolio,
    free_port,
    python,
    query,
    read_manifest,
    site_env,
    start_web,
    stop,
)

pytestmark = pytest.mark.slow
SERVER = "postgres://postgres@127.0.0.1:5432"

IMAGES = """
import django, io
django.setup()
from django.contrib.auth.models import User
from PIL import Image
from filmfolio.films.models import Film
from filmfolio.media import services
from filmfolio.films.models import Collaborator
owner = User.objects.create_user(username="owner", password="drill-password-1")
film = Film.objects.filter(visibility="public").order_by("id").first()
Collaborator.objects.create(film=film, user=owner, role="owner")
for colour in ["#804020", "#208040"]:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 450), colour).save(buffer, "JPEG")
    details = services.ImageDetails(caption=colour)
    image = services.image_upload(film=film, actor=owner, data=buffer.getvalue(), details=details)
services.image_set_poster(image=image, actor=owner)
print(film.slug)
"""

PAGES = """
import django, json, re
django.setup()
from django.test import Client
from django.contrib.auth.models import User
from filmfolio.films.models import Film
from filmfolio.people.models import Person
from filmfolio.festivals.models import Festival
film = Film.objects.get(slug={slug!r})
person = film.credits.order_by("id").first().person
festival = Festival.objects.order_by("slug").first()
urls = ["/films/", "/films/?page=2", f"/films/{{film.slug}}/", f"/people/{{person.slug}}/",
        f"/festivals/{{festival.slug}}/", "/people/",
        "/search/?q=" + film.title.split()[0], "/search/?q=" + person.display_name.split()[-1]]
pages = {{}}
for signed_in in (False, True):
    client = Client()
    if signed_in:
        client.force_login(User.objects.get(username="owner"))
    for url in urls:
        response = client.get(url)
        html = response.content.decode()
        html = re.sub(r'(csrfmiddlewaretoken" value=|csrf-token" content=)"[^"]*"', r'\\1""', html)
        pages[f"{{signed_in}} {{url}}"] = (response.status_code, html)
print(json.dumps(pages))
"""


@pytest.fixture(scope="module")
def s3():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    bucket = f"filmfolio-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=bucket)
    env = {
        "FILMFOLIO_S3_ENDPOINT_URL": endpoint,
        "FILMFOLIO_S3_BUCKET": bucket,
        "FILMFOLIO_S3_REGION": "us-east-1",
        "FILMFOLIO_S3_ACCESS_KEY_ID": "testing",
        "FILMFOLIO_S3_SECRET_ACCESS_KEY": "testing",
    }
    yield client, bucket, env
    server.stop()


@pytest.fixture(scope="module")
def target():
    name = f"filmfolio_ops_transfer_{os.getpid()}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    yield f"{SERVER}/{name}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _pages(env, slug: str) -> dict:
    return json.loads(python(env, PAGES.format(slug=slug)))


def _pg_counts(address: str) -> dict[str, int]:
    with psycopg.connect(address) as conn:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        ]
        counts = {}
        for name in names:
            (counts[name],) = conn.execute(f'SELECT count(*) FROM "{name}"').fetchall()[0]
        return counts


@pytest.fixture(scope="module")
def moved(tmp_path_factory, s3, target):
    client, bucket, s3_env = s3
    root = tmp_path_factory.mktemp("transfer")
    live, after = root / "live", root / "after"
    live.mkdir()
    after.mkdir()
    env = site_env(live, **s3_env)
    filmfolio(env, "migrate", "--no-input", "-v0")
    filmfolio(env, "generate-catalogue", "--films", "30", "--seed", "2")
    slug = python(env, IMAGES).strip()
    before = _pages(env, slug)
    web, _base = start_web(env, live)  # the site keeps running while it is copied
    try:
        result = filmfolio(env, "transfer", "--to", target, "--media", "s3")
    finally:
        stop(web)
    counts = _pg_counts(target)  # before the pages below sign in (a new session)
    after_env = site_env(after, DATABASE_URL=target, FILMFOLIO_STORAGE="s3", **s3_env)
    return {
        "counts": counts,
        "live": live,
        "env": env,
        "target": target,
        "result": result,
        "before": before,
        "after": _pages(after_env, slug),
        "client": client,
        "bucket": bucket,
        "slug": slug,
        "after_env": after_env,
        "s3_env": s3_env,
    }


def test_every_table_has_the_same_rows_count(moved):
    db = moved["live"] / "filmfolio.sqlite3"
    names = [
        name
        for (name,) in query(
            db, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
        )
        if not name.startswith(("sqlite_", "search_fts"))
    ]
    sqlite_counts = {name: query(db, f'SELECT count(*) FROM "{name}"')[0][0] for name in names}
    pg_counts = moved["counts"]
    assert {name: pg_counts.get(name) for name in names} == sqlite_counts
    assert sqlite_counts["films_film"] == 30
    assert sqlite_counts["search_searchdocument"] > 30
    stdout = moved["result"].stdout
    copied = sum(count for name, count in sqlite_counts.items() if not name.startswith("search_"))
    copied -= sqlite_counts["django_migrations"]
    assert stdout.startswith(f"copied {len(copied_models())} tables, {copied} rows, 8 media files")
    assert f"DATABASE_URL={moved['target']}" in stdout and "FILMFOLIO_STORAGE=s3" in stdout


def test_sequences_continue_after_the_copied_ids(moved):
    with psycopg.connect(moved["target"]) as conn:
        for table in ("films_film", "people_person", "auth_user", "media_image"):
            biggest = conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
            following = conn.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id'))", [table]
            ).fetchone()[0]
            assert (table, following) == (table, biggest + 1)


def test_media_moved_to_s3_whole(moved):
    media = moved["live"] / "media"
    local = {
        str(path.relative_to(media)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in media.rglob("*")
        if path.is_file()
    }
    client, bucket = moved["client"], moved["bucket"]
    listed = client.list_objects_v2(Bucket=bucket)["Contents"]
    remote = {
        item["Key"]: hashlib.sha256(
            client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
        ).hexdigest()
        for item in listed
    }
    assert remote == local
    assert len(local) == 8  # two images: the original and three WebP widths each


def test_pages_are_the_same_before_and_after(moved):
    before, after = moved["before"], moved["after"]
    assert sorted(before) == sorted(after)
    assert {key: status for key, (status, _html) in before.items()} == dict.fromkeys(before, 200)
    for key in before:
        assert after[key] == before[key], key
    film_page = before[f"True /films/{moved['slug']}/"][1]
    assert re.search(r"/media/images/[0-9a-f-]{36}/w\d+\.webp", film_page)


def test_a_database_with_tables_is_refused_and_left_alone(moved):
    counts = _pg_counts(moved["target"])
    refused = filmfolio(moved["env"], "transfer", "--to", moved["target"], check=False)
    assert refused.returncode == 1
    name = moved["target"].rsplit("/", 1)[1]
    assert refused.stderr.strip() == (
        f"CommandError: The target database {name} is not empty ({len(counts)} tables): "
        "transfer only into a new, empty PostgreSQL database."
    )
    assert _pg_counts(moved["target"]) == counts


def test_only_postgres_addresses_are_accepted(moved):
    refused = filmfolio(moved["env"], "transfer", "--to", "mysql://x@127.0.0.1/db", check=False)
    assert (refused.returncode, refused.stderr.strip()) == (
        1,
        "CommandError: --to takes a PostgreSQL address (postgres://user@host:5432/name).",
    )
    assert Path(moved["live"] / "filmfolio.sqlite3").is_file()


def _objects(client, bucket: str) -> dict[str, dict]:
    listed = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {
        f"media/{item['Key']}": {
            "sha256": hashlib.sha256(
                client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
            ).hexdigest(),
            "bytes": item["Size"],
        }
        for item in listed
    }


def test_the_moved_site_backs_up_and_restores_its_s3_objects(moved, tmp_path):
    client = moved["client"]
    archive = tmp_path / "moved.tar"
    filmfolio(moved["after_env"], "backup", "--output", str(archive))
    manifest = read_manifest(archive)
    assert (manifest.storage, manifest.database["member"]) == ("s3", "database/filmfolio.pgdump")
    media = {name: entry for name, entry in manifest.files.items() if name.startswith("media/")}
    assert media == _objects(client, moved["bucket"])
    assert len(media) == 8

    bucket = f"filmfolio-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=bucket)
    name = f"filmfolio_ops_transfer_restored_{os.getpid()}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        env = site_env(
            tmp_path / "var",
            DATABASE_URL=f"{SERVER}/{name}",
            FILMFOLIO_STORAGE="s3",
            **{**moved["s3_env"], "FILMFOLIO_S3_BUCKET": bucket},
        )
        filmfolio(env, "restore", str(archive))
        assert _objects(client, bucket) == media
        again = tmp_path / "again.tar"
        filmfolio(env, "backup", "--output", str(again))
        tables = {k: v for k, v in read_manifest(again).tables.items() if not derived(k)}
        assert tables == {k: v for k, v in manifest.tables.items() if not derived(k)}
    finally:
        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

"""Adding films from a file on the web: the check names each bad line and saves nothing, a good
file becomes private films of the user through the job queue, and an import is its user's alone."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.utils import translation

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.films.choices import CollaboratorRole, Visibility
from filmfolio.films.models import Collaborator, Film
from filmfolio.films.tests.factories import FilmFactory
from filmfolio.importer import bulk
from filmfolio.importer.bulk_samples import sample_text
from filmfolio.importer.choices import FilmImportState
from filmfolio.importer.models import FilmImport
from filmfolio.people.models import Person

pytestmark = pytest.mark.django_db

GOOD_JSONL = "\n".join(
    json.dumps(record)
    for record in (
        {"title": "Heron Lantern", "year": 2019, "kind": "documentary", "visibility": "public"},
        {"title": "Salt Road", "year": 2020, "slug": "existing-film"},
        {"title": "Tide Clock", "credits": [{"person": {"name": "Wu Qing"}, "role": "director"}]},
    )
)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _upload(client: Client, name: str, text: str, language: str = "en"):
    upload = SimpleUploadedFile(name, text.encode(), content_type="application/octet-stream")
    return client.post(
        "/import/file/", {"file": upload}, HTTP_ACCEPT_LANGUAGE=language, follow=False
    )


def _import_all(client: Client, film_import: FilmImport):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"/import/file/{film_import.public_id}/")


def test_a_good_file_makes_private_films_of_the_user():
    user = UserFactory()
    other_owner = UserFactory()
    existing = FilmFactory(slug="existing-film", title="Kept Title")
    Collaborator.objects.create(film=existing, user=other_owner, role=CollaboratorRole.OWNER)
    client = _client(user)
    response = _upload(client, "films.jsonl", GOOD_JSONL)
    film_import = FilmImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/import/file/{film_import.public_id}/"
    assert (film_import.user, film_import.file_name, film_import.total_rows) == (
        user,
        "films.jsonl",
        3,
    )
    assert Film.objects.count() == 1  # checked, not yet imported
    page = client.get(response["Location"]).content.decode()
    assert "Films in the file: 3." in page
    assert "Salt Road" in page
    assert _import_all(client, film_import).status_code == 302
    film_import.refresh_from_db()
    assert (film_import.state, film_import.rows_done, film_import.content) == ("done", 3, "")
    made = list(film_import.films.order_by("pk"))
    assert [f.title for f in made] == ["Heron Lantern", "Salt Road", "Tide Clock"]
    assert {f.visibility for f in made} == {Visibility.PRIVATE}
    assert [f.slug for f in made] == ["heron-lantern", "salt-road", "tide-clock"]
    owners = Collaborator.objects.filter(film__in=made, role=CollaboratorRole.OWNER)
    assert sorted(owners.values_list("user_id", flat=True)) == [user.pk] * 3
    assert Film.objects.get(pk=existing.pk).title == "Kept Title"
    assert Person.objects.filter(display_name="Wu Qing").count() == 1
    result = client.get(f"/import/file/{film_import.public_id}/").content.decode()
    assert "“films.jsonl”: 3 of 3 films imported." in result
    for film in made:
        assert f'href="/studio/films/{film.slug}/"' in result
    status = client.get(f"/import/file/{film_import.public_id}/status").json()
    assert status == {
        "state": "done",
        "state_label": "done",
        "rows_done": 3,
        "total_rows": 3,
        "finished": True,
    }


def test_a_csv_file_in_batches_reports_each_batch(monkeypatch):
    monkeypatch.setattr(bulk, "BATCH_SIZE", 1)
    user = UserFactory()
    client = _client(user)
    assert _upload(client, "films.csv", sample_text("csv")).status_code == 302
    film_import = FilmImport.objects.get()
    seen = []
    original = bulk._write_batch

    def write_and_note(film_import, batch, start):
        original(film_import, batch, start)
        seen.append(FilmImport.objects.get(pk=film_import.pk).rows_done)

    monkeypatch.setattr(bulk, "_write_batch", write_and_note)
    _import_all(client, film_import)
    assert seen == [1, 2]
    assert sorted(Film.objects.values_list("title", flat=True)) == [
        "Paper Lanterns",
        "The River Keepers",
    ]


def test_a_bad_row_changes_nothing_and_names_its_line():
    user = UserFactory()
    client = _client(user)
    text = '{"title": "Fine"}\n\n{"title": "Old", "year": 1500}\n{"year": 2000}\nnot json\n'
    response = _upload(client, "films.jsonl", text)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was saved." in page
    assert "<strong>Line 3</strong> · <code>year</code>: Input should be greater" in page
    assert "<strong>Line 4</strong> · <code>title</code>: Field required" in page
    assert "<strong>Line 5</strong> · <code>record</code>: This line is not a JSON object" in page
    assert "Line 1<" not in page
    assert FilmImport.objects.count() == 0
    assert Film.objects.count() == 0


def test_a_bad_csv_row_is_named_by_its_line_in_chinese():
    user = UserFactory()
    client = _client(user)
    text = 'title,year,genres\nFine,2001,\n"Two\nlines",2002,\nBad,2003,"[oops"\n'
    response = _upload(client, "films.csv", text, language="zh-hans")
    assert response.status_code == 400
    with translation.override("zh-hans"):
        line = translation.gettext("Line %(line)s") % {"line": 5}
    assert line != "Line 5"
    assert f"<strong>{line}</strong> · <code>genres</code>" in response.content.decode()
    assert Film.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("films.txt", "{}", "Choose a .jsonl or .csv file."),
        ("films.jsonl", "\n\n", "The file holds no films."),
        ("films.csv", "title,colour\nA,red\n", "columns that are not known: colour (see"),
        ("films.csv", "year\n2001\n", "The first line must name the columns, a “title” column"),
        ("films.csv", 'title,texts\nA,"[]"\nB,' + "x" * 200_000, "Line 3</strong> · <code>rec"),
    ],
)
def test_a_file_that_cannot_be_read_saves_nothing(name, text, message):
    client = _client(UserFactory())
    response = _upload(client, name, text)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert FilmImport.objects.count() == 0


def test_a_file_over_the_limits_is_refused(monkeypatch):
    monkeypatch.setattr(bulk, "MAX_ROWS", 2)
    client = _client(UserFactory())
    response = _upload(client, "films.jsonl", GOOD_JSONL)
    assert response.status_code == 400
    assert "The file holds 3 films; import at most 2 at a time." in response.content.decode()
    check = bulk.file_check(name="big.jsonl", data=b" " * (bulk.MAX_FILE_BYTES + 1))
    assert [p.message for p in check.problems] == [
        "The file is larger than 5 MB. Split it into smaller files."
    ]
    assert FilmImport.objects.count() == 0


def test_another_user_cannot_see_or_start_the_import():
    owner, stranger = UserFactory(), UserFactory()
    owner_client = _client(owner)
    _upload(owner_client, "secret-films.jsonl", GOOD_JSONL)
    film_import = FilmImport.objects.get()
    base = f"/import/file/{film_import.public_id}/"
    stranger_client = _client(stranger)
    staff_client = _client(UserFactory(staff=True))
    for client in (stranger_client, staff_client):
        assert client.get(base).status_code == 404
        assert client.get(base + "status").status_code == 404
        with TestCase.captureOnCommitCallbacks(execute=True):
            assert client.post(base).status_code == 404
    assert Client().get(base).status_code == 302  # to sign in
    film_import.refresh_from_db()
    assert film_import.state == FilmImportState.CHECKED
    assert Film.objects.count() == 0
    assert "Heron Lantern" in owner_client.get(base).content.decode()


def test_the_job_runs_once():
    user = UserFactory()
    client = _client(user)
    _upload(client, "films.jsonl", GOOD_JSONL)
    film_import = FilmImport.objects.get()
    _import_all(client, film_import)
    assert bulk.film_import_run(import_id=film_import.pk) == "not claimed"
    _import_all(client, film_import)
    assert Film.objects.count() == 3


def test_a_job_that_stopped_resumes_after_the_rows_done(monkeypatch):
    monkeypatch.setattr(bulk, "BATCH_SIZE", 2)
    user = UserFactory()
    client = _client(user)
    _upload(client, "films.jsonl", GOOD_JSONL)
    film_import = FilmImport.objects.get()
    FilmImport.objects.filter(pk=film_import.pk).update(state=FilmImportState.QUEUED)
    calls = []
    original = bulk._write_batch

    def stop_after_first(film_import, batch, start):
        calls.append(start)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the worker dies
        original(film_import, batch, start)

    monkeypatch.setattr(bulk, "_write_batch", stop_after_first)
    with pytest.raises(KeyboardInterrupt):
        bulk.film_import_run(import_id=film_import.pk)
    assert FilmImport.objects.get(pk=film_import.pk).rows_done == 2
    assert bulk.film_import_run(import_id=film_import.pk) == "not claimed"  # still running
    FilmImport.objects.filter(pk=film_import.pk).update(heartbeat_at="2000-01-01T00:00:00Z")
    monkeypatch.setattr(bulk, "_write_batch", original)
    assert bulk.film_import_run(import_id=film_import.pk) == "done"
    titles = sorted(film_import.films.values_list("title", flat=True))
    assert titles == ["Heron Lantern", "Salt Road", "Tide Clock"]


def test_the_samples_read_back_without_problems():
    for fmt in ("jsonl", "csv"):
        response = Client().get(f"/import/file/sample.{fmt}")
        assert response.status_code == 200
        check = bulk.file_check(name=f"s.{fmt}", data=response.content)
        assert check.problems == []
        assert [r.title for r in check.records] == ["The River Keepers", "Paper Lanterns"]


def test_the_problems_are_in_the_users_language():
    client = _client(UserFactory())
    text = '{"title": "Old", "year": 1500}\n{"title": "X", "languages": [{"language": "qq1"}]}\n'
    response = _upload(client, "films.jsonl", text, language="zh-hans")
    page = response.content.decode()
    assert "<strong>第 1 行</strong> · <code>year</code>: 应大于或等于 1870" in page
    assert "<strong>第 2 行</strong> · <code>languages.0.language</code>: “qq1”不是语言代码" in page
    assert Film.objects.count() == 0


def test_files_never_started_do_not_pile_up():
    user, other = UserFactory(), UserFactory()
    _upload(_client(other), "theirs.jsonl", GOOD_JSONL)
    client = _client(user)
    for number in range(1, 6):
        assert _upload(client, f"films-{number}.jsonl", GOOD_JSONL).status_code == 302
    waiting = FilmImport.objects.filter(user=user).order_by("pk")
    assert list(waiting.values_list("file_name", flat=True)) == [
        "films-3.jsonl",
        "films-4.jsonl",
        "films-5.jsonl",
    ]
    assert FilmImport.objects.filter(user=other).count() == 1


def test_a_post_without_a_file_is_refused_in_the_form():
    client = _client(UserFactory())
    response = client.post("/import/file/", {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert FilmImport.objects.count() == 0

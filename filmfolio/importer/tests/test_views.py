"""The "New film from text" pages: read, review with source words, save, see what was linked."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from filmfolio.films.models import Collaborator, Film
from filmfolio.people.models import Person

from .corpus import PAGES

pytestmark = pytest.mark.django_db

PAGE = """In Character
入戏
Director: Ann Lee
Producer: Bo Zhang
Country: France
Language: Mandarin
Running time: 14 min
Year: 2019
Selected for the 36th Cinéma du Réel in 2014.
"""


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    # WhiteNoise warns (an error under the suite's filterwarnings) when STATIC_ROOT is missing.
    settings.STATIC_ROOT = tmp_path


@pytest.fixture
def user():
    return get_user_model().objects.create_user(username="maker", password="x")


@pytest.fixture
def client_in(client, user):
    client.force_login(user)
    return client


def _form_data(response):
    """The review form's fields as the browser would send them back."""
    html = response.content.decode()
    data = {}
    for m in re.finditer(r"<input[^>]*>", html):
        tag = m.group()
        name = re.search(r'name="([^"]+)"', tag)
        if not name or 'type="submit"' in tag or 'type="checkbox"' in tag:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        data[name.group(1)] = _unescape(value.group(1)) if value else ""
    for m in re.finditer(r'<select name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        selected = re.search(r'<option value="([^"]*)"[^>]*selected', m.group(2))
        data[m.group(1)] = selected.group(1) if selected else ""
    return data


def _unescape(text):
    import html

    return html.unescape(text)


def test_the_page_needs_a_login(client):
    response = client.get("/import/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/import/"


def test_start_page_shows_the_form(client_in):
    response = client_in.get("/import/")
    assert response.status_code == 200
    assert b'name="text"' in response.content
    assert b'name="page"' in response.content


def test_pasted_text_gives_a_review_with_source_words(client_in):
    response = client_in.post("/import/", {"text": PAGE})
    assert response.status_code == 200
    data = _form_data(response)
    assert data["title"] == "In Character"
    assert data["original_title"] == "入戏"
    assert data["year"] == "2019"
    assert data["runtime_minutes"] == "14"
    assert data["countries"] == "FR"
    assert data["languages"] == "Mandarin"
    assert data["credits-0-name"] == "Ann Lee"
    assert data["credits-0-role"] == "director"
    assert data["credits-1-name"] == "Bo Zhang"
    assert data["credits-1-role"] == "producer"
    assert data["festivals-0-festival"] == "Cinéma du Réel"
    assert data["festivals-0-edition"] == "36"
    assert data["festivals-0-result"] == "selected"
    html = response.content.decode()
    assert '<p class="source-snippet">…Running time: <mark>14 min</mark>…</p>' in html
    assert '<p class="source-snippet">…Director: <mark>Ann Lee</mark>…</p>' in html
    assert 'data-unsure="check"' in html  # the type is inferred


def test_saving_creates_a_private_film_owned_by_the_user(client_in, user):
    review = client_in.post("/import/", {"text": PAGE})
    data = _form_data(review)
    data["credits-1-DELETE"] = "on"
    response = client_in.post("/import/review/", data)
    assert response.status_code == 302
    assert response["Location"] == "/import/done/"
    film = Film.objects.get()
    assert (film.slug, film.title, film.year, film.visibility) == (
        "in-character",
        "In Character",
        2019,
        "private",
    )
    assert [(c.person.display_name, c.role.code) for c in film.credits.all()] == [
        ("Ann Lee", "director")
    ]
    assert [(x.language, x.label) for x in film.languages.all()] == [("zh", "Mandarin")]
    assert list(Collaborator.objects.values_list("film__slug", "user__username", "role")) == [
        ("in-character", "maker", "owner")
    ]
    result = client_in.get("/import/done/")
    html = result.content.decode()
    assert '<a href="/films/in-character/">' in html
    assert '<a class="button primary" href="/studio/films/in-character/">' in html
    assert "<dt>People</dt><dd>Ann Lee</dd>" in html
    assert "<dt>Festivals</dt><dd>Cinéma du Réel</dd>" in html


def test_saving_links_people_already_here(client_in):
    call_command("demo", stdout=io.StringIO())
    page = "Out of Focus again\nDirector: Zhu Shengze\n"
    data = _form_data(client_in.post("/import/", {"text": page}))
    client_in.post("/import/review/", data)
    assert Person.objects.filter(display_name="Shengze Zhu").count() == 1
    html = client_in.get("/import/done/").content.decode()
    assert "<dt>People</dt><dd>Shengze Zhu</dd>" in html.split("Created")[0]


def test_an_invalid_review_is_shown_again_and_saves_nothing(client_in):
    data = _form_data(client_in.post("/import/", {"text": PAGE}))
    data["title"] = ""
    data["countries"] = "Narnia"
    response = client_in.post("/import/review/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html
    assert "We do not know the country “Narnia”; correct or remove it." in html
    assert '<p class="source-snippet">…Director: <mark>Ann Lee</mark>…</p>' in html
    assert Film.objects.count() == 0


def test_pasted_html_comes_back_escaped(client_in):
    page = "<p>Title: <script>alert(1)</script>Evil</p>\n<b>Director: Ann Lee</b>"
    response = client_in.post("/import/", {"text": page})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_script_in_html_markup_is_dropped_and_never_rendered(client_in):
    page = (
        "<html><body><div>Title: Rooftops</div><script>alert('x')</script>"
        "<div>Director: Ann Lee</div><p>x</p></body></html>"
    )
    response = client_in.post("/import/", {"text": page})
    html = response.content.decode()
    assert "alert(" not in html
    assert _form_data(response)["title"] == "Rooftops"


def test_uploaded_html_file(client_in):
    upload = SimpleUploadedFile("page.html", PAGE.encode("utf-8"), content_type="text/html")
    response = client_in.post("/import/", {"page": upload})
    assert response.status_code == 200
    assert _form_data(response)["title"] == "In Character"


def test_a_page_in_gb18030_is_read(client_in):
    upload = SimpleUploadedFile("page.txt", "片名: 入戏\n导演: 李明\n".encode("gb18030"))
    response = client_in.post("/import/", {"page": upload})
    data = _form_data(response)
    assert data["title"] == "入戏"
    assert data["credits-0-name"] == "李明"


def test_binary_data_gives_a_clear_message_and_an_empty_draft(client_in):
    upload = SimpleUploadedFile("still.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    response = client_in.post("/import/", {"page": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "This file is not text (it looks like a picture, a PDF or a program)." in html
    assert "The page has no text we could read; the draft is empty." in html
    assert _form_data(response)["title"] == ""


def test_text_in_an_unknown_encoding_gives_a_warning(client_in):
    data = "Title: Caf\xe9 Nights\nDirector: Ren\xe9\n".encode("latin-1") + bytes([0x81, 0x8D])
    response = client_in.post("/import/", {"page": SimpleUploadedFile("p.txt", data)})
    assert response.status_code == 200
    assert "We could not tell how this file&#x27;s text is encoded" in response.content.decode()


def test_ten_megabytes_of_text_is_refused_with_a_message(client_in):
    response = client_in.post("/import/", {"text": "a" * (10 * 1024 * 1024)})
    assert response.status_code == 413
    assert "The page is larger than 2 MB." in response.content.decode()
    assert Film.objects.count() == 0


def test_a_wrong_kind_of_file_is_refused(client_in):
    upload = SimpleUploadedFile("film.pdf", b"%PDF-1.4")
    response = client_in.post("/import/", {"page": upload})
    assert response.status_code == 400
    assert "Choose a .txt or .html file." in response.content.decode()


def test_an_empty_page_asks_for_text(client_in):
    response = client_in.post("/import/", {"text": "   \n  "})
    assert response.status_code == 400
    assert (
        "Give the address of a film page, paste its text or choose a file."
        in response.content.decode()
    )


def test_a_page_with_only_chrome_gives_an_empty_draft(client_in):
    response = client_in.post("/import/", {"text": "Loading...\nShare\nLog in\n"})
    assert response.status_code == 200
    assert "The page has no text we could read; the draft is empty." in response.content.decode()


def test_a_page_without_a_title_asks_for_one(client_in):
    text = (PAGES / "untitled.txt").read_text(encoding="utf-8")
    response = client_in.post("/import/", {"text": text})
    assert response.status_code == 200
    assert "The page states no title: please type it." in response.content.decode()


def test_result_without_an_import_goes_back_to_the_start(client_in):
    response = client_in.get("/import/done/")
    assert response.status_code == 302
    assert response["Location"] == "/import/"

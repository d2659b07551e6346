"""Bulk import and export: all or nothing, every invalid row reported, exports re-import."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from filmfolio.accounts.models import Organisation
from filmfolio.festivals.models import Festival
from filmfolio.films.models import Film
from filmfolio.importer.exports import records_for
from filmfolio.importer.formats import CSV_COLUMNS
from filmfolio.people.models import Person

pytestmark = pytest.mark.django_db


def _wipe():
    Film.objects.all().delete()
    Person.objects.all().delete()
    Festival.objects.all().delete()
    Organisation.objects.all().delete()


def _export(*args):
    out = io.StringIO()
    call_command("export", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _import(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_reimports_to_the_same_catalogue(tmp_path, fmt):
    call_command("demo", stdout=io.StringIO())
    first = _export("--all", "--format", fmt)
    _wipe()
    path = tmp_path / f"films.{fmt}"
    path.write_text(first, encoding="utf-8")
    out, _ = _import(path)
    assert out.startswith("Imported 3 films (3 new, 0 replaced)")
    assert _export("--all", "--format", fmt) == first
    # Importing the same file again replaces the films and changes nothing.
    out, _ = _import(path)
    assert out.startswith("Imported 3 films (0 new, 3 replaced)")
    assert _export("--all", "--format", fmt) == first


def test_export_by_default_holds_what_the_public_may_see():
    call_command("demo", stdout=io.StringIO())
    Film.objects.filter(slug="the-home-gleaners").update(visibility="private")
    Film.objects.filter(slug="out-of-focus").update(visibility="unlisted")
    slugs = [json.loads(line)["slug"] for line in _export().splitlines()]
    assert slugs == ["out-of-focus", "when-we-meet-under-the-same-sky"]
    everything = [json.loads(line)["slug"] for line in _export("--all").splitlines()]
    assert everything == ["out-of-focus", "the-home-gleaners", "when-we-meet-under-the-same-sky"]


def test_export_line_of_a_film():
    call_command("demo", stdout=io.StringIO())
    line = json.loads(_export().splitlines()[2])
    assert line["title"] == "When we meet under the same sky"
    assert line["budget"] == {"amount": "347000.00", "currency": "USD", "as_stated": "347,000 USD"}
    assert line["credits"][0] == {
        "person": {
            "name": "Yan Wenyu",
            "slug": "yan-wenyu",
            "names": [
                {"name": "Yan Wenyu"},
                {"name": "Wenyu Yan", "order": "given_first"},
            ],
        },
        "role": "director",
        "credited_as": "Director",
    }


def test_csv_header_is_the_documented_column_list():
    call_command("demo", stdout=io.StringIO())
    assert _export("--format", "csv").splitlines()[0] == ",".join(CSV_COLUMNS)


def test_records_for_has_a_fixed_query_count(django_assert_num_queries):
    call_command("demo", stdout=io.StringIO())
    # films, titles, countries, languages, texts, links, genres, companies, credits,
    # person names, person biographies, entries
    with django_assert_num_queries(12):
        records = list(records_for(Film.objects.all()))
    assert len(records) == 3


JSONL_BAD = "\n".join(
    [
        json.dumps({"title": "Good", "slug": "good"}),
        json.dumps({"title": "", "year": 1500, "countries": [{"country": "Narnia"}]}),
        "{not json",
        json.dumps({"title": "Twin", "slug": "good"}),
        json.dumps({"title": "Fine", "credits": [{"role": "director", "person": {"name": ""}}]}),
    ]
)


def test_an_invalid_row_writes_nothing_and_names_every_problem(tmp_path):
    path = tmp_path / "films.jsonl"
    path.write_text(JSONL_BAD, encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import", str(path), stdout=io.StringIO(), stderr=err)
    assert str(caught.value) == "4 of 5 rows are invalid; nothing was written."
    assert err.getvalue().splitlines() == [
        "row 2, title: String should have at least 1 character",
        "row 2, year: Input should be greater than or equal to 1870",
        "row 2, countries.0.country: “Narnia” is not a two-letter country code such as CN or FR.",
        "row 3, record: This line is not a JSON object: Invalid JSON: key must be a string "
        "at line 1 column 2",
        "row 4, slug: The slug “good” is already used by row 1.",
        "row 5, credits.0.person.name: String should have at least 1 character",
    ]
    assert Film.objects.count() == 0


def test_dry_run_validates_without_writing(tmp_path):
    path = tmp_path / "films.jsonl"
    path.write_text(json.dumps({"title": "Good"}) + "\n", encoding="utf-8")
    out, _ = _import(path, "--dry-run")
    assert out == "1 films are valid; nothing was written (dry run).\n"
    assert Film.objects.count() == 0


def test_csv_rows_are_reported_by_number_and_column(tmp_path):
    path = tmp_path / "films.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerow({"slug": "good-film", "title": "Good"})
        writer.writerow({"slug": "bad-film", "title": "Bad", "year": "x", "credits": "[{"})
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import", str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines() == [
        "row 2, credits: This cell is not valid JSON: Expecting property name enclosed in "
        "double quotes",
    ]
    assert Film.objects.count() == 0


def test_csv_imports_lists_from_json_cells(tmp_path):
    path = tmp_path / "films.csv"
    path.write_text(
        "title,year,countries,credits,budget_amount,budget_currency,color\n"
        'Rooftops,2013,"[{""country"": ""CN""}]",'
        '"[{""role"": ""director"", ""person"": {""name"": ""Shengze Zhu""}}]",'
        "347000,USD,color\n",
        encoding="utf-8",
    )
    out, _ = _import(path)
    assert out.startswith("Imported 1 films (1 new, 0 replaced)")
    film = Film.objects.get()
    assert (film.slug, film.year, film.budget_currency, film.color) == (
        "rooftops",
        2013,
        "USD",
        "color",
    )
    assert [c.person.display_name for c in film.credits.all()] == ["Shengze Zhu"]
    assert [c.country for c in film.countries.all()] == ["CN"]


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "films.jsonl"
    path.write_bytes(json.dumps({"title": "Ok"}).encode() + b"\n\xff\xfe\n")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import", str(path), stdout=io.StringIO(), stderr=err)
    assert err.getvalue().splitlines()[0] == "row 2, file: The file is not UTF-8 text (line 2)."
    assert Film.objects.count() == 0


def test_import_updates_the_search_index_in_its_transaction(
    tmp_path, django_capture_on_commit_callbacks
):
    from filmfolio.search.models import SearchDocument

    path = tmp_path / "films.jsonl"
    record = {"title": "Rooftops", "slug": "rooftops", "visibility": "public"}
    record["credits"] = [{"role": "director", "person": {"name": "Shengze Zhu"}}]
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _import(path)
    # Nothing is left for after the commit but the content version's second change
    # (core.versions), which pages cached during the transaction must not outlive.
    assert [c for c in callbacks if c.__module__ != "filmfolio.core.versions"] == []
    assert sorted(SearchDocument.objects.values_list("kind", "title")) == [
        ("film", "Rooftops"),
        ("person", "Shengze Zhu"),
    ]


def test_the_press_kit_csv_export_imports(tmp_path):
    from filmfolio.presskit.exports import csv_lines

    call_command("demo", stdout=io.StringIO())
    before = _export("--all")
    path = tmp_path / "presskit.csv"
    path.write_text("".join(csv_lines(records_for(Film.objects.all()))), encoding="utf-8")
    _wipe()
    out, _ = _import(path)
    assert out.startswith("Imported 3 films (3 new, 0 replaced)")
    assert _export("--all") == before

"""Titles read off a film's own domain or uploader handle, confirmed by the page's words."""

from filmfolio.importer.extract import extract_record
from filmfolio.importer.extract.title import handle_stems, handle_title, spelled_as_words


def test_handle_stems_need_a_film_marker():
    assert handle_stems("brightwatersthemovie") == ["brightwaters", "brightwatersthe"]
    assert handle_stems("bright-waters-movie") == ["brightwaters"]
    assert handle_stems("Lantern_TheFilm") == ["lantern"]
    assert handle_stems("ultimoverano-lapelicula") == ["ultimoverano"]
    assert handle_stems("harborcityfilm") == []
    assert handle_stems("brightwaters") == []
    assert handle_stems("tvmovie") == []


def test_spelled_as_words_wants_capitalised_runs_outside_company_names():
    text = "Bright Waters opens at dawn. bright waters again. Bright Waters Films presents."
    assert spelled_as_words("brightwaters", text) == ["Bright Waters"]


def test_uploader_handle_confirmed_by_the_text():
    page = "From brightwatersthemovie.\n\nTwo sisters row home. Bright Waters is their story."
    assert handle_title(page, []) == "Bright Waters"


def test_own_domain_with_accents_in_the_text():
    page = "Web: www.ultimoverano-lapelicula.es\nÚltimo Verano cuenta un viaje al norte."
    assert handle_title(page, []) == "Último Verano"


def test_no_title_without_a_marker_or_without_the_words():
    assert handle_title("Visit brightwaters.com\nBright Waters is their story.", []) is None
    assert handle_title("From rivermovie.\n\nA story told by the river.", []) is None
    assert handle_title("From harborcityfilm.\n\nShot in Harbor City in 2020.", []) is None


def test_no_title_from_a_company_a_person_or_two_handles():
    company = "www.lanternthefilm.com\nProduction: Lantern The Film House"
    assert handle_title(company, []) is None
    person = "From janedoemovie.\n\nDirector: Jane Doe"
    assert handle_title(person, ["Jane Doe"]) is None
    two = "www.redskymovie.com www.bluelakemovie.com\nRed Sky and Blue Lake."
    assert handle_title(two, []) is None


def test_record_marks_a_handle_title_as_a_guess():
    page = "From brightwatersthemovie.\n\nTwo sisters row home. Bright Waters is their story.\n"
    gold = extract_record(page).to_gold_dict()
    assert (gold["title"], gold["confidence"]["title"]) == ("Bright Waters", 0.3)


def test_a_stated_title_wins_over_a_handle():
    page = "Title: Night Ferry\nFrom brightwatersthemovie.\n\nBright Waters is a ferry.\n"
    gold = extract_record(page).to_gold_dict()
    assert (gold["title"], gold["confidence"]["title"]) == ("Night Ferry", 0.9)

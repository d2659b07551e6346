"""Bad inputs never raise: binary data, huge text, HTML with scripts, odd encodings, empty."""

from hypothesis import given, settings
from hypothesis import strategies as st

from filmfolio.importer.extract import extract_record
from filmfolio.importer.extract.clean import MAX_CHARS


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text(text):
    extract_record(text).to_gold_dict()


@settings(max_examples=100, deadline=None)
@given(st.binary())
def test_any_bytes(data):
    extract_record(data).to_gold_dict()


def test_binary_data_gives_empty_record_with_reason():
    record = extract_record(bytes(range(256)) * 100).to_gold_dict()
    assert record["title"] is None
    assert record["warnings"][0].startswith("binary data")


def test_ten_megabytes_are_cut_to_the_analysed_length():
    """Only the first MAX_CHARS characters are analysed, which bounds the work on huge pastes
    (its speed is measured by bench/bench_import.py, not here)."""
    text = ("Director: Ann Lee\nA long line of words about nothing in particular. " * 150_000)[
        :10_000_000
    ]
    record = extract_record(text).to_gold_dict()
    assert record["warnings"] == [
        f"long input: only the first {MAX_CHARS} characters were analysed"
    ]
    assert record["directors"] == ["Ann Lee"]


def test_html_with_scripts():
    page = "<html><body><script>var t='Director: X'</script><p>Director: Ann Lee</p></body></html>"
    assert extract_record(page).directors == ["Ann Lee"]


def test_empty_page():
    record = extract_record("").to_gold_dict()
    assert record["warnings"] == ["empty page: no text to analyse"]


def test_gb18030_and_latin1():
    assert extract_record("导演: 李安".encode("gb18030")).directors == ["李安"]
    assert extract_record("Réalisé par: Anne Dûval".encode("latin-1")).directors == ["Anne Dûval"]

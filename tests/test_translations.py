"""Every message is in Simplified Chinese: the catalogues have no empty or fuzzy translation and
no message twice, no translation drops or invents a placeholder, and every string the templates
and the Python code mark (as ``makemessages`` finds them) is in one of the project's
catalogues."""

from __future__ import annotations

import pytest

from tests.catalogue import Entry, extracted_messages, parse_po, placeholders, project_catalogues


def _catalogue_entries() -> list[tuple[str, Entry]]:
    return [
        (f"{path.relative_to(path.parents[5])}:{entry.line}", entry)
        for path in project_catalogues()
        for entry in parse_po(path.read_text("utf-8"))
    ]


def test_every_catalogue_is_found() -> None:
    names = [str(path.parents[3].name) for path in project_catalogues()]
    assert names == ["api", "filmfolio", "presskit"]


def test_no_entry_is_untranslated_or_fuzzy() -> None:
    bad = [
        f"{where}: {entry.msgid!r}"
        for where, entry in _catalogue_entries()
        if entry.fuzzy or not all(entry.msgstrs.values()) or not entry.msgstrs
    ]
    assert bad == []


def test_no_message_is_defined_twice_in_a_catalogue() -> None:
    # Branches append to the end of the same catalogue; a message added twice breaks msgfmt.
    twice = []
    for path in project_catalogues():
        seen: set[tuple[str | None, str]] = set()
        for entry in parse_po(path.read_text("utf-8")):
            if entry.key in seen:
                twice.append(f"{path.parents[3].name}:{entry.line}: {entry.msgid!r}")
            seen.add(entry.key)
    assert twice == []


def test_translations_keep_the_placeholders() -> None:
    bad = []
    for where, entry in _catalogue_entries():
        # Chinese has one plural form; it stands for every count, so it follows the plural id.
        expected = placeholders(entry.msgid_plural or entry.msgid)
        for index, text in entry.msgstrs.items():
            if placeholders(text) != expected:
                bad.append(f"{where}: msgstr[{index}] {text!r} has {placeholders(text)}")
    assert bad == []


def test_every_marked_string_is_in_a_catalogue() -> None:
    known = {entry.key for _where, entry in _catalogue_entries()}
    extracted = extracted_messages()
    missing = [entry.msgid for entry in extracted if entry.key not in known]
    assert missing == []
    # The extraction itself worked: the base template's strings are among those found.
    assert {(None, "Skip to content"), (None, "Log in")} <= {e.key for e in extracted}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("%(count)d films in %(year)s", ["%(count)d", "%(year)s"]),
        ("stops at %(done).1f s, 100%% done", ["%(done).1f"]),
        ("%s of %d", ["%d", "%s"]),
        ("no placeholder", []),
    ],
)
def test_placeholders_are_read_as_gettext_does(text: str, expected: list[str]) -> None:
    assert placeholders(text) == expected


def test_the_parser_reads_contexts_plurals_flags_and_continued_lines() -> None:
    entries = parse_po(
        'msgid ""\nmsgstr ""\n"Language: zh_Hans\\n"\n\n'
        '#, fuzzy, python-format\nmsgctxt "film"\nmsgid "%(n)s "\n"title"\n'
        'msgid_plural "%(n)s titles"\nmsgstr[0] "%(n)s 个片名"\n\n'
        'msgid "Save"\nmsgstr ""\n#~ msgid "Old"\n#~ msgstr "旧"\n'
    )
    assert [(e.msgctxt, e.msgid, e.msgid_plural, e.msgstrs, e.fuzzy) for e in entries] == [
        ("film", "%(n)s title", "%(n)s titles", {0: "%(n)s 个片名"}, True),
        (None, "Save", None, {0: ""}, False),
    ]

"""The evidence of festival entries (``festivals.evidence``): claimed by default, sourced only
with a page of the festival's own site and the date it was checked, confirmed never by an
edit; refusals change nothing, and every change of evidence is recorded on the film."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from filmfolio.core.audit import changes_for
from filmfolio.core.errors import ValidationFailedError
from filmfolio.core.models import ChangeRecord
from filmfolio.festivals import services
from filmfolio.festivals.models import Entry
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing.tests.factories import CollaboratorFactory

from .factories import EntryFactory, FestivalFactory

pytestmark = pytest.mark.django_db
CHECKED = datetime.date(2024, 5, 3)


@pytest.fixture
def owner():
    return CollaboratorFactory(role=CollaboratorRole.OWNER)


def _draft(**evidence):
    return services.EntryDraft(
        festival="reel", year=2014, result="won", award_name="Grand Prix", **evidence
    )


def test_an_entry_typed_by_hand_is_claimed(owner):
    FestivalFactory(name="Cinéma du Réel", slug="reel", website="https://www.cinema-du-reel.fr/")
    entry = services.entry_add(film=owner.film, actor=owner.user, draft=_draft())
    assert (entry.evidence, entry.evidence_url, entry.evidence_checked_on) == ("claimed", "", None)
    assert changes_for(owner.film).get().changes == {
        "entry": {"old": None, "new": "Winner: Grand Prix — 2014 Cinéma du Réel"}
    }


def test_a_sourced_entry_keeps_its_page_and_date_and_the_history_says_so(owner):
    FestivalFactory(name="Cinéma du Réel", slug="reel", website="https://www.cinema-du-reel.fr/")
    url = "https://cinema-du-reel.fr/en/palmares-2014"
    entry = services.entry_add(
        film=owner.film,
        actor=owner.user,
        draft=_draft(evidence="sourced", evidence_url=url, evidence_checked_on=CHECKED),
    )
    stored = Entry.objects.get(pk=entry.pk)
    assert (stored.evidence, stored.evidence_url, stored.evidence_checked_on) == (
        "sourced",
        url,
        CHECKED,
    )
    assert changes_for(owner.film).get().changes == {
        "entry": {"old": None, "new": "Winner: Grand Prix — 2014 Cinéma du Réel"},
        "evidence": {"old": None, "new": "sourced"},
        "evidence_url": {"old": None, "new": url},
        "evidence_checked_on": {"old": None, "new": "2024-05-03"},
    }


@pytest.mark.parametrize(
    ("evidence", "errors"),
    [
        (
            {"evidence": "confirmed"},
            {"evidence": ["Only the festival can confirm an entry, through Filmfolio."]},
        ),
        (
            {"evidence": "sourced", "evidence_checked_on": CHECKED},
            {"evidence_url": ["Give the address of the festival's page that lists it."]},
        ),
        (
            {"evidence": "sourced", "evidence_url": "https://award-mill.example/winners"},
            {
                "evidence_url": [
                    "This address is not on the festival's own site (cinema-du-reel.fr)."
                ],
                "evidence_checked_on": ["Give the date the source was checked."],
            },
        ),
        (
            {
                "evidence": "sourced",
                "evidence_url": "https://press.cinema-du-reel.fr/2014",
                "evidence_checked_on": "tomorrow",
            },
            {"evidence_checked_on": ["The date the source was checked is in the future."]},
        ),
    ],
)
def test_evidence_that_does_not_hold_is_refused_and_nothing_is_created(owner, evidence, errors):
    FestivalFactory(slug="reel", website="https://www.cinema-du-reel.fr/")
    if evidence.get("evidence_checked_on") == "tomorrow":
        evidence["evidence_checked_on"] = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationFailedError) as refused:
        services.entry_add(film=owner.film, actor=owner.user, draft=_draft(**evidence))
    assert refused.value.errors == errors
    assert (Entry.objects.count(), ChangeRecord.objects.count()) == (0, 0)


def test_a_claimed_entry_keeps_no_source(owner):
    FestivalFactory(slug="reel")
    entry = services.entry_add(
        film=owner.film,
        actor=owner.user,
        draft=_draft(evidence_url="https://reel.example/x", evidence_checked_on=CHECKED),
    )
    assert (entry.evidence, entry.evidence_url, entry.evidence_checked_on) == ("claimed", "", None)


def test_any_address_is_taken_while_the_festival_has_no_website(owner):
    FestivalFactory(slug="reel", website="")
    entry = services.entry_add(
        film=owner.film,
        actor=owner.user,
        draft=_draft(
            evidence="sourced",
            evidence_url="https://reel.example/2014",
            evidence_checked_on=CHECKED,
        ),
    )
    assert entry.evidence == "sourced"


@pytest.fixture
def confirmed(owner):
    return EntryFactory(
        film=owner.film,
        won=True,
        evidence="confirmed",
        confirmed_at=timezone.make_aware(datetime.datetime(2024, 11, 23, 12, 0)),
    )


@pytest.mark.parametrize(
    "change",
    [{"result": "special_mention"}, {"evidence": "claimed"}, {"date": CHECKED}],
)
def test_the_filmmaker_cannot_change_a_confirmed_entry(owner, confirmed, change):
    before = Entry.objects.filter(pk=confirmed.pk).values().get()
    entry = Entry.objects.get(pk=confirmed.pk)
    for name, value in change.items():
        setattr(entry, name, value)
    with pytest.raises(ValidationFailedError) as refused:
        services.entry_save(entry=entry, actor=owner.user)
    assert refused.value.errors == {
        "evidence": [
            "The festival confirmed this entry: its facts and evidence cannot be changed here. "
            "Remove it, or ask the festival to correct it."
        ]
    }
    assert Entry.objects.filter(pk=confirmed.pk).values().get() == before
    assert ChangeRecord.objects.count() == 0


def test_the_note_of_a_confirmed_entry_stays_the_filmmakers(owner, confirmed):
    entry = Entry.objects.get(pk=confirmed.pk)
    entry.note = "With the jury's words"
    services.entry_save(entry=entry, actor=owner.user)
    stored = Entry.objects.get(pk=confirmed.pk)
    assert (stored.note, stored.evidence) == ("With the jury's words", "confirmed")


def test_a_claimed_entry_sourced_later_is_recorded(owner):
    entry = EntryFactory(film=owner.film, edition__festival__website="https://reel.example")
    entry.evidence = "sourced"
    entry.evidence_url = "https://www.reel.example/selection"
    entry.evidence_checked_on = CHECKED
    services.entry_save(entry=entry, actor=owner.user)
    record = changes_for(owner.film).get()
    assert (record.action, record.section, record.changes) == (
        "update",
        "festivals",
        {
            "evidence": {"old": "claimed", "new": "sourced"},
            "evidence_url": {"old": "", "new": "https://www.reel.example/selection"},
            "evidence_checked_on": {"old": None, "new": "2024-05-03"},
        },
    )


def _studio_post(client, film, **evidence):
    return client.post(
        f"/studio/films/{film.slug}/festivals/",
        {
            "part": "entries",
            "festival_query": "Cinéma du Réel",
            "year": "2021",
            "result": "selected",
            **evidence,
        },
    )


def test_the_studio_records_a_sourced_entry(client, owner):
    FestivalFactory(name="Cinéma du Réel", slug="reel", website="https://www.cinema-du-reel.fr")
    client.force_login(owner.user)
    response = _studio_post(
        client,
        owner.film,
        evidence="sourced",
        evidence_url="cinema-du-reel.fr/en/selection-2021",
        evidence_checked_on="2024-05-03",
    )
    assert response.status_code == 302
    entry = Entry.objects.get()
    assert (entry.evidence, entry.evidence_url, entry.evidence_checked_on) == (
        "sourced",
        "https://cinema-du-reel.fr/en/selection-2021",
        CHECKED,
    )


@pytest.mark.parametrize(
    ("language", "evidence", "field", "message"),
    [
        (
            "en",
            {"evidence": "confirmed"},
            "evidence",
            "Select a valid choice. confirmed is not one of the available choices.",
        ),
        (
            "zh-hans",
            {"evidence": "sourced", "evidence_url": "https://mill.example/x"},
            "evidence_url",
            "此网址不在电影节的官方网站（cinema-du-reel.fr）上。",
        ),
    ],
)
def test_the_studio_refuses_evidence_that_does_not_hold(
    client, owner, language, evidence, field, message
):
    FestivalFactory(name="Cinéma du Réel", slug="reel", website="https://www.cinema-du-reel.fr")
    client.force_login(owner.user)
    client.cookies["django_language"] = language
    response = _studio_post(client, owner.film, evidence_checked_on="2024-05-03", **evidence)
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert (Entry.objects.count(), ChangeRecord.objects.count()) == (0, 0)

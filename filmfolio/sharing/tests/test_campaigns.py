"""Campaigns: a list of recipients (pasted or a CSV in UTF-8 or GB18030) becomes one screener
link and one e-mail per recipient, in their language; one bad row refuses the whole list."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from filmfolio.core.errors import ValidationFailedError
from filmfolio.core.models import ChangeRecord
from filmfolio.films.choices import CollaboratorRole
from filmfolio.sharing import campaigns, campaigns_lists
from filmfolio.sharing.models import Campaign, ScreenerLink
from filmfolio.sharing.tests.factories import CollaboratorFactory, FilmFactory

pytestmark = pytest.mark.django_db

LIST = (
    "Name,E-mail,Organisation,Language\n"
    "Ana Ruiz,ana@festival.example,Cinéma du Réel,en\n"
    "王芳,wang@fest.example.cn,FIRST 青年电影展,zh-hans\n"
)


def test_a_list_with_a_header_in_any_order_and_case():
    text = "LANGUAGE;Organization;email;Full Name\nzh;FIRST;Wang@Fest.example.cn;王芳\n"
    assert campaigns_lists.parse_recipients(text) == [
        campaigns_lists.Recipient(2, "王芳", "wang@fest.example.cn", "FIRST", "zh")
    ]


def test_a_list_without_a_header_is_read_in_the_usual_order():
    text = "Ana Ruiz\tana@festival.example\tCinéma du Réel\ten\nBo\tbo@example.org\n"
    assert campaigns_lists.parse_recipients(text) == [
        campaigns_lists.Recipient(1, "Ana Ruiz", "ana@festival.example", "Cinéma du Réel", "en"),
        campaigns_lists.Recipient(2, "Bo", "bo@example.org", "", ""),
    ]


def test_chinese_headers_and_a_byte_order_mark():
    data = "\ufeff姓名,邮箱,机构,语言\n王芳,wang@fest.example.cn,平遥国际电影展,zh-hans\n".encode()
    text = campaigns_lists.decode_list(data)
    assert campaigns_lists.parse_recipients(text) == [
        campaigns_lists.Recipient(2, "王芳", "wang@fest.example.cn", "平遥国际电影展", "zh-hans")
    ]


def test_a_gb18030_file_is_decoded():
    text = "姓名,邮箱,机构,语言\n王芳,wang@fest.example.cn,北京国际电影节纪录片单元,zh-hans\n"
    text += "李娜,li@fest.example.cn,上海国际电影节金爵奖评委会,zh-hans\n"
    assert campaigns_lists.decode_list(text.encode("gb18030")) == text


def test_every_bad_row_is_named_and_nothing_is_kept():
    text = (
        "name,email,organisation,language\n"
        "Ana,ana@festival.example,,en\n"
        ",nobody@example.org,,\n"
        "Bo,not-an-address,,\n"
        "Ana again,ANA@festival.example,,\n"
        "Cy,cy@example.org,,english please\n"
    )
    with pytest.raises(ValidationFailedError) as refused:
        campaigns_lists.parse_recipients(text)
    assert refused.value.message == "Nothing was sent: correct the list and try again."
    assert refused.value.errors == {
        "recipients": [
            "Row 3: name the recipient in at most 200 characters.",
            "Row 4: “not-an-address” is not an e-mail address.",
            "Row 5: ana@festival.example is already on row 2.",
            "Row 6: “english please” is not a language code such as en or zh-hans.",
        ]
    }


def test_an_empty_list_is_refused():
    with pytest.raises(ValidationFailedError) as refused:
        campaigns_lists.parse_recipients("name,email\n\n")
    assert refused.value.message == "The list names no recipients."


def test_a_list_longer_than_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(campaigns_lists, "MAX_RECIPIENTS", 2)
    rows = "".join(f"P{n},p{n}@example.org\n" for n in range(3))
    with pytest.raises(ValidationFailedError) as refused:
        campaigns_lists.parse_recipients(rows)
    assert refused.value.message == "A campaign goes to at most 2 recipients."


@pytest.fixture
def film_and_owner():
    film = FilmFactory(title="River of Salt")
    owner = CollaboratorFactory(film=film, role=CollaboratorRole.OWNER).user
    return film, owner


def test_a_campaign_makes_a_link_and_an_email_per_recipient(
    film_and_owner, django_capture_on_commit_callbacks
):
    film, owner = film_and_owner
    expires = timezone.now() + datetime.timedelta(days=10)
    controls = campaigns.CampaignControls(
        expires_at=expires, time_zone="Asia/Shanghai", max_plays=2, watermark="overlay"
    )
    recipients = campaigns_lists.parse_recipients(LIST)
    with django_capture_on_commit_callbacks(execute=True):
        campaign, sent = campaigns.campaign_create(
            film=film,
            actor=owner,
            name="Spring festivals",
            recipients=recipients,
            controls=controls,
            base_url="https://films.example.org/",
        )
    links = list(ScreenerLink.objects.filter(campaign=campaign).order_by("id"))
    assert [(link.recipient, link.recipient_email, link.recipient_language) for link in links] == [
        ("Ana Ruiz", "ana@festival.example", "en"),
        ("王芳", "wang@fest.example.cn", "zh-hans"),
    ]
    assert {(link.max_plays, link.time_zone, link.expires_at) for link in links} == {
        (2, "Asia/Shanghai", expires)
    }
    assert [item.link for item in sent] == links
    assert len({item.url for item in sent}) == 2
    assert all(item.url.startswith("https://films.example.org/share/s/") for item in sent)
    assert [message.to for message in mail.outbox] == [
        ["ana@festival.example"],
        ["wang@fest.example.cn"],
    ]
    english, chinese = mail.outbox
    assert english.subject == "A private screener of River of Salt"
    assert english.body.startswith("Dear Ana Ruiz,")
    assert sent[0].url in english.body and sent[1].url not in english.body
    assert "It plays the film 2 times." in english.body
    assert chinese.subject == "《River of Salt》的私人观片链接"
    assert chinese.body.startswith("王芳，您好：")
    assert sent[1].url in chinese.body
    assert "CST" in chinese.body  # the expiry in the recipient's time zone
    # one change record per link and one for the campaign
    assert ChangeRecord.objects.filter(object_id=film.pk).count() == 3


def test_a_language_the_site_does_not_write_gets_english():
    assert campaigns.email_language("fr") == "en"
    assert campaigns.email_language("zh") == "zh-hans"
    assert campaigns.email_language("ZH_CN") == "zh-hans"
    assert campaigns.email_language("") == "en"


@pytest.mark.parametrize(
    ("controls", "field"),
    [
        (campaigns.CampaignControls(time_zone="Mars/Olympus"), "time_zone"),
        (campaigns.CampaignControls(max_plays=0), "max_plays"),
        (campaigns.CampaignControls(delivery="fax"), "delivery"),
        (
            campaigns.CampaignControls(
                not_before=timezone.now() + datetime.timedelta(days=3),
                expires_at=timezone.now() + datetime.timedelta(days=2),
            ),
            "not_before",
        ),
        (campaigns.CampaignControls(password="x" * 500), "password"),
        (
            campaigns.CampaignControls(expires_at=timezone.now() - datetime.timedelta(days=1)),
            "expires_at",
        ),
    ],
)
def test_a_bad_control_refuses_the_whole_campaign(
    film_and_owner, controls, field, django_capture_on_commit_callbacks
):
    film, owner = film_and_owner
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(ValidationFailedError) as refused,
    ):
        campaigns.campaign_create(
            film=film,
            actor=owner,
            name="Spring festivals",
            recipients=campaigns_lists.parse_recipients(LIST),
            controls=controls,
        )
    assert field in refused.value.errors
    assert Campaign.objects.count() == 0
    assert ScreenerLink.objects.count() == 0
    assert ChangeRecord.objects.filter(object_id=film.pk).count() == 0
    assert mail.outbox == []


def test_only_an_owner_sends_a_campaign(film_and_owner):
    film, _owner = film_and_owner
    editor = CollaboratorFactory(film=film, role=CollaboratorRole.EDITOR).user
    with pytest.raises(Exception) as refused:
        campaigns.campaign_create(
            film=film,
            actor=editor,
            name="Spring festivals",
            recipients=campaigns_lists.parse_recipients(LIST),
            controls=campaigns.CampaignControls(),
        )
    assert type(refused.value).__name__ == "PermissionDeniedError"
    assert Campaign.objects.count() == 0
    assert ScreenerLink.objects.count() == 0


def _owner_client(owner):
    client = Client()
    client.force_login(owner)
    return client


def test_the_studio_sends_an_uploaded_list_and_shows_each_link_once(
    film_and_owner, django_capture_on_commit_callbacks
):
    film, owner = film_and_owner
    client = _owner_client(owner)
    upload = SimpleUploadedFile("list.csv", LIST.encode("gb18030"), content_type="text/csv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/studio/films/{film.slug}/reports/campaigns/new/",
            {
                "name": "Spring festivals",
                "recipients_file": upload,
                "delivery": "stream",
                "watermark": "overlay",
                "time_zone": "Asia/Shanghai",
                "expires_at": "2030-01-31T18:00",
            },
        )
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/studio/films/{film.slug}/reports/campaigns/{campaign.pk}/"
    link = ScreenerLink.objects.get(recipient="王芳")
    assert link.expires_at == datetime.datetime(2030, 1, 31, 10, 0, tzinfo=datetime.UTC)
    assert link.recipient_organisation == "FIRST 青年电影展"
    first = client.get(response["Location"]).content.decode()
    urls = [
        line.split()[-1] for m in mail.outbox for line in m.body.splitlines() if "/share/s/" in line
    ]
    assert len(urls) == 2
    assert all(f'value="{url}" id="campaign-link-' in first for url in urls)
    again = client.get(response["Location"]).content.decode()
    assert not any(url in again for url in urls)
    assert "王芳" in again


def test_the_studio_refuses_a_bad_list_with_its_rows(film_and_owner):
    film, owner = film_and_owner
    response = _owner_client(owner).post(
        f"/studio/films/{film.slug}/reports/campaigns/new/",
        {
            "name": "Spring festivals",
            "recipients_text": "Ana,ana@example.org\nBo,bo-at-example.org\nCy,ana@example.org\n",
            "delivery": "stream",
            "watermark": "overlay",
        },
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "Row 2: “bo-at-example.org” is not an e-mail address." in body
    assert "Row 3: ana@example.org is already on row 1." in body
    assert Campaign.objects.count() == 0
    assert ScreenerLink.objects.count() == 0
    assert mail.outbox == []


def test_the_studio_asks_for_recipients(film_and_owner):
    film, owner = film_and_owner
    response = _owner_client(owner).post(
        f"/studio/films/{film.slug}/reports/campaigns/new/",
        {"name": "Spring festivals", "delivery": "stream", "watermark": "overlay"},
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert response.status_code == 400
    assert "请粘贴收件人名单，或选择一个 CSV 文件。" in response.content.decode()
    assert Campaign.objects.count() == 0


def test_the_campaign_csv(film_and_owner):
    film, owner = film_and_owner
    campaign, _sent = campaigns.campaign_create(
        film=film,
        actor=owner,
        name="Spring festivals",
        recipients=campaigns_lists.parse_recipients(LIST),
        controls=campaigns.CampaignControls(),
    )
    response = _owner_client(owner).get(
        f"/studio/films/{film.slug}/reports/campaigns/{campaign.pk}/report.csv"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffRecipient,E-mail,")
    assert text.splitlines()[1:] == [
        "Ana Ruiz,ana@festival.example,Cinéma du Réel,Spring festivals,no,0,0,0.0,,0.0,,",
        "王芳,wang@fest.example.cn,FIRST 青年电影展,Spring festivals,no,0,0,0.0,,0.0,,",
    ]

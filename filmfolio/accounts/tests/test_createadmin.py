"""``filmfolio createadmin``: the first administrator, with or without questions."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import translation

from filmfolio.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "reel-to-reel-1974"


def test_creates_an_administrator_from_a_password_file(tmp_path):
    secret = tmp_path / "password"
    secret.write_text(PASSWORD + "\n")
    out = io.StringIO()
    call_command("createadmin", email="ada@example.org", password_file=str(secret), stdout=out)
    user = get_user_model().objects.get()
    assert (user.username, user.email, user.is_staff, user.is_superuser) == (
        "ada",
        "ada@example.org",
        True,
        True,
    )
    assert user.check_password(PASSWORD)
    assert out.getvalue() == (
        "Administrator ada created: sign in at /accounts/login/ and open /admin/.\n"
    )


def test_reads_the_password_from_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    UserFactory(username="ada", email="another@example.org")
    call_command("createadmin", email="ada@example.org", password_file="-", stdout=io.StringIO())
    admin = get_user_model().objects.get(email="ada@example.org")
    assert admin.username == "ada2"
    assert admin.check_password(PASSWORD)


def test_asks_at_a_terminal(monkeypatch):
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("builtins.input", lambda prompt: "grace@example.org")
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    call_command("createadmin", stdout=io.StringIO())
    assert list(get_user_model().objects.values_list("email", "is_superuser")) == [
        ("grace@example.org", True)
    ]


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        ("not-an-address", PASSWORD, "Enter a valid e-mail address."),
        ("ada@example.org", "short", "This password is too short."),
        ("ada@example.org", "password123", "This password is too common."),
    ],
)
def test_refuses_bad_input_and_creates_nothing(tmp_path, email, password, message):
    secret = tmp_path / "password"
    secret.write_text(password)
    with pytest.raises(CommandError) as error:
        call_command("createadmin", email=email, password_file=str(secret))
    assert message in str(error.value)
    assert get_user_model().objects.count() == 0


def test_refuses_a_taken_address_in_chinese(tmp_path):
    UserFactory(email="ada@example.org")
    secret = tmp_path / "password"
    secret.write_text(PASSWORD)
    with translation.override("zh-hans"), pytest.raises(CommandError) as error:
        call_command("createadmin", email="ADA@example.org", password_file=str(secret))
    assert str(error.value) == "已有账户使用此电子邮件地址。"
    assert get_user_model().objects.filter(is_superuser=True).count() == 0


def test_differing_passwords_create_nothing(monkeypatch):
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("builtins.input", lambda prompt: "grace@example.org")
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    with pytest.raises(CommandError, match=r"The two passwords differ; nothing was created\."):
        call_command("createadmin")
    assert get_user_model().objects.count() == 0


def test_check_exits_1_until_an_administrator_exists():
    UserFactory(username="viewer")
    with pytest.raises(SystemExit) as exit_status:
        call_command("createadmin", check=True)
    assert exit_status.value.code == 1
    get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    call_command("createadmin", check=True)  # returns: an administrator exists

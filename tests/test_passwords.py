"""Every project command that sets a password applies the password rules (issue 7, item 17)."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from ilacs.accounts.services import ensure_user

User = get_user_model()


@pytest.fixture
def real_password_rules(settings):
    """The project's rules (tests/conftest.py keeps fast hashing only)."""
    assert any("MinimumLength" in v["NAME"] for v in settings.AUTH_PASSWORD_VALIDATORS)


@pytest.mark.django_db
def test_createsuperuser_noinput_refuses_a_weak_password(monkeypatch, real_password_rules):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "password")
    with pytest.raises(CommandError, match="DJANGO_SUPERUSER_PASSWORD is not allowed.*too short"):
        call_command(
            "createsuperuser", "--noinput", "--username", "root", "--email", "r@example.org"
        )
    assert not User.objects.filter(username="root").exists()


@pytest.mark.django_db
def test_createsuperuser_noinput_refuses_a_password_like_the_username(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "administrator1")
    with pytest.raises(CommandError, match="too similar to the username"):
        call_command("createsuperuser", "--noinput", "--username", "administrator1", "--email", "")
    assert not User.objects.exists()


@pytest.mark.django_db
def test_createsuperuser_noinput_accepts_a_good_password(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "correct horse battery staple 42")
    call_command(
        "createsuperuser", "--noinput", "--username", "root", "--email", "", stdout=io.StringIO()
    )
    user = User.objects.get(username="root")
    assert user.is_superuser and user.check_password("correct horse battery staple 42")


@pytest.mark.django_db
def test_createsuperuser_asked_interactively_offers_no_bypass(monkeypatch):
    """Django asks "Bypass password validation and create user anyway?": the answer is no, and
    the person is asked again."""
    from django.contrib.auth.management.commands import createsuperuser as django_command

    answers = iter(["password", "password", "a much better passphrase", "a much better passphrase"])
    monkeypatch.setattr(django_command.getpass, "getpass", lambda prompt="": next(answers))
    asked = []

    def fake_input(prompt=""):
        asked.append(prompt)
        return "y"  # a person trying to bypass

    monkeypatch.setattr("builtins.input", fake_input)

    class Tty(io.StringIO):
        def isatty(self):
            return True

    call_command(
        "createsuperuser",
        "--username",
        "root",
        "--email",
        "",
        stdin=Tty(),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert not any(p.startswith("Bypass") for p in asked)
    assert User.objects.get(username="root").check_password("a much better passphrase")


@pytest.mark.django_db
def test_ensure_user_refuses_a_weak_password():
    with pytest.raises(ValueError, match="not allowed.*too short"):
        ensure_user("newcomer", "short")
    assert not User.objects.filter(username="newcomer").exists()

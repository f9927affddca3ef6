"""Signing in and out, lockout after repeated failures, cookie settings."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories import TEST_PASSWORD

LOGIN = "/accounts/sign-in/"


def _sign_in(client, username, password=TEST_PASSWORD, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def test_sign_in_page_is_govuk_styled(client, db):
    body = client.get(LOGIN).content.decode()
    assert 'class="govuk-input' in body
    assert 'autocomplete="current-password"' in body
    assert "csrfmiddlewaretoken" in body
    assert "govuk-service-navigation__service-name" in body and "ilacs" in body


def test_signed_out_visitors_are_sent_to_sign_in(client, db):
    response = client.get("/la/northbrook/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/la/northbrook/"


def test_sign_in_then_go_where_you_were_going(client, cast):
    response = _sign_in(client, "erin_editor", next="/la/northbrook/")
    assert response.status_code == 302
    assert response["Location"] == "/la/northbrook/"
    assert client.get("/la/northbrook/").status_code == 200


def test_sign_in_does_not_redirect_off_site(client, cast):
    response = _sign_in(client, "erin_editor", next="https://evil.example/")
    assert response["Location"] == reverse("home")


def test_wrong_password_shows_an_error_summary(client, cast):
    response = _sign_in(client, "erin_editor", "wrong password")
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter a correct username and password" in body
    assert "<title>Error: Sign in" in body


def test_empty_form_names_each_missing_field(client, db):
    body = client.post(LOGIN, {}).content.decode()
    assert "Enter your username" in body
    assert "Enter your password" in body
    assert 'href="#id_username"' in body


def test_lockout_after_repeated_failures(client, cast):
    for _ in range(settings.ILACS_LOCKOUT_FAILURES):
        _sign_in(client, "erin_editor", "wrong password")
    response = _sign_in(client, "erin_editor")  # right password, but paused
    assert response.status_code == 429
    body = response.content.decode()
    assert "Sign-in paused" in body
    assert "30 minutes" in body
    # Someone else at the same address is not locked out.
    assert _sign_in(client, "vic_viewer").status_code == 302


def test_sign_out_is_a_post(client, cast):
    client.force_login(cast.erin_editor)
    assert client.get("/accounts/sign-out/").status_code == 405
    response = client.post("/accounts/sign-out/")
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_signed_in_pages_offer_sign_out(client, cast):
    client.force_login(cast.erin_editor)
    body = client.get(reverse("home")).content.decode()
    assert 'action="/accounts/sign-out/"' in body
    assert "Sign out" in body


def test_session_and_csrf_cookies(client, cast):
    response = _sign_in(client, "erin_editor")
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["httponly"]
    assert session["samesite"] == "Lax"
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.CSRF_COOKIE_HTTPONLY
    assert settings.CSRF_COOKIE_SAMESITE == "Lax"


def _settings_in_subprocess(env: dict, names: list[str]) -> list[str]:
    code = f"import ilacs.settings as s; print('|'.join(str(getattr(s, n)) for n in {names!r}))"
    full_env = {k: v for k, v in os.environ.items() if k != "ILACS_SECRET_KEY"}
    full_env.update(env)
    out = subprocess.run(
        [sys.executable, "-c", code], env=full_env, capture_output=True, text=True, check=True
    ).stdout
    return out.strip().split("|")


def test_https_switch_makes_cookies_secure(tmp_path):
    names = ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SECURE_HSTS_SECONDS"]
    env = {"ILACS_DATA_DIR": str(tmp_path)}
    assert _settings_in_subprocess({**env, "ILACS_HTTPS": "1"}, names) == [
        "True",
        "True",
        "31536000",
    ]
    assert _settings_in_subprocess({**env, "ILACS_HTTPS": "0"}, names) == ["False", "False", "0"]


def test_secret_key_is_never_in_the_repository(tmp_path):
    env = {"ILACS_DATA_DIR": str(tmp_path)}
    (key,) = _settings_in_subprocess(env, ["SECRET_KEY"])
    assert (tmp_path / "secret_key").read_text().strip() == key
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"
    (given,) = _settings_in_subprocess({**env, "ILACS_SECRET_KEY": "from-the-environment"},
                                       ["SECRET_KEY"])  # fmt: skip
    assert given == "from-the-environment"


@pytest.mark.parametrize("header", ["X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"])
def test_security_headers(client, db, header):
    assert header in client.get(LOGIN)

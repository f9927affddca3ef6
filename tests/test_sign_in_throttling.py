"""Sign-in throttling by address as well as by username, and the client's address behind proxies."""

import pytest
from django.test import RequestFactory

from ilacs.accounts.client import client_ip
from tests.factories import TEST_PASSWORD

LOGIN = "/accounts/sign-in/"


def _sign_in(client, username, password=TEST_PASSWORD, **meta):
    return client.post(LOGIN, {"username": username, "password": password}, **meta)


def test_one_address_trying_many_usernames_is_paused(client, cast, settings):
    settings.ILACS_LOCKOUT_ADDRESS_FAILURES = 6
    for n in range(5):  # one wrong password each: never the per-username limit of 5
        assert _sign_in(client, f"guess{n}", "wrong password").status_code == 200
    assert _sign_in(client, "guess5", "wrong password").status_code == 429  # the sixth
    response = _sign_in(client, "erin_editor")  # the right password, but from that address
    assert response.status_code == 429
    assert "too many wrong passwords for this username, or from your network" in (
        response.content.decode()
    )
    # Another address is not paused.
    assert _sign_in(client, "erin_editor", REMOTE_ADDR="198.51.100.9").status_code == 302


def test_under_both_limits_sign_in_works(client, cast, settings):
    settings.ILACS_LOCKOUT_ADDRESS_FAILURES = 6
    for n in range(5):
        _sign_in(client, f"guess{n}", "wrong password")
    assert _sign_in(client, "erin_editor").status_code == 302


def test_signing_in_forgets_only_your_own_failures(client, cast, settings):
    """A valid account cannot be used to wipe the address's count of failures for others."""
    settings.ILACS_LOCKOUT_ADDRESS_FAILURES = 6
    for n in range(4):
        _sign_in(client, f"guess{n}", "wrong password")
    _sign_in(client, "vic_viewer", "wrong password")
    assert _sign_in(client, "vic_viewer").status_code == 302  # forgets vic's one failure
    client.post("/accounts/sign-out/")
    _sign_in(client, "guess9", "wrong password")
    _sign_in(client, "guess9", "wrong password")  # 4 + 2 = 6 from the address
    assert _sign_in(client, "erin_editor").status_code == 429


def test_x_forwarded_for_cannot_dodge_the_pause_without_a_trusted_proxy(client, cast, settings):
    settings.ILACS_LOCKOUT_ADDRESS_FAILURES = 3
    for n in range(3):
        _sign_in(client, f"guess{n}", "wrong password", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    response = _sign_in(client, "erin_editor", HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_each_client_is_counted_apart(client, cast, settings):
    settings.ILACS_TRUSTED_PROXIES = ["10.0.0.0/8"]
    settings.ILACS_LOCKOUT_ADDRESS_FAILURES = 3
    proxy = {"REMOTE_ADDR": "10.0.0.5"}
    for n in range(3):
        _sign_in(client, f"guess{n}", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy)
    assert (
        _sign_in(client, "erin_editor", HTTP_X_FORWARDED_FOR="203.0.113.7", **proxy).status_code
        == 429
    )
    # Everyone else behind the same proxy can still sign in.
    ok = _sign_in(client, "erin_editor", HTTP_X_FORWARDED_FOR="198.51.100.20", **proxy)
    assert ok.status_code == 302


def _ip(settings, proxies, remote, forwarded=None):
    settings.ILACS_TRUSTED_PROXIES = proxies
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **meta))


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "client"),
    [
        # No trusted proxy: the header is ignored, whatever it says.
        ([], "203.0.113.7", "1.2.3.4", "203.0.113.7"),
        ([], "203.0.113.7", None, "203.0.113.7"),
        # Through one trusted proxy.
        (["10.0.0.5"], "10.0.0.5", "203.0.113.7", "203.0.113.7"),
        # A client's forged entry on the left is skipped: the proxy appended the real one.
        (["10.0.0.5"], "10.0.0.5", "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        # Two trusted hops (a load balancer and a proxy), given as a network.
        (["10.0.0.0/8"], "10.0.0.5", "203.0.113.7, 10.1.2.3", "203.0.113.7"),
        # A connection that does not come from a trusted proxy: its header is not believed.
        (["10.0.0.5"], "203.0.113.50", "1.2.3.4", "203.0.113.50"),
        # Garbage in the header: the proxy's own address, not the garbage.
        (["10.0.0.5"], "10.0.0.5", "not-an-address", "10.0.0.5"),
        # IPv6, and addresses with ports.
        (["::1"], "::1", "[2001:db8::7]:443", "2001:db8::7"),
        (["10.0.0.5"], "10.0.0.5", "203.0.113.7:51234", "203.0.113.7"),
        # Only trusted hops in the header: the left-most.
        (["10.0.0.0/8"], "10.0.0.5", "10.9.9.9", "10.9.9.9"),
    ],
)
def test_client_address(settings, proxies, remote, forwarded, client):
    assert _ip(settings, proxies, remote, forwarded) == client

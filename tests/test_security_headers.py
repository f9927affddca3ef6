"""Headers that protect council data: the Content-Security-Policy on every page, and no copy of a
signed-in page kept by a browser cache or a proxy (static files keep their caching)."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from ilacs.plans import services
from tests.factories import InspectionFactory

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy_of(response) -> dict[str, str]:
    """The Content-Security-Policy header as {directive: sources} (its order does not matter)."""
    parts = response["Content-Security-Policy"].split(";")
    return dict(part.strip().split(" ", 1) for part in parts)


@pytest.fixture
def pages(cast):
    """A signed-in page of each kind: home, council, inspection, report download, plan,
    dashboard, action, history, a form, help and the Django admin."""
    inspection = InspectionFactory(local_authority=cast.northbrook, published=dt.date(2024, 4, 26))
    plan = services.create_plan(inspection, user=cast.erin_editor)
    action = services.add_action(plan, user=cast.erin_editor, title="Workshops", lead_role="AD")
    slug = "northbrook"
    return {
        "home": reverse("home"),
        "council": reverse("localauthorities:detail", args=[slug]),
        "inspection": reverse("inspections:detail", args=[slug, inspection.pk]),
        "upload": reverse("inspections:upload", args=[slug]),
        "plan": plan.get_absolute_url(),
        "dashboard": reverse("plans:dashboard", args=[slug, plan.pk]),
        "history": reverse("plans:history", args=[slug, plan.pk]),
        "action": action.get_absolute_url(),
        "action edit": reverse("plans:action_edit", args=[slug, plan.pk, action.number]),
        "rag help": reverse("help:rag"),
    }


class _InlineCode(HTMLParser):
    """Inline scripts, style elements, style attributes and on... handlers: what the policy
    refuses."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "script" and "src" not in names and names.get("type") != "application/json":
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        self.found += [f"{tag} {name}=" for name in names if name == "style" or name[:2] == "on"]


def test_every_page_sends_the_policy_and_has_no_inline_code(client, cast, pages):
    client.force_login(cast.sam_superuser)
    for name, url in {**pages, "admin": "/admin/"}.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert policy_of(response) == POLICY, name
        parser = _InlineCode()
        parser.feed(response.content.decode())
        assert parser.found == [], name


def test_the_sign_in_page_sends_the_policy(client, db):
    response = client.get(reverse("accounts:login"))
    assert policy_of(response) == POLICY


def test_signed_in_pages_are_never_stored(client, cast, pages):
    client.force_login(cast.vic_viewer)
    for name, url in pages.items():
        response = client.get(url)
        assert response["Cache-Control"] == "no-store", name


def test_a_refusal_to_a_signed_in_person_is_not_stored_either(client, cast, pages):
    client.force_login(cast.olly_other_la)  # another council's member: 404 for Northbrook
    response = client.get(pages["plan"])
    assert response.status_code == 404
    assert response["Cache-Control"] == "no-store"


def test_static_files_keep_their_caching(settings, cast):
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    client = Client()  # a new client builds the middleware with these settings
    client.force_login(cast.vic_viewer)
    response = client.get("/static/ilacs/ilacs.css")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=60, public"  # WhiteNoise's, for unhashed names

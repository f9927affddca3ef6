"""Managing a council's members, and your own password, in a browser."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from ilacs.accounts.models import Membership
from tests.browser.support import check_page

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a long new password 42"


def test_an_admin_manages_the_councils_members(signed_in_page, cast):
    page = signed_in_page("alice_admin")
    page.goto("/la/northbrook/")
    page.get_by_role("link", name="Manage Northbrook's members").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Members")
    expect(page.get_by_role("row", name=re.compile("Erin"))).to_contain_text("Editor")
    check_page(page, "members")

    page.get_by_role("button", name="Add a member").click()
    page.get_by_role("button", name="Add member").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter their email address")
    check_page(page, "member-add-errors")
    page.get_by_label("Email address").fill("pat.lead@northbrook.gov.uk")
    page.get_by_label("First name").fill("Pat")
    page.get_by_label("Last name").fill("Lead")
    page.get_by_label("Contributor").check()
    page.get_by_role("button", name="Add member").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Pat Lead has been added as contributor."
    )
    assert mail.outbox[-1].to == ["pat.lead@northbrook.gov.uk"]

    page.get_by_role("link", name="Change Erin").click()
    check_page(page, "member-detail")
    page.get_by_label("Viewer").check()
    page.get_by_role("button", name="Save role").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Erin is now viewer.")

    page.get_by_role("link", name="Change Vic").click()
    page.get_by_role("button", name="Remove Vic from Northbrook").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remove Vic from Northbrook?")
    check_page(page, "member-remove")
    page.get_by_role("button", name="Remove from Northbrook").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "Vic has been removed from Northbrook."
    )
    assert not Membership.objects.filter(user=cast.vic_viewer).exists()


def test_the_last_admin_is_told_why_they_cannot_step_down(signed_in_page, cast):
    page = signed_in_page("alice_admin")
    page.goto("/la/northbrook/members/")
    page.get_by_role("link", name="Change Alice").click()
    page.get_by_label("Editor").check()
    page.get_by_role("button", name="Save role").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Alice is Northbrook's only admin."
    )
    check_page(page, "member-last-admin", mobile=False)


def test_changing_your_password(signed_in_page, cast):
    page = signed_in_page("vic_viewer")
    page.get_by_role("link", name="Your password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your password")
    check_page(page, "password-change")
    page.get_by_label("Current password").fill("wrong")
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm new password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change password").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Your current password is not")
    check_page(page, "password-change-errors", mobile=False)


def test_resetting_a_forgotten_password(page, cast):
    cast.erin_editor.email = "erin@northbrook.gov.uk"
    cast.erin_editor.save()
    page.goto("/accounts/sign-in/")
    page.get_by_role("link", name="I have forgotten my password").click()
    check_page(page, "password-reset")
    page.get_by_label("Email address").fill("erin@northbrook.gov.uk")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    check_page(page, "password-reset-sent", mobile=False)
    link = re.search(r"http://[^/\s]+(/accounts/password/reset/\S+)", mail.outbox[-1].body)[1]
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    check_page(page, "password-reset-choose")
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirm new password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save password").click()
    expect(page.locator("main")).to_contain_text("Password saved")
    check_page(page, "password-reset-done", mobile=False)


def test_an_admin_sees_who_has_read_what(signed_in_page, sample_inspection, cast):
    erin = Client()
    erin.force_login(cast.erin_editor)
    source = reverse("inspections:source", args=["northbrook", sample_inspection.pk])
    assert erin.get(source).status_code == 200
    page = signed_in_page("alice_admin")
    page.goto("/la/northbrook/members/")
    page.get_by_role("link", name="Who has read what").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Who has read what")
    row = page.get_by_role("row", name=re.compile("Erin"))
    expect(row).to_contain_text("Downloaded an inspection report")
    expect(row).to_contain_text("sample_report.txt (ILACS inspection, 4 to 15 March 2024)")
    check_page(page, "audit-reads")

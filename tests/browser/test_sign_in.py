"""Signing in and out in a real browser: messages, lockout, keyboard only."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.support import SIGN_IN, SIGN_OUT_BUTTON, check_page, sign_in

pytestmark = pytest.mark.browser


def test_sign_in_page_and_a_wrong_password(page, cast):
    page.goto(SIGN_IN)
    expect(page).to_have_title("Sign in – ilacs")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to ilacs")
    check_page(page, "sign-in")

    sign_in(page, "erin_editor", "not the password", expect_success=False)
    expect(page).to_have_title("Error: Sign in – ilacs")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text(
        "Enter a correct username and password. Both are case-sensitive."
    )
    # GOV.UK Frontend moves focus to the summary, so a screen reader announces it at once.
    expect(summary).to_be_focused()
    # The password is never sent back into the form; the username is kept.
    expect(page.get_by_label("Password")).to_have_value("")
    expect(page.get_by_label("Username")).to_have_value("erin_editor")
    check_page(page, "sign-in-error")

    page.locator(".govuk-error-summary__list a").click()
    expect(page.get_by_label("Username")).to_be_focused()


def test_empty_form_names_both_fields(page, db):
    page.goto(SIGN_IN)
    page.get_by_role("button", name="Sign in", exact=True).click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter your username")
    expect(summary).to_contain_text("Enter your password")
    expect(page.locator("#id_password-error")).to_have_text("Error: Enter your password")


def test_sign_in_takes_you_where_you_were_going(page, cast):
    page.goto("/la/northbrook/")
    assert page.url.endswith(f"{SIGN_IN}?next=/la/northbrook/")
    page.get_by_label("Username").fill("vic_viewer")
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Northbrook")
    assert page.url.endswith("/la/northbrook/")


def test_lockout_after_repeated_wrong_passwords(page, cast):
    for _ in range(settings.ILACS_LOCKOUT_FAILURES - 1):
        sign_in(page, "erin_editor", "not the password", expect_success=False)
        expect(page.locator(".govuk-error-summary")).to_be_visible()
    # The last wrong password the limit allows pauses signing in...
    sign_in(page, "erin_editor", "not the password", expect_success=False)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign-in paused")
    # ...even with the right password.
    sign_in(page, "erin_editor", expect_success=False)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign-in paused")
    expect(page.locator("main")).to_contain_text("signing in is paused for 30 minutes")
    expect(page.get_by_role("button", name=SIGN_OUT_BUTTON)).to_have_count(0)
    check_page(page, "sign-in-paused")


def test_sign_out(signed_in_page, cast):
    page = signed_in_page("erin_editor")
    page.get_by_role("button", name=SIGN_OUT_BUTTON).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to ilacs")
    expect(page.get_by_role("button", name=SIGN_OUT_BUTTON)).to_have_count(0)
    # The session is gone: a page that needs signing in sends you back to the form.
    page.goto("/")
    assert page.url.endswith(f"{SIGN_IN}?next=/")


def test_keyboard_only(page, cast):
    """Tab to the skip link, follow it to the main content, sign in without a mouse."""
    page.goto(SIGN_IN)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["width"] > 10 and box["height"] > 10 and box["y"] >= 0, box  # visible
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()

    page.keyboard.press("Tab")
    expect(page.get_by_label("Username")).to_be_focused()
    page.keyboard.type("vic_viewer")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type("correct horse battery staple")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your local authorities")

    # On a signed-in page the skip link passes over the header's links.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Northbrook")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Northbrook")

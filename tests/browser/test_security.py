"""The Content-Security-Policy in a real browser: the pages pass it (every browser test fails on a
violation, see conftest.py), and it does refuse what it should."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.support import csp_violations, sign_in

pytestmark = pytest.mark.browser


def test_gov_uk_frontend_still_starts_under_the_policy(signed_in_page, sample_inspection):
    """The scripts moved out of the page into static files still run: the body is marked for
    JavaScript and GOV.UK Frontend started its components."""
    page = signed_in_page("erin_editor")
    page.goto(sample_inspection.get_absolute_url())
    assert page.evaluate("document.body.className") == (
        "govuk-template__body js-enabled govuk-frontend-supported"
    )
    expect(page.locator("[data-module=govuk-skip-link]")).to_have_attribute(
        "data-govuk-skip-link-init", ""
    )


def test_the_policy_refuses_an_inline_script_and_the_tests_see_it(browser, live_server, cast):
    """What the browser tests rely on: a script or style put into the page (as an injection would)
    is refused, and reported where `make_page` looks for it."""
    context = browser.new_context(base_url=live_server.url)
    try:
        page = context.new_page()
        violations = csp_violations(page)
        sign_in(page, cast.erin_editor)
        page.evaluate(
            """() => {
                const s = document.createElement('script');
                s.textContent = 'document.title = "injected"';
                document.body.appendChild(s);
                const d = document.createElement('div');
                d.setAttribute('style', 'color: red');
                document.body.appendChild(d);
            }"""
        )
        for _ in range(20):  # console messages arrive asynchronously
            if len(violations) >= 2:
                break
            page.wait_for_timeout(100)
        assert page.title() != "injected"
        assert len(violations) == 2, violations
        assert "Executing inline script violates" in violations[0]
        assert "inline style" in violations[1]
    finally:
        context.close()

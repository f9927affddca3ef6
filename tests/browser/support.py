"""Helpers for browser tests: signing in, axe-core, screenshots. Importable from any test:

    from tests.browser.support import assert_accessible, check_page, sign_in

See tests/browser/README.md for the fixtures (`page`, `signed_in_page`, `sample_inspection`...).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from tests.factories import TEST_PASSWORD

# Debian's chromium; never a browser downloaded by a test tool. ILACS_CHROMIUM overrides the path.
CHROMIUM = Path(os.environ.get("ILACS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-extensions",
    # Tests never reach the internet: every host name but the live server's fails to resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]

# Milliseconds. Pages are rendered on the server from a local database: anything slower is a bug.
DEFAULT_TIMEOUT_MS = int(os.environ.get("ILACS_BROWSER_TIMEOUT_MS", "5000"))

SHOTS = Path(os.environ.get("ILACS_SHOTS_DIR", "/tmp/shots"))
# check_page() takes screenshots only when asked: `python -m tests.browser.screenshots` sets this.
TAKE_SCREENSHOTS = os.environ.get("ILACS_SCREENSHOTS", "").strip().lower() in {"1", "true", "yes"}
SCREENSHOTS = SHOTS / "browser"
FAILURES = SHOTS / "failures"

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 375, "height": 812}
# Context options for a phone: `make_page(**MOBILE_CONTEXT)` (see conftest.py).
MOBILE_CONTEXT: dict[str, Any] = {
    "viewport": MOBILE,
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}

SIGN_IN = "/accounts/sign-in/"
SIGN_OUT_BUTTON = re.compile(r"^Sign out")


def username_of(user: Any) -> str:
    """A username from a user object or a username."""
    return user if isinstance(user, str) else user.get_username()


def sign_in(page, user, password: str = TEST_PASSWORD, *, expect_success: bool = True):
    """Sign in through the real sign-in form, as a person would. `user` is a user or a username;
    every factory-made user (tests/base.py's cast) has the password `TEST_PASSWORD`. Whoever was
    signed in on the page is signed out first.

    With `expect_success` (the default) it waits for the header's Sign out button, and fails with
    what the page says when it does not appear."""
    from playwright.sync_api import expect

    page.goto(SIGN_IN)
    signed_in_as_someone = _sign_out_button(page)
    if signed_in_as_someone.count():  # the sign-in page sent us home: sign out first
        open_header_menu(page)
        signed_in_as_someone.click()
        page.wait_for_url(f"**{SIGN_IN}")
    page.get_by_label("Username").fill(username_of(user))
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_load_state()
    if expect_success:
        sign_out = _sign_out_button(page)
        if not sign_out.count():
            main = page.locator("main").inner_text() if page.locator("main").count() else ""
            raise AssertionError(f"could not sign in as {username_of(user)}: {main[:500]}")
        open_header_menu(page)
        expect(sign_out).to_be_visible()
    return page


def _sign_out_button(page):
    """The header's Sign out button, also while it is folded into the phone-width menu (where
    get_by_role, which sees only what is shown, would not find it)."""
    return page.locator("header button").filter(has_text=SIGN_OUT_BUTTON)


def open_header_menu(page) -> None:
    """On a phone GOV.UK's service navigation folds its links and Sign out under a Menu button:
    open it, as a person would. Nothing to do where the navigation is shown in full."""
    menu = page.get_by_role("banner").get_by_role("button", name="Menu")
    if menu.count() and menu.is_visible() and menu.get_attribute("aria-expanded") != "true":
        menu.click()


def csp_violations(page) -> list[str]:
    """A list that fills with each Content-Security-Policy violation the browser reports on the
    page's console from now on ("Executing inline script violates the following Content Security
    Policy directive ...")."""
    found: list[str] = []

    def _note(message) -> None:
        if message.type == "error" and "Content Security Policy" in message.text:
            found.append(message.text)

    page.on("console", _note)
    return found


# --- accessibility ------------------------------------------------------------------------------

_axe = None


def _axe_runner():
    global _axe
    if _axe is None:
        # axe-playwright-python bundles axe.min.js (axe-core 4.x): nothing is fetched.
        from axe_playwright_python.sync_playwright import Axe

        _axe = Axe()
    return _axe


def axe_check(
    page, *, impacts: tuple[str, ...] = ("serious", "critical"), context: str | None = None
) -> list[str]:
    """Run axe-core on the page as it is now; one readable line per failing element whose
    violation is of one of `impacts` (serious and critical by default). `context` is an optional
    CSS selector to check part of the page. Empty list: nothing found."""
    results = _axe_runner().run(page, context=context)
    problems = []
    for violation in results.response["violations"]:
        if violation.get("impact") not in impacts:
            continue
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = " ".join((node.get("failureSummary") or "").split())
            problems.append(
                f"[{violation['impact']}] {violation['id']}: {violation['help']} "
                f"at {target!r} ({summary}) {violation['helpUrl']}"
            )
    return problems


def assert_accessible(page, **kwargs: Any) -> None:
    """Fail, listing them, when axe finds serious or critical violations on the page."""
    problems = axe_check(page, **kwargs)
    assert not problems, f"axe on {page.url}:\n" + "\n".join(problems)


# --- screenshots --------------------------------------------------------------------------------


def screenshot(page, name: str, *, mobile: bool = True) -> list[Path]:
    """Full-page screenshots into /tmp/shots/browser/: NAME-desktop.png and, with `mobile`, the
    same page at phone width as NAME-mobile.png (the viewport is put back afterwards)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    paths = []
    size = page.viewport_size
    width = size["width"] if size else DESKTOP["width"]
    kind = "mobile" if width <= MOBILE["width"] else "desktop"
    path = SCREENSHOTS / f"{name}-{kind}.png"
    page.screenshot(path=str(path), full_page=True)
    paths.append(path)
    if mobile and kind == "desktop":
        page.set_viewport_size(MOBILE)
        path = SCREENSHOTS / f"{name}-mobile.png"
        page.screenshot(path=str(path), full_page=True)
        paths.append(path)
        page.set_viewport_size(size or DESKTOP)
    return paths


def check_page(page, name: str, *, mobile: bool = True) -> None:
    """What every page gets: axe finds no serious or critical violations, the page fits a phone's
    width (no sideways scrolling); and, with ILACS_SCREENSHOTS=1, screenshots named NAME (see
    `screenshot`)."""
    assert_accessible(page)
    assert_fits_phone(page)
    if TAKE_SCREENSHOTS:
        screenshot(page, name, mobile=mobile)


def assert_fits_phone(page) -> None:
    """Fail when the page at phone width (375 CSS pixels) scrolls sideways: something on it is
    wider than the screen. The viewport is put back afterwards."""
    size = page.viewport_size
    narrow = size is not None and size["width"] <= MOBILE["width"]
    if not narrow:
        page.set_viewport_size(MOBILE)
    try:
        extra = overflow_x(page)
        wide = page.evaluate(WIDEST_ELEMENTS_JS, MOBILE["width"]) if extra > 0 else []
    finally:
        if not narrow:
            page.set_viewport_size(size or DESKTOP)
    assert extra <= 0, f"{page.url} is {extra}px wider than a phone; too wide: {wide}"


WIDEST_ELEMENTS_JS = """width => Array.from(document.querySelectorAll('body *'))
  .filter(e => e.getBoundingClientRect().right > width + 0.5)
  .filter(e => !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 0.5))
  .slice(0, 5)
  .map(e => e.tagName.toLowerCase()
    + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
    + ' (' + Math.round(e.getBoundingClientRect().right) + 'px)')"""


def overflow_x(page) -> int:
    """How many CSS pixels the page is wider than the viewport (0: no sideways scrolling)."""
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )

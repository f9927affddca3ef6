"""Browser test fixtures: Debian's chromium driven by Playwright against pytest-django's
live_server. How to use them: tests/browser/README.md.

    browser            one headless chromium for the whole session
    make_page(**opts)  a new page in a fresh browser context (options: Playwright's
                       new_context, e.g. **MOBILE_CONTEXT); screenshot on failure
    page               make_page() at desktop size, base_url = the live server
    mobile_page        make_page(**MOBILE_CONTEXT): a phone
    signed_in_page     signed_in_page(user_or_username) -> `page`, signed in through the form
    sample_inspection  tests/base.py's cast + the project's fictional sample report ingested
                       for Northbrook by erin_editor (an Inspection)

When /usr/bin/chromium is missing the tests are skipped, unless ILACS_REQUIRE_BROWSER=1
(.ci/run sets it), when they fail.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

import pytest

from tests.browser.support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DEFAULT_TIMEOUT_MS,
    DESKTOP,
    FAILURES,
    MOBILE_CONTEXT,
    csp_violations,
    sign_in,
)

_REPORTS = pytest.StashKey[dict]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so that fixtures can see a failure."""
    report = yield
    item.stash.setdefault(_REPORTS, {})[report.when] = report
    return report


def _require_browser() -> bool:
    return os.environ.get("ILACS_REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes"}


def _no_browser(reason: str):
    if _require_browser():
        pytest.fail(f"{reason} (ILACS_REQUIRE_BROWSER is set, so this is a failure)", pytrace=False)
    pytest.skip(f"{reason}; set ILACS_REQUIRE_BROWSER=1 to make this a failure")


@pytest.fixture(scope="session")
def browser():
    """One headless chromium for the session."""
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        _no_browser(f"no browser at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - playwright is a pinned dev dependency
        _no_browser(f"the playwright package is not installed ({exc})")

    # Playwright's sync API keeps an asyncio loop running in this thread, so Django would refuse
    # ORM calls from test code ("SynchronousOnlyOperation"). The test code is synchronous; allow
    # it only while the browser is open.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _safe_name(nodeid: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", nodeid.split("/")[-1]).strip("_")[:150]


@pytest.fixture
def make_page(request, browser, live_server, transactional_db):
    """make_page(**context_options) -> a page in a new browser context whose base_url is the live
    server (so `page.goto("/la/northbrook/")`). Small timeouts; a screenshot of each page into
    /tmp/shots/failures/ when the test fails; the test fails if a page had a JavaScript error,
    asked for anything not on the live server, or broke the Content-Security-Policy (an inline
    script or style, anything the policy refuses: the browser reports it on the console)."""
    server = urlsplit(live_server.url)
    opened = []

    def _make_page(**options):
        options.setdefault("viewport", DESKTOP)
        options.setdefault("locale", "en-GB")
        options.setdefault("timezone_id", "Europe/London")
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        context.set_default_navigation_timeout(DEFAULT_TIMEOUT_MS * 2)
        new_page = context.new_page()
        record = {"page": new_page, "errors": [], "outside": [], "csp": csp_violations(new_page)}
        new_page.on("pageerror", lambda error: record["errors"].append(str(error)))

        def _note_request(req):
            parts = urlsplit(req.url)
            if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != server.netloc:
                record["outside"].append(req.url)

        context.on("request", _note_request)
        opened.append((context, record))
        return new_page

    yield _make_page

    reports = request.node.stash.get(_REPORTS, {})
    failed = any(r.failed for r in reports.values())
    problems = []
    for number, (context, record) in enumerate(opened):
        if failed:
            FAILURES.mkdir(parents=True, exist_ok=True)
            suffix = f"-{number}" if number else ""
            path = FAILURES / f"{_safe_name(request.node.nodeid)}{suffix}.png"
            try:
                record["page"].screenshot(path=str(path), full_page=True)
                print(f"screenshot of the failure: {path}")
            except Exception as exc:  # the page may have gone: say so, do not hide the failure
                print(f"no screenshot of the failure ({exc})")
        problems += [f"JavaScript error: {e}" for e in record["errors"]]
        problems += [f"request outside the live server: {u}" for u in record["outside"]]
        problems += [f"Content-Security-Policy violation: {text}" for text in record["csp"]]
        context.close()
    if problems and not failed:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def page(make_page):
    """A desktop-sized page (1280x800) in a fresh context, signed out."""
    return make_page()


@pytest.fixture
def mobile_page(make_page):
    """A phone-sized page (375 CSS pixels wide, mobile, touch) in a fresh context, signed out."""
    return make_page(**MOBILE_CONTEXT)


@pytest.fixture
def signed_in_page(page):
    """signed_in_page(user_or_username, password=TEST_PASSWORD) -> `page`, signed in through the
    real sign-in form. The user must exist: ask for `cast` or `sample_inspection` too."""

    def _signed_in_page(user, password=None):
        return sign_in(page, user, *([password] if password else []))

    return _signed_in_page


@pytest.fixture
def sample_inspection(cast):
    """The project's fictional sample report (ilacs.extraction.sample), read by the real
    extractor and added for Northbrook by erin_editor. Returns the Inspection; `cast` holds the
    people (tests/base.py)."""
    from ilacs.extraction.sample import sample_report_path
    from ilacs.inspections.services import ingest_file

    result = ingest_file(
        sample_report_path().read_bytes(), "sample_report.txt", user=cast.erin_editor
    )
    assert result.ok, result.summary()
    return result.inspections[0]


@pytest.fixture
def reference_councils(transactional_db):
    """Every real English council from the committed reference data. A data migration loads them,
    but live_server tests empty the database after each test, so a browser test that needs them
    asks for this (about half a second)."""
    from ilacs.localauthorities.models import LocalAuthority
    from ilacs.localauthorities.services import load_local_authorities

    if not LocalAuthority.objects.filter(is_fictional=False).exists():
        load_local_authorities()

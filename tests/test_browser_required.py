"""A missing browser skips the browser tests on a developer's machine, and fails them in CI
(ILACS_REQUIRE_BROWSER=1, set by .ci/run): never a silent pass."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ONE_BROWSER_TEST = "tests/browser/test_sign_in.py::test_keyboard_only"


def _run(**env: str) -> subprocess.CompletedProcess:
    full_env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "ILACS_REQUIRE_BROWSER", "PYTEST_ADDOPTS"}
    }  # SQLite in memory: never the test database this run is using
    full_env.update(ILACS_CHROMIUM="/nonexistent/chromium", **env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", ONE_BROWSER_TEST, "-q", "-rs", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("require", "status", "says"),
    [
        ("", 0, "1 skipped"),
        ("1", 1, "1 error"),
    ],
)
def test_missing_browser(require, status, says):
    result = _run(ILACS_REQUIRE_BROWSER=require)
    output = result.stdout + result.stderr
    assert result.returncode == status, output
    assert says in output, output
    assert "no browser at /nonexistent/chromium (apt-get install chromium)" in output

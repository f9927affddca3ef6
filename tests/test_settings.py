"""Settings come from environment variables: a mistake in one stops ilacs at start-up naming it,
and every variable settings.py reads is documented in docs/web.md."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ROOT / "src" / "ilacs" / "settings.py"
WEB_DOCS = ROOT / "docs" / "web.md"


def _call_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_call_name(node.value)}.{node.attr}"
    return ""


def variables_read(source: str) -> dict[str, str]:
    """Every environment variable named in the source, with how it is read: the first argument
    of os.environ.get / os.getenv / the _env* helpers, and os.environ["..."]."""
    found: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = _call_name(node.func)
            reader = name in {"os.environ.get", "os.getenv"} or name.startswith("_env")
            args = node.args[:1]
        elif isinstance(node, ast.Subscript):
            name = _call_name(node.value)
            reader = name == "os.environ"
            args = [node.slice]
        else:
            continue
        for arg in args:
            if reader and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found[arg.value] = name
    return found


SETTINGS_VARIABLES = variables_read(SETTINGS.read_text())
SWITCHES = sorted(v for v, how in SETTINGS_VARIABLES.items() if how == "_env_bool")
NUMBERS = sorted(v for v, how in SETTINGS_VARIABLES.items() if how in {"_env_int", "_env_float"})


def test_the_source_reader_finds_the_variables():
    """The scan below is only as good as this: it sees each way settings.py reads a variable."""
    assert {"DATABASE_URL", "ILACS_DATA_DIR", "ILACS_SECRET_KEY", "ILACS_LOG_LEVEL"} <= set(
        SETTINGS_VARIABLES
    )
    assert "ILACS_HTTPS" in SWITCHES and "ILACS_SESSION_HOURS" in NUMBERS
    assert variables_read('os.environ["A_B"]; os.getenv("C")') == {
        "A_B": "os.environ",
        "C": "os.getenv",
    }


def test_every_variable_settings_reads_is_documented():
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", WEB_DOCS.read_text()))
    missing = sorted(set(SETTINGS_VARIABLES) - documented)
    assert missing == [], (
        f"settings.py reads {', '.join(missing)}: add each to the table under "
        "'Settings (environment variables)' in docs/web.md, in backticks, with its default"
    )


def _start(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    """Load the settings in a new Python, as `ilacs` does at start-up."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("ILACS_")}
    full_env.update({"ILACS_DATA_DIR": str(tmp_path), **env})
    code = "import ilacs.settings as s; print(s.HTTPS, s.DEBUG, s.SESSION_COOKIE_AGE)"
    return subprocess.run(
        [sys.executable, "-c", code], env=full_env, capture_output=True, text=True
    )


@pytest.mark.parametrize("variable", SWITCHES)
def test_a_typo_in_a_switch_stops_start_up_naming_it(variable, tmp_path):
    result = _start({variable: "ture"}, tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"django.core.exceptions.ImproperlyConfigured: {variable} is 'ture': set it to 1, true, "
        "yes or on to turn it on, or 0, false, no or off to turn it off."
    )


@pytest.mark.parametrize("variable", NUMBERS)
def test_a_number_that_is_not_one_stops_start_up_naming_it(variable, tmp_path):
    result = _start({variable: "eight"}, tmp_path)
    assert result.returncode == 1
    assert f"ImproperlyConfigured: {variable} is 'eight': it must be a" in result.stderr


@pytest.mark.parametrize(
    ("value", "https"),
    [("1", "True"), ("TRUE", "True"), (" yes ", "True"), ("on", "True"), ("0", "False"),
     ("false", "False"), ("No", "False"), ("off", "False"), ("", "False")],
)  # fmt: skip
def test_the_words_a_switch_takes(value, https, tmp_path):
    result = _start({"ILACS_HTTPS": value}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == https


def test_an_unknown_log_level_stops_start_up(tmp_path):
    result = _start({"ILACS_LOG_LEVEL": "WARNIGN"}, tmp_path)
    assert result.returncode == 1
    assert "ILACS_LOG_LEVEL is 'WARNIGN': use DEBUG, INFO, WARNING, ERROR or CRITICAL" in (
        result.stderr
    )


def test_the_ilacs_command_says_which_variable_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ILACS_")}
    env.update({"ILACS_DATA_DIR": str(tmp_path), "ILACS_HTTPS": "ture"})
    ilacs = Path(sys.executable).with_name("ilacs")
    result = subprocess.run(
        [str(ilacs), "manage", "check"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr == (
        "ilacs: ILACS_HTTPS is 'ture': set it to 1, true, yes or on to turn it on, "
        "or 0, false, no or off to turn it off.\n"
    )


def test_a_trusted_proxy_that_is_no_address_stops_start_up_naming_it(tmp_path):
    result = _start({"ILACS_TRUSTED_PROXIES": "10.0.0.5,proxy.example"}, tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "django.core.exceptions.ImproperlyConfigured: ILACS_TRUSTED_PROXIES has "
        "'proxy.example': each entry must be an address or a network such as 10.0.0.5 or "
        "10.1.0.0/16."
    )

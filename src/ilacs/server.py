"""`ilacs serve`: the production server (gunicorn, static files by WhiteNoise)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from typing import TextIO

from django.core.management import call_command

from ilacs.db_state import pending_migrations


def default_bind(env: Mapping[str, str]) -> str:
    """ILACS_BIND ("host:port") if set; else all interfaces on PORT (as platforms set it); else
    127.0.0.1:8000."""
    if env.get("ILACS_BIND"):
        return env["ILACS_BIND"]
    if env.get("PORT"):
        return f"0.0.0.0:{env['PORT']}"
    return "127.0.0.1:8000"


def gunicorn_argv(env: Mapping[str, str], bind: str | None = None) -> list[str]:
    """The gunicorn command line. Workers: ILACS_WORKERS (default 3). Uploads are read while
    the browser waits, so requests may take up to ILACS_TIMEOUT seconds (default 120)."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "ilacs.wsgi:application",
        "--bind",
        bind or default_bind(env),
        "--workers",
        env.get("ILACS_WORKERS", "3"),
        "--timeout",
        env.get("ILACS_TIMEOUT", "120"),
        "--forwarded-allow-ips",
        env.get("ILACS_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        "--access-logfile",
        "-",
    ]


def serve(*, bind: str | None = None, migrate: bool = False, err: TextIO | None = None) -> int:
    """Collect static files, check the database, then replace this process with gunicorn."""
    err = err or sys.stderr
    if migrate:
        call_command("migrate", interactive=False, verbosity=1)
    pending = pending_migrations()
    if pending:
        err.write(
            f"The database needs {len(pending)} migrations: run `ilacs manage migrate` "
            "(or `ilacs serve --migrate`) first.\n"
        )
        return 2
    call_command("collectstatic", interactive=False, verbosity=0)
    if not os.environ.get("ILACS_SECRET_KEY"):
        err.write(
            "Warning: ILACS_SECRET_KEY is not set, so a key kept in the data folder is used. "
            "Set it when more than one server shares the database.\n"
        )
    argv = gunicorn_argv(os.environ, bind)
    err.write(f"Serving ilacs on http://{bind or default_bind(os.environ)}/\n")
    err.flush()
    os.execv(argv[0], argv)
    return 0  # not reached

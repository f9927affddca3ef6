"""The `ilacs` command: help, serve's gunicorn command line, demo."""

import sys

import pytest

from ilacs import server
from ilacs.cli import build_parser, main


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("demo", "serve", "ingest", "extract", "evaluate", "manage"):
        assert command in out


def test_extraction_commands_are_unchanged():
    args = build_parser().parse_args(["extract", "a.pdf", "--format", "text"])
    assert args.format == "text" and args.jobs == 1


@pytest.mark.parametrize(
    ("env", "bind"),
    [
        ({}, "127.0.0.1:8000"),
        ({"PORT": "5000"}, "0.0.0.0:5000"),
        ({"PORT": "5000", "ILACS_BIND": "10.0.0.2:9000"}, "10.0.0.2:9000"),
    ],
)
def test_serve_binds_where_told(env, bind):
    assert server.default_bind(env) == bind
    argv = server.gunicorn_argv(env)
    assert argv[:4] == [sys.executable, "-m", "gunicorn", "ilacs.wsgi:application"]
    assert argv[argv.index("--bind") + 1] == bind


def test_serve_collects_static_then_runs_gunicorn(db, monkeypatch, settings, tmp_path):
    calls = []
    monkeypatch.setattr(server, "call_command", lambda *a, **k: calls.append(a[0]))
    monkeypatch.setattr(server.os, "execv", lambda path, argv: calls.append(argv))
    assert server.serve(bind="127.0.0.1:9999") == 0
    assert calls[0] == "collectstatic"
    assert calls[1][calls[1].index("--bind") + 1] == "127.0.0.1:9999"


def test_serve_refuses_an_unmigrated_database(db, monkeypatch, capsys):
    monkeypatch.setattr(server, "pending_migrations", lambda: ["inspections.0002_new"])
    monkeypatch.setattr(server.os, "execv", lambda *a: pytest.fail("must not start"))
    assert server.serve() == 2
    assert "ilacs manage migrate" in capsys.readouterr().err


def test_models_and_migrations_agree(db):
    from django.core.management import call_command

    call_command("makemigrations", "--check", "--dry-run", verbosity=0)

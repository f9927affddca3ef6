"""The `ilacs` command. Thin: every subcommand calls library code.

Extraction subcommands never import Django; the web subcommands set DJANGO_SETTINGS_MODULE and
hand over to Django's management commands.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence


def _add_extract(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="read Ofsted reports (PDF, DOCX, HTML, text) into structured records",
        description="Read Ofsted children's services reports into structured records: one per "
        "report found (a committee paper may embed one). Unreadable inputs give an error record "
        "and a non-zero exit status.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=["jsonl", "json", "text"], default="jsonl")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    p.add_argument(
        "--timeout", type=float, default=60.0, help="seconds allowed per file (default 60)"
    )
    p.add_argument(
        "--max-size",
        type=float,
        default=50.0,
        help="largest input in MB of 1,000,000 bytes (default 50)",
    )
    p.set_defaults(func=_cmd_extract)


def _cmd_extract(args: argparse.Namespace) -> int:
    from ilacs.extraction.render import render_text
    from ilacs.extraction.runner import extract_many
    from ilacs.units import mb_to_bytes

    failed = False
    records: list[dict] = []
    for rec in extract_many(
        args.paths, jobs=args.jobs, timeout=args.timeout, max_bytes=mb_to_bytes(args.max_size)
    ):
        failed = failed or "error" in rec
        if args.format == "jsonl":
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif args.format == "text":
            sys.stdout.write(render_text(rec) + "\n")
        else:
            records.append(rec)
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 1 if failed else 0


def _add_evaluate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "evaluate",
        help="score extraction against hand-checked labels",
        description="Extract the labelled reports and print per-field accuracy, judgements F1, "
        "recommendations F1 and paragraphs F1, then corpus-wide sanity counts.",
    )
    p.add_argument("labels", metavar="LABELS.json")
    p.add_argument("--reports", required=True, metavar="DIR", help="folder holding the reports")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--verbose", action="store_true", help="list every disagreement")
    p.add_argument("--no-sanity", action="store_true", help="skip the corpus-wide sanity counts")
    p.add_argument(
        "--themes",
        metavar="THEMES.json",
        help="theme labels to score the recommendations' themes against (default: themes.json "
        "beside LABELS, or ../../themes/NAME of LABELS as in the shared corpus layout)",
    )
    p.set_defaults(func=_cmd_evaluate)


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from ilacs.extraction.evaluate import run_evaluation

    return run_evaluation(
        args.labels,
        args.reports,
        jobs=args.jobs,
        verbose=args.verbose,
        sanity=not args.no_sanity,
        themes=args.themes,
    )


def _add_themes(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "themes",
        help="give any text its improvement themes, with the phrases that decided them",
        description="Give each TEXT (or each line of standard input when no TEXT is given) one to "
        "three improvement themes from the fixed list of 25, the chief first, the way `ilacs "
        "extract` themes recommendations. jsonl prints one {text, themes, why} object per line, "
        "in input order; why lists, per theme, the phrases that decided it and any labelling "
        "rule applied and, where the most similar of the written examples that ship with ilacs "
        "decided between close themes, those examples.",
    )
    p.add_argument("texts", nargs="*", metavar="TEXT")
    p.add_argument("--format", choices=["text", "jsonl"], default="text")
    p.add_argument(
        "--kind",
        choices=["recommendation", "lscb", "paragraph"],
        default="recommendation",
        help="read the text as a recommendation (default), an LSCB recommendation or a findings "
        "paragraph (a paragraph gets no theme when none stands out)",
    )
    p.add_argument("--list", action="store_true", help="print the list of themes and stop")
    p.set_defaults(func=_cmd_themes)


def _cmd_themes(args: argparse.Namespace) -> int:
    from ilacs.extraction.themes import THEMES, theme_text

    if args.list:
        for key, name in THEMES.items():
            sys.stdout.write(f"{key:24s} {name}\n")
        return 0
    texts = args.texts if args.texts else (line.rstrip("\n") for line in sys.stdin)
    for text in texts:
        result = theme_text(text, args.kind)
        if args.format == "jsonl":
            record = {"text": text, "themes": result.themes, "why": result.why()}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(f"{', '.join(result.themes) or '(no theme)'}: {text}\n")
            for item in result.why():
                phrases = ", ".join(f"'{p}'" for p in item["phrases"][:5])
                said = "; ".join(
                    [phrases] * bool(phrases) + [r.split(": ", 1)[1] for r in item["rules"]]
                )
                sys.stdout.write(f"  {item['theme']} ({item['name']}): {said}\n")
                for example in item.get("examples", []):
                    sys.stdout.write(f"    like: {example}\n")
        sys.stdout.flush()
    return 0


def _add_benchmark(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "benchmark-extract",
        help="time extraction of a folder of PDFs against raw pypdfium2 text",
        description="Extract every PDF in DIR and print total and per-report median time beside "
        "raw pypdfium2 text extraction of the same files in the same run, as a ratio; then the "
        "same with --jobs workers.",
    )
    p.add_argument("reports", metavar="DIR")
    p.add_argument("--jobs", type=int, default=2, help="workers for the parallel run (default 2)")
    p.add_argument("--limit", type=int, default=0, help="only the first N files (0: all)")
    p.set_defaults(func=_cmd_benchmark)


def _cmd_benchmark(args: argparse.Namespace) -> int:
    from ilacs.extraction.benchmark import run_benchmark

    return run_benchmark(args.reports, jobs=args.jobs, limit=args.limit)


def _load_settings() -> None:
    """Read the settings now, so that a mistake in an environment variable stops the command
    with one line naming the variable (`ILACS_HTTPS is 'ture': ...`), not a traceback."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ilacs.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS  # noqa: B018 - reading a setting loads them all
    except ImproperlyConfigured as exc:
        raise SystemExit(f"ilacs: {exc}") from None


def _django(argv: list[str]) -> int:
    _load_settings()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["ilacs", *argv])
    return 0


def _add_django(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "manage", help="run a Django management command (migrate, createsuperuser, ...)"
    )
    p.add_argument("args", nargs=argparse.REMAINDER)
    p.set_defaults(func=lambda a: _django(a.args))


def _setup_django() -> None:
    _load_settings()
    import django

    django.setup()


def _add_demo(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="start the web product with demonstration data on http://127.0.0.1:8000/",
        description="Set up the embedded SQLite database under ILACS_DATA_DIR (default ./var), "
        "load every English local authority, create the fictional council Northbrook with its "
        "inspection report (read by the extractor) and one user per role, load the national "
        "dataset of published Ofsted reports (printing how long it took), print how to log in, "
        "then start the server on 127.0.0.1. Running it again reuses the data.",
    )
    p.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    p.add_argument(
        "--no-server", action="store_true", help="set up the data and print the logins only"
    )
    p.add_argument(
        "--no-national",
        action="store_true",
        help="do not load the national dataset of published Ofsted reports",
    )
    p.set_defaults(func=_cmd_demo)


def _cmd_demo(args: argparse.Namespace) -> int:
    _setup_django()
    from ilacs.demo.run import run_demo

    return run_demo(port=args.port, start_server=not args.no_server, national=not args.no_national)


def _add_ingest(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest",
        help="add Ofsted report files to the database (one line per file)",
        description="Read each report file (a folder: the files in it) and add its inspection "
        "to the database, all or nothing per file. Files already held (same content) are "
        "skipped, so running it again changes nothing. Prints one line per file: created, "
        "already held, or error with the reason, then a summary of what failed and why; on a "
        "terminal a progress bar runs on standard error. Exit status 1 if any file failed.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="worker processes reading reports (default 1)",
    )
    p.add_argument(
        "--user",
        metavar="USERNAME",
        help="add as this user (their permissions apply and they are recorded as adding it)",
    )
    p.add_argument(
        "--unpublished",
        action="store_true",
        help="the reports are not yet published by Ofsted (drafts for factual accuracy checks): "
        "only members of each report's council see them, until one marks it published on its "
        "page. Files already held keep their state",
    )
    p.set_defaults(func=_cmd_ingest)


def _cmd_ingest(args: argparse.Namespace) -> int:
    _setup_django()
    from ilacs.inspections.cli import ingest_paths

    return ingest_paths(
        args.paths, username=args.user, jobs=args.jobs, published=not args.unpublished
    )


def _add_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="run the production web server (gunicorn)",
        description="Collect static files, check the database is migrated, then run gunicorn "
        "on ILACS_BIND (host:port), else 0.0.0.0:$PORT, else 127.0.0.1:8000. Static files are "
        "served by WhiteNoise. Settings come from environment variables (docs/web.md).",
    )
    p.add_argument("--bind", metavar="HOST:PORT", help="overrides ILACS_BIND and PORT")
    p.add_argument("--migrate", action="store_true", help="apply database migrations first")
    p.set_defaults(func=_cmd_serve)


def _cmd_serve(args: argparse.Namespace) -> int:
    _setup_django()
    from ilacs.server import serve

    return serve(bind=args.bind, migrate=args.migrate)


def _add_plan(sub: argparse._SubParsersAction) -> None:
    from ilacs.plans.cli import add_plan_parser

    add_plan_parser(sub, setup=_setup_django)


def _add_export(sub: argparse._SubParsersAction) -> None:
    from ilacs.exports.cli import add_export_parser

    add_export_parser(sub, setup=_setup_django)


def _add_measures(sub: argparse._SubParsersAction) -> None:
    from ilacs.measures.cli import add_measures_parser

    add_measures_parser(sub, setup=_setup_django)


def _add_national(sub: argparse._SubParsersAction) -> None:
    from ilacs.inspections.national_cli import add_national_parser

    add_national_parser(sub, setup=_setup_django)


def _add_backup(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "dump",
        help="back up everything (every council's data, users, files, history) to one archive",
        description="Write every council's data, the users and their memberships, the history "
        "and audit tables and every stored file (inspection reports, evidence, council "
        "templates) to one zip archive with a manifest of counts and SHA-256 checksums. Safe "
        "while the site is running. The archive holds personal data and password hashes: "
        "keep it as safe as the database (docs/backup.md).",
    )
    p.add_argument(
        "archive",
        nargs="?",
        metavar="ARCHIVE",
        help="the zip file to write (default: ilacs-backup-YYYY-MM-DD.zip here); with --plan, "
        "a .json or .xlsx file",
    )
    p.add_argument(
        "--plan",
        type=int,
        metavar="PLAN_ID",
        help="only this plan, whole (its inspection, themes, actions, milestones, updates, RAG "
        "overrides, history, the people in it), as JSON or an Excel workbook (.xlsx) that "
        "`ilacs load` reads into an empty database; stored files are not included",
    )
    p.set_defaults(func=_cmd_dump)
    p = sub.add_parser(
        "load",
        help="restore an archive made by `ilacs dump` into an empty database",
        description="Check the archive's checksums, then load it into an EMPTY database that "
        "`ilacs manage migrate` has set up (refused if it holds any users or council data) and "
        "put its files back in the file store. All or nothing. Works from SQLite to "
        "PostgreSQL and back.",
    )
    p.add_argument(
        "archive",
        metavar="ARCHIVE",
        help="a backup made by `ilacs dump` (.zip), or a plan made by `ilacs dump --plan` "
        "(.json or .xlsx)",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="only check the archive (checksums, counts) and print its manifest summary",
    )
    p.set_defaults(func=_cmd_load)


def _cmd_dump(args: argparse.Namespace) -> int:
    _setup_django()
    from ilacs.backup import BackupError, default_archive_name, dump
    from ilacs.cli_support import CommandError, require_migrated

    if args.plan is not None:
        return _dump_plan(args)
    try:
        require_migrated()
        result = dump(args.archive or default_archive_name())
    except (BackupError, CommandError) as exc:
        sys.stderr.write(f"ilacs dump: {exc}\n")
        return getattr(exc, "status", 1)
    sys.stdout.write(f"Wrote {result.path}: {result.rows} rows, {result.files} files.\n")
    for name in result.missing:
        sys.stderr.write(
            f"ilacs dump: warning: the stored file {name} is named by the database but missing "
            "from the file store; the backup was made without it.\n"
        )
    return 0


def _dump_plan(args: argparse.Namespace) -> int:
    from ilacs import planarchive
    from ilacs.backup import BackupError
    from ilacs.cli_support import CommandError, require_migrated
    from ilacs.plans.models import ImprovementPlan

    try:
        require_migrated()
        plan = ImprovementPlan.objects.filter(pk=args.plan).first()
        if plan is None:
            raise CommandError(f"There is no plan {args.plan}.", 2)
        path, rows = planarchive.write(plan, args.archive or planarchive.default_name(plan))
    except (BackupError, CommandError) as exc:
        sys.stderr.write(f"ilacs dump: {exc}\n")
        return getattr(exc, "status", 1)
    sys.stdout.write(f"Wrote {path}: plan {plan.pk}, {rows} rows.\n")
    return 0


def _cmd_load(args: argparse.Namespace) -> int:
    _setup_django()
    from ilacs import planarchive
    from ilacs.backup import BackupError, describe, load
    from ilacs.cli_support import CommandError, require_migrated

    try:
        if planarchive.is_plan_file(args.archive):
            if args.check:
                manifest, rows = planarchive.read(args.archive)
                sys.stdout.write(
                    f"{args.archive}: plan {manifest['plan']} of {manifest['local_authority']}, "
                    f"made {manifest['made_at']}; {len(rows)} rows.\n"
                )
                return 0
            require_migrated()
            loaded = planarchive.load(args.archive)
            sys.stdout.write(f"Loaded the plan in {args.archive}: {loaded} rows.\n")
            return 0
        if args.check:
            manifest = describe(args.archive)
            sys.stdout.write(
                f"{args.archive}: made {manifest['made_at']} from {manifest['database']}; "
                f"{sum(manifest['counts'].values())} rows, {manifest['files']} files; "
                "checksums agree.\n"
            )
            return 0
        require_migrated()
        result = load(args.archive)
    except (BackupError, CommandError) as exc:
        sys.stderr.write(f"ilacs load: {exc}\n")
        return getattr(exc, "status", 1)
    sys.stdout.write(f"Loaded {args.archive}: {result.rows} rows, {result.files} files.\n")
    return 0


def _add_search(sub: argparse._SubParsersAction) -> None:
    from ilacs.search.cli import add_search_parser

    add_search_parser(sub, setup=_setup_django)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ilacs",
        description="Ofsted children's services inspection reports into improvement plans.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_demo(sub)
    _add_serve(sub)
    _add_ingest(sub)
    _add_national(sub)
    _add_plan(sub)
    _add_export(sub)
    _add_measures(sub)
    _add_backup(sub)
    _add_search(sub)
    _add_extract(sub)
    _add_evaluate(sub)
    _add_themes(sub)
    _add_benchmark(sub)
    _add_django(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())

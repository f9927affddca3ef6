"""`ilacs demo`: set up the embedded database with demonstration data and start the server."""

from __future__ import annotations

import sys
from typing import TextIO

from django.core.management import call_command

from ilacs.demo.load import DemoError, load_demo
from ilacs.inspections.national import load_national_dataset


def run_demo(
    *,
    port: int = 8000,
    start_server: bool = True,
    national: bool = True,
    out: TextIO | None = None,
) -> int:
    out = out or sys.stdout
    out.write("Setting up the demonstration database...\n")
    out.flush()
    call_command("migrate", interactive=False, verbosity=0)
    try:
        context = load_demo()
    except DemoError as exc:
        out.write(f"ilacs demo: {exc}\n")
        return 1
    if national:
        # Every council's published inspections, so that the national pages are full.
        out.write("Loading the national dataset of published Ofsted reports...\n")
        out.flush()
        summary = load_national_dataset()
        for line in summary.lines():
            out.write(line + "\n")
    call_command("collectstatic", interactive=False, verbosity=0)

    url = f"http://127.0.0.1:{port}/"
    inspection = context.inspection
    out.write(
        f"\n{context.local_authority.name} (a fictional council) and its inspection of "
        f"{inspection.date_range} are ready.\n"
    )
    plan = getattr(inspection, "improvement_plan", None)
    if plan is not None:
        out.write(f"Its improvement plan: {url.rstrip('/')}{plan.get_absolute_url()}\n")
    out.write(
        f"Its measures, scorecards and case audits: {url}la/{context.local_authority.slug}"
        "/measures/\n"
    )
    out.write("\n")
    for demo_user in context.users:
        out.write(
            f"Log in at {url} as {demo_user.username} with password {demo_user.password} "
            f"({demo_user.description})\n"
        )
    out.write("\nThe passwords are kept in the data folder, not in the repository.\n")
    out.write("Press Ctrl+C to stop.\n\n")
    out.flush()
    if start_server:
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
    return 0

"""`ilacs search WORDS... [filters]`: the search page from the command line, and
`ilacs search --reindex` to put the search's derived data right.

The argument parser imports nothing that needs Django set up (its choices come from plain-Python
lists); the handler does, once `setup()` has run.
"""

from __future__ import annotations

import argparse
import html
import sys
import time
from collections.abc import Callable
from typing import TextIO

from ilacs.extraction.model import GRADES, REPORT_TYPES
from ilacs.extraction.themes_lexicon import THEMES
from ilacs.localauthorities.reference import REGIONS


def add_search_parser(sub: argparse._SubParsersAction, setup: Callable[[], None]) -> None:
    p = sub.add_parser(
        "search",
        help="search every inspection's findings paragraphs and recommendations",
        description="Search the findings paragraphs and recommendations of every inspection "
        "held (withdrawn ones left out), as the search page does: words must all appear, "
        '"quoted phrases", or between words for either, -word to leave out. Prints one block '
        "per result, best match first (with no words: newest inspection first).",
    )
    p.add_argument("words", nargs="*", metavar="WORD")
    p.add_argument("--theme", action="append", choices=sorted(THEMES), help="improvement topic")
    p.add_argument(
        "--grade",
        action="append",
        choices=GRADES,
        help="grade of the judgement the text sits under (repeat for either)",
    )
    p.add_argument("--region", action="append", choices=REGIONS, metavar="REGION")
    p.add_argument("--from", dest="year_from", type=int, metavar="YEAR", help="from this year")
    p.add_argument("--to", dest="year_to", type=int, metavar="YEAR", help="up to this year")
    p.add_argument("--type", dest="report_type", action="append", choices=REPORT_TYPES)
    p.add_argument("--kind", choices=("paragraph", "recommendation"), help="only this kind")
    p.add_argument("--page", type=int, default=1, help="page of 20 results (default 1)")
    p.add_argument(
        "--reindex",
        action="store_true",
        help="instead of searching: link every paragraph to the judgement its section sits "
        "under again and rebuild the full-text index (after loading rows by other means)",
    )
    p.set_defaults(func=lambda args: run(args, setup))


def run(args: argparse.Namespace, setup: Callable[[], None], out: TextIO | None = None) -> int:
    setup()
    from ilacs.cli_support import CommandError, require_migrated

    out = out or sys.stdout
    try:
        require_migrated()
    except CommandError as exc:
        print(exc, file=sys.stderr)
        return exc.status
    if args.reindex:
        return _reindex(out)
    return _search(args, out)


def _reindex(out: TextIO) -> int:
    from ilacs.inspections.services import link_paragraphs_to_judgements
    from ilacs.search.index import rebuild

    changed = link_paragraphs_to_judgements()
    rebuild()
    print(
        f"{changed} paragraphs linked to a different judgement; full-text index rebuilt.", file=out
    )
    return 0


def _search(args: argparse.Namespace, out: TextIO) -> int:
    from ilacs.search.services import SearchFilters, search

    filters = SearchFilters(
        themes=tuple(args.theme or ()),
        grades=tuple(args.grade or ()),
        regions=tuple(args.region or ()),
        report_types=tuple(args.report_type or ()),
        year_from=args.year_from,
        year_to=args.year_to,
        kinds=(args.kind,) if args.kind else (),
    )
    started = time.perf_counter()
    results = search(" ".join(args.words), filters, page=args.page)
    took = (time.perf_counter() - started) * 1000
    print(
        f"{results.total} result{'s' if results.total != 1 else ''}"
        + (f", {results.first} to {results.last} shown" if results.total else "")
        + f" (page {results.page} of {results.pages}; {took:.0f} ms on {results.backend})",
        file=out,
    )
    for hit in results.hits:
        text = str(hit.snippet).replace("<mark>", "[").replace("</mark>", "]")
        print(
            f"\n{hit.local_authority.name}, {hit.year or 'no date'}: {hit.label}"
            + (f", page {hit.page}" if hit.page else "")
            + f" ({hit.judgement_name + ': ' if hit.grade else ''}{hit.grade_label})",
            file=out,
        )
        print(f"  {html.unescape(text)}", file=out)
        print(f"  {hit.url}", file=out)
    return 0

"""`ilacs benchmark-extract DIR`: extraction time against raw pypdfium2 text, in the same run.

Single core: each file is read twice in turn, once as raw pypdfium2 text (open, every page's
text, close) and once by the full extractor in this process, so both see the same disk cache and
machine load. Then the whole folder through the worker pool with 1 and with N workers, for the
speed-up. Figures are printed, never asserted.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from pathlib import Path

from .api import extract_reports
from .runner import extract_many
from .themes import assign_themes


def raw_text(path: str) -> int:
    """Raw pypdfium2 text extraction of every page; returns the number of characters."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return 0
    chars = 0
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return chars


def run_benchmark(reports_dir: str, jobs: int = 2, limit: int = 0, out=sys.stdout) -> int:
    files = sorted(str(p) for p in Path(reports_dir).iterdir() if p.suffix.lower() == ".pdf")
    if limit:
        files = files[:limit]
    if not files:
        print(f"No PDF files in {reports_dir}", file=out)
        return 1
    for f in files:  # warm the page cache so neither side pays for the first read
        Path(f).read_bytes()

    raw_times: list[float] = []
    ilacs_times: list[float] = []
    reports = errors = themed = themed_paragraphs = 0
    themes_time = 0.0
    for f in files:
        t0 = time.perf_counter()
        raw_text(f)
        t1 = time.perf_counter()
        records = extract_reports(f)
        t2 = time.perf_counter()
        raw_times.append(t1 - t0)
        ilacs_times.append(t2 - t1)
        for r in records:
            if hasattr(r, "code"):
                errors += 1
            else:
                reports += 1
                t3 = time.perf_counter()
                assign_themes(r)  # again, alone, to show what the themes cost
                themes_time += time.perf_counter() - t3
                themed += len(r.recommendations) + len(r.lscb_recommendations)
                themed_paragraphs += len(r.paragraphs)
    raw_total, ilacs_total = sum(raw_times), sum(ilacs_times)
    ratios = [i / r for i, r in zip(ilacs_times, raw_times, strict=True) if r > 0]
    print(f"Extraction benchmark: {len(files)} PDF files in {reports_dir}", file=out)
    print(f"  {reports} reports extracted, {errors} inputs with a clean error record", file=out)
    print("  single core, same process, interleaved per file:", file=out)
    print(
        f"    raw pypdfium2 text   total {raw_total:7.2f} s   median "
        f"{statistics.median(raw_times) * 1000:6.1f} ms/report",
        file=out,
    )
    print(
        f"    ilacs extract        total {ilacs_total:7.2f} s   median "
        f"{statistics.median(ilacs_times) * 1000:6.1f} ms/report",
        file=out,
    )
    print(
        f"    ratio ilacs/raw      total {ilacs_total / raw_total:5.2f} x   median per report "
        f"{statistics.median(ratios):5.2f} x",
        file=out,
    )
    print(
        f"    of which themes      total {themes_time:7.2f} s   "
        f"({themes_time / ilacs_total:.1%} of ilacs; {themed} recommendations and "
        f"{themed_paragraphs} paragraphs themed again alone)",
        file=out,
    )

    walls = {}
    for n in sorted({1, max(1, jobs)}):
        t0 = time.perf_counter()
        for _ in extract_many(files, jobs=n):
            pass
        walls[n] = time.perf_counter() - t0
    print("  worker pool (`ilacs extract --jobs N`), wall time for the folder:", file=out)
    for n, wall in walls.items():
        line = f"    --jobs {n}  {wall:7.2f} s  ({len(files) / wall:5.1f} files/s)"
        if n != 1:
            speedup = walls[1] / wall
            line += f"  speed-up {speedup:4.2f} x on {n} workers (efficiency {speedup / n:.0%})"
        print(line, file=out)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"  largest worker resident memory: {rss:.0f} MB", file=out)
    return 0

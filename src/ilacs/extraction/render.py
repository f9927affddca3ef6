"""Human-readable rendering of an extraction record (`ilacs extract --format text`)."""

from __future__ import annotations

from typing import Any

GRADE_WORDS = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement to be good",
    "adequate": "Adequate",
    "inadequate": "Inadequate",
}


def render_text(rec: dict[str, Any]) -> str:
    src = rec.get("source", {})
    where = src.get("file", "?")
    if src.get("first_page"):
        where += f" (pages {src['first_page']}-{src['last_page']})"
    elif src.get("first_line"):
        where += f" (lines {src['first_line']}-{src['last_line']})"
    if "error" in rec:
        return f"{where}\n  ERROR {rec['error']['code']}: {rec['error']['message']}\n"
    out = [where]
    out.append(f"  {rec.get('title') or rec['report_type']}")
    out.append(f"  Council:        {rec.get('local_authority') or '(not found)'}")
    out.append(f"  Report type:    {rec['report_type']}")
    start, end = rec.get("inspection_start") or "?", rec.get("inspection_end") or "?"
    out.append(f"  Inspected:      {start} to {end}")
    out.append(f"  Published:      {rec.get('published') or '(not printed)'}")
    out.append(f"  Lead inspector: {rec.get('lead_inspector') or '(not found)'}")
    out.append("  Judgements:")
    for j in rec.get("judgements", []):
        out.append(f"    - {j['printed']}: {GRADE_WORDS.get(j['grade'], j['grade'])}")
    if not rec.get("judgements"):
        out.append("    (none printed)")
    for key, heading in (
        ("recommendations", "What needs to improve"),
        ("lscb_recommendations", "LSCB recommendations"),
    ):
        items = rec.get(key) or []
        if key == "lscb_recommendations" and not items:
            continue
        out.append(f"  {heading}:")
        for r in items:
            page = f" (p.{r['page']})" if r.get("page") else ""
            out.append(f"    {r['number']}. {r['text']}{page}")
            if r.get("themes"):
                out.append(f"       themes: {', '.join(r['themes'])}")
        if not items:
            out.append("    (none)")
    paras = rec.get("paragraphs") or []
    sections = []
    for p in paras:
        if not sections or sections[-1][0] != p["section"]:
            sections.append((p["section"], 0))
        sections[-1] = (sections[-1][0], sections[-1][1] + 1)
    out.append(f"  Findings paragraphs: {len(paras)}")
    for name, count in sections:
        out.append(f"    {count:3d} under {name or '(no heading)'}")
    return "\n".join(out) + "\n"

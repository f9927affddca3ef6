"""Fixture reports in each Ofsted layout, written by the tests themselves.

Each builder returns a `Layout`: pages of blocks, the way Ofsted prints them, plus what the
extractor should find. Writers turn a layout into PDF (reportlab), DOCX (python-docx), HTML and
plain text with form feeds. Councils, people and findings are invented.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

WIDTH = 84  # characters per printed line of running text, as in Ofsted's A4 reports


@dataclass
class Layout:
    name: str
    pages: list[list[tuple]]  # blocks: ("line", text) ("para", n, text) ("bullet", text) ...
    expected: dict = field(default_factory=dict)
    header: str | None = None  # running header printed from page 2


def _wrap(text: str, width: int = WIDTH, first_prefix: str = "", prefix: str = "") -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=first_prefix,
        subsequent_indent=prefix,
        break_on_hyphens=False,
    ) or [first_prefix]


def printed_lines(layout: Layout) -> list[list[str]]:
    """The layout as printed lines, page by page (what a PDF's text layer holds)."""
    out = []
    for number, page in enumerate(layout.pages, start=1):
        lines: list[str] = []
        if layout.header and number > 1:
            lines += [layout.header, f"{layout.expected.get('header_dates', '')} {number}".strip()]
        for block in page:
            kind = block[0]
            if kind == "line":
                lines.append(block[1])
            elif kind == "heading":
                lines += _wrap(block[1], width=60)
            elif kind == "para":
                lines += _wrap(block[2], first_prefix=f"{block[1]}. ")
            elif kind == "bullet":
                lines += _wrap(block[1], first_prefix="• ")
            elif kind == "sub":
                lines += _wrap(block[1], first_prefix="– ")
            elif kind == "text":
                lines += _wrap(block[1])
            elif kind == "row":
                lines.append(f"{block[1]} {block[2]}")
        out.append(lines)
    return out


def write_text(layout: Layout, path: Path) -> Path:
    path.write_text(
        "\f".join("\n".join(lines) for lines in printed_lines(layout)), encoding="utf-8"
    )
    return path


def write_pdf(layout: Layout, path: Path, encrypt: str | None = None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    _, height = A4
    for lines in printed_lines(layout):
        y = height - 60
        for line in lines:
            c.setFont("Helvetica", 10)
            c.drawString(50, y, line)
            y -= 13
        c.showPage()
    c.save()
    return path


def write_docx(layout: Layout, path: Path) -> Path:
    import docx

    document = docx.Document()
    for number, page in enumerate(layout.pages):
        if number:
            document.add_page_break()
        for block in page:
            kind = block[0]
            if kind == "para":
                document.add_paragraph(f"{block[1]}. {block[2]}")
            elif kind in ("bullet", "sub"):
                document.add_paragraph(block[1], style="List Bullet")
            elif kind == "row":
                document.add_paragraph(f"{block[1]}\t{block[2]}")
            elif kind == "heading":
                document.add_heading(block[1], level=2)
            else:
                document.add_paragraph(block[1])
    document.save(str(path))
    return path


def write_html(layout: Layout, path: Path) -> Path:
    from html import escape

    parts = ["<!doctype html><html><head><title>Report</title></head><body>"]
    for page in layout.pages:
        in_list = False
        for block in page:
            kind = block[0]
            if kind in ("bullet", "sub") and not in_list:
                parts.append("<ul>")
                in_list = True
            if kind not in ("bullet", "sub") and in_list:
                parts.append("</ul>")
                in_list = False
            if kind == "para":
                parts.append(f"<p>{block[1]}. {escape(block[2])}</p>")
            elif kind in ("bullet", "sub"):
                parts.append(f"<li>{escape(block[1])}</li>")
            elif kind == "heading":
                parts.append(f"<h2>{escape(block[1])}</h2>")
            elif kind == "row":
                parts.append(
                    f"<table><tr><td>{escape(block[1])}</td>"
                    f"<td>{escape(block[2])}</td></tr></table>"
                )
            else:
                parts.append(f"<p>{escape(block[1])}</p>")
        if in_list:
            parts.append("</ul>")
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


WRITERS = {"pdf": write_pdf, "docx": write_docx, "html": write_html, "text": write_text}
SUFFIX = {"pdf": ".pdf", "docx": ".docx", "html": ".html", "text": ".txt"}

# ---- findings text ----------------------------------------------------------------------------

_FINDINGS = [
    "Children and families benefit from a well-established early help offer. Family hubs are "
    "located in the communities that need them most, and families say that they value the help "
    "they receive from workers who know them well.",
    "Contacts to the front door are screened promptly by experienced social workers. Thresholds "
    "are well understood by partners, and decisions about next steps are timely and "
    "proportionate to the risks that children face.",
    "Strategy discussions are timely and well attended by partner agencies. Child protection "
    "enquiries are thorough, and children are seen and spoken with alone when this is "
    "appropriate to their age and understanding.",
    "Plans for children in need are too variable. Many contain actions that are not specific or "
    "time-bound, which makes it hard for families to understand what needs to change.",
    "Most children in care live in stable homes with carers who know them well. Brothers and "
    "sisters live together when this is right for them.",
    "Personal advisers build trusting relationships with young people, who speak positively about "
    "the help that they receive when they leave care.",
    "Senior leaders know the strengths and weaknesses of practice well. Political and corporate "
    "support for children’s services is strong and has protected budgets.",
]


def _paragraphs(first: int, count: int) -> list[tuple]:
    return [("para", first + k, _FINDINGS[(first + k) % len(_FINDINGS)]) for k in range(count)]


def ilacs_2019() -> Layout:
    """ILACS 2018-22: combined children in care and care leavers judgement."""
    recs = [
        "The quality and timeliness of plans for children in need, so that they are specific "
        "and measurable.",
        "Management oversight and supervision, so that they consistently challenge drift and "
        "delay for children.",
        "The range of suitable accommodation for care leavers.",
    ]
    p1 = [
        ("line", "Inspection of Exampleshire County Council local"),
        ("line", "authority children’s services"),
        ("line", "Inspection dates: 27 September to 8 October 2021"),
        ("line", "Lead inspector: Jane Smith, Her Majesty’s Inspector"),
        ("line", "Judgement Grade"),
        ("row", "The impact of leaders on social work practice with children and families", "Good"),
        (
            "row",
            "The experiences and progress of children who need help and protection",
            "Requires improvement to be good",
        ),
        ("row", "The experiences and progress of children in care and care leavers", "Good"),
        ("row", "Overall effectiveness", "Good"),
        (
            "text",
            "Services for children in Exampleshire have improved since the last inspection, "
            "when they were judged to require improvement to be good.",
        ),
        ("heading", "What needs to improve?"),
        *[("bullet", r) for r in recs],
    ]
    p2 = [
        (
            "heading",
            "The experiences and progress of children who need help and protection: "
            "requires improvement to be good",
        ),
        *_paragraphs(1, 4),
        ("heading", "The experiences and progress of children in care and care leavers: good"),
        *_paragraphs(5, 2),
    ]
    p3 = [
        (
            "heading",
            "The impact of leaders on social work practice with children and families: good",
        ),
        *_paragraphs(7, 3),
    ]
    return Layout(
        "ilacs_2019",
        [p1, p2, p3],
        header="Inspection of Exampleshire County Council local authority children’s services",
        expected={
            "header_dates": "27 September to 8 October 2021",
            "report_type": "ilacs",
            "local_authority": "Exampleshire",
            "inspection_start": "2021-09-27",
            "inspection_end": "2021-10-08",
            "published": None,
            "lead_inspector": "Jane Smith",
            "judgements": [
                ("impact_of_leaders", "good"),
                ("help_and_protection", "requires_improvement"),
                ("in_care_and_care_leavers", "good"),
                ("overall_effectiveness", "good"),
            ],
            "recommendations": recs,
            "paragraphs": list(range(1, 10)),
            "sections": {
                1: "The experiences and progress of children who need help and protection",
                5: "The experiences and progress of children in care and care leavers",
                9: "The impact of leaders on social work practice with children and families",
            },
        },
    )


def ilacs_2023() -> Layout:
    """ILACS from 2023: children in care and care leavers judged separately."""
    recs = [
        "The consistency of planning for children, including contingency planning.",
        "The corporate parenting response for care leavers aged over 21.",
    ]
    p1 = [
        ("line", "Inspection of the London Borough of Westfield local"),
        ("line", "authority children’s services"),
        ("line", "Inspection dates: 13 to 24 March 2023"),
        ("line", "Lead inspector: Sam Okafor, His Majesty’s Inspector"),
        ("line", "Judgement Grade"),
        ("line", "The impact of leaders on social work"),
        ("line", "practice with children and families"),
        ("line", "Requires improvement to be good"),
        ("line", "The experiences and progress of"),
        ("line", "children who need help and protection"),
        ("line", "Requires improvement to be good"),
        ("line", "The experiences and progress of"),
        ("line", "children in care"),
        ("line", "Good"),
        ("line", "The experiences and progress of care"),
        ("line", "leavers"),
        ("line", "Inadequate"),
        ("row", "Overall effectiveness", "Requires improvement to be good"),
        (
            "text",
            "Leaders have made steady progress since the last inspection, but services for "
            "care leavers have declined and are now inadequate.",
        ),
        ("heading", "What needs to improve?"),
        *[("bullet", r) for r in recs],
    ]
    p2 = [
        (
            "heading",
            "The experiences and progress of children who need help and protection: "
            "requires improvement to be good",
        ),
        *_paragraphs(1, 3),
        ("heading", "The experiences and progress of children in care: good"),
        *_paragraphs(4, 2),
        ("heading", "The experiences and progress of care leavers: inadequate"),
        *_paragraphs(6, 2),
    ]
    return Layout(
        "ilacs_2023",
        [p1, p2],
        header="Inspection of the London Borough of Westfield local authority children’s services",
        expected={
            "header_dates": "13 to 24 March 2023",
            "report_type": "ilacs",
            "local_authority": "Westfield",
            "inspection_start": "2023-03-13",
            "inspection_end": "2023-03-24",
            "published": None,
            "lead_inspector": "Sam Okafor",
            "judgements": [
                ("impact_of_leaders", "requires_improvement"),
                ("help_and_protection", "requires_improvement"),
                ("in_care", "good"),
                ("care_leavers", "inadequate"),
                ("overall_effectiveness", "requires_improvement"),
            ],
            "recommendations": recs,
            "paragraphs": list(range(1, 8)),
            "sections": {6: "The experiences and progress of care leavers"},
        },
    )


def ilacs_2026() -> Layout:
    """ILACS from April 2026: no overall effectiveness; items cite the national framework."""
    recs = [
        "The quality of the support and plans for children in need, including disabled children. "
        "(outcome 1, national framework)",
        "Communication of the local offer for care-experienced young adults. "
        "(outcome 4, national framework)",
    ]
    p1 = [
        ("line", "Inspection of Northmoor local authority"),
        ("line", "children’s services"),
        ("line", "Inspection dates: 11 to 22 May 2026"),
        ("line", "Lead inspector: David Cole, His Majesty’s Inspector"),
        ("line", "Judgement Grade"),
        ("row", "The impact of leaders on practice with children and families", "Outstanding"),
        ("row", "The experiences and progress of children who need help and protection", "Good"),
        ("row", "The experiences and progress of children in care", "Good"),
        ("row", "The experiences and progress of care leavers", "Good"),
        (
            "text",
            "The experiences of children and families in Northmoor have significantly "
            "improved since the previous inspection in 2022.",
        ),
        ("heading", "What needs to improve?1"),
        *[("bullet", r) for r in recs],
        ("heading", "The experiences and progress of children who need help and protection: good"),
        *_paragraphs(1, 3),
        ("line", ""),
        ("line", "1 The areas for improvement have been cross-referenced with the outcomes in the"),
        ("line", "Children’s Social Care: National Framework."),
    ]
    p2 = [
        *_paragraphs(4, 2),
        ("heading", "The impact of leaders on practice with children and families: outstanding"),
        *_paragraphs(6, 2),
    ]
    return Layout(
        "ilacs_2026",
        [p1, p2],
        header="Inspection of Northmoor local authority children’s services",
        expected={
            "header_dates": "11 to 22 May 2026",
            "report_type": "ilacs",
            "local_authority": "Northmoor",
            "inspection_start": "2026-05-11",
            "inspection_end": "2026-05-22",
            "published": None,
            "lead_inspector": "David Cole",
            "judgements": [
                ("impact_of_leaders", "outstanding"),
                ("help_and_protection", "good"),
                ("in_care", "good"),
                ("care_leavers", "good"),
            ],
            "overall_effectiveness": None,
            "recommendations": recs,
            "framework_outcomes": [1, 4],
            "paragraphs": list(range(1, 8)),
        },
    )


def sif_2016() -> Layout:
    """SIF 2013-18: sub-judgements 2.1 and 2.2, LSCB review with its own recommendations."""
    recs = [
        "Ensure that managers have sufficient oversight of practice and provide social workers "
        "with effective supervision.",
        "Improve the quality of assessments so that they take account of children’s histories.",
        "Ensure that the fostering service appropriately supports foster carers.",
    ]
    lscb_recs = [
        "Ensure that the multi-agency dataset contains sufficient information to judge the "
        "effectiveness of services.",
        "Develop robust processes to scrutinise the effectiveness of frontline practice.",
    ]
    p1 = [
        ("line", "1"),
        ("line", "Royal Borough of Kingsford"),
        ("line", "Inspection of services for children in need of help and"),
        ("line", "protection, children looked after and care leavers"),
        ("line", "and"),
        ("line", "Review of the effectiveness of the Local Safeguarding Children"),
        ("line", "Board"),
        ("line", "Inspection date: 20 June – 13 July 2016"),
        ("line", "Report published: 4 September 2016"),
        ("line", "Children’s services in Kingsford require improvement to be good"),
        ("row", "1. Children who need help and protection", "Requires improvement"),
        ("line", "2. Children looked after and achieving"),
        ("line", "permanence"),
        ("line", "Good"),
        ("row", "2.1 Adoption performance", "Outstanding"),
        ("row", "2.2 Experiences and progress of care leavers", "Requires improvement"),
        ("row", "3. Leadership, management and governance", "Requires improvement"),
    ]
    p2 = [
        ("line", "2"),
        ("heading", "Recommendations"),
        *[("para", k, r) for k, r in enumerate(recs, start=1)],
        ("heading", "Summary for children and young people"),
        ("text", "Most children who need help are supported well, but some wait too long."),
    ]
    p3 = [
        ("line", "3"),
        ("heading", "The experiences and progress of children who need help and protection"),
        ("line", "Requires improvement"),
        *_paragraphs(4, 4),
        ("heading", "Leadership, management and governance"),
        ("line", "Requires improvement"),
        *_paragraphs(8, 2),
    ]
    p4 = [
        ("line", "4"),
        ("heading", "The Local Safeguarding Children Board (LSCB)"),
        ("line", "The Local Safeguarding Children Board is good"),
        ("text", "The board has a good understanding of the quality of frontline practice."),
        ("heading", "Recommendations"),
        *[("para", k, r) for k, r in enumerate(lscb_recs, start=10)],
        ("heading", "Inspection findings – the Local Safeguarding Children Board"),
        *_paragraphs(12, 3),
        ("heading", "The inspection team"),
        ("line", "Lead inspector: Marcie Taylor"),
        ("line", "Deputy lead inspector: Nat Trent"),
    ]
    return Layout(
        "sif_2016",
        [p1, p2, p3, p4],
        expected={
            "report_type": "sif",
            "local_authority": "Kingsford",
            "inspection_start": "2016-06-20",
            "inspection_end": "2016-07-13",
            "published": "2016-09-04",
            "lead_inspector": "Marcie Taylor",
            "judgements": [
                ("overall_effectiveness", "requires_improvement"),
                ("help_and_protection", "requires_improvement"),
                ("looked_after_and_permanence", "good"),
                ("adoption", "outstanding"),
                ("care_leavers", "requires_improvement"),
                ("leadership_management_governance", "requires_improvement"),
                ("lscb", "good"),
            ],
            "recommendations": recs,
            "lscb_recommendations": lscb_recs,
            "paragraphs": [4, 5, 6, 7, 8, 9, 12, 13, 14],
            "sections": {
                8: "Leadership, management and governance",
                12: "Inspection findings – the Local Safeguarding Children Board",
            },
        },
    )


def sif_2014() -> Layout:
    """An early SIF report (2014) whose list of actions has topic lines printed in the same font
    as its items, and ends with the council's strengths, numbered on from the actions."""
    layout = sif_2016()
    recs = layout.expected["recommendations"]
    strengths = [
        "Many social workers are committed to the children of Kingsford and know them well.",
        "The out-of-hours service is well managed.",
    ]
    layout.pages[1] = [
        ("line", "2"),
        ("heading", "What does the local authority need to improve?"),
        ("heading", "Priority and immediate action"),
        ("para", 1, recs[0]),
        # the text layer repeats the next subheading at the end of the item before it
        ("line", "2. Improve the quality of assessments so that they take account of children’s"),
        ("line", "histories. Areas for improvement"),
        ("heading", "Areas for improvement"),
        ("line", "Services for children looked after"),
        ("para", 3, recs[2]),
        ("line", "The local authority has the following strengths:"),
        *[("para", k, t) for k, t in enumerate(strengths, start=4)],
        ("heading", "Summary for children and young people"),
        ("text", "Most children who need help are supported well, but some wait too long."),
    ]
    layout.pages[2] = [
        block if block[0] != "para" else ("para", block[1] + 2, block[2])
        for block in layout.pages[2]
    ]
    layout.pages[3] = [
        block if block[0] != "para" else ("para", block[1] + 2, block[2])
        for block in layout.pages[3]
    ]
    # an LSCB item whose lettered parts stand on lines of their own
    at = next(k for k, b in enumerate(layout.pages[3]) if b[0] == "para" and b[1] == 13)
    layout.pages[3][at : at + 1] = [
        ("line", "13. Scrutinise how partners safeguard children where"),
        ("line", "(i) they are privately fostered"),
        ("line", "(ii) their parents misuse drugs or alcohol"),
        ("line", "(iii) they are known to the youth offending team."),
    ]
    layout.expected["lscb_recommendations"] = [
        layout.expected["lscb_recommendations"][0],
        "Scrutinise how partners safeguard children where (i) they are privately fostered "
        "(ii) their parents misuse drugs or alcohol (iii) they are known to the youth "
        "offending team.",
    ]
    layout.name = "sif_2014"
    layout.expected["paragraphs"] = [4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16]
    layout.expected["strengths"] = strengths
    del layout.expected["sections"]
    return layout


def ilacs_2024_plain_headings() -> Layout:
    """An ILACS report whose judgement headings are printed like the text and start without
    "The", straight after the list of what needs to improve."""
    layout = ilacs_2019()
    # the last item's last line runs to the margin, so only its words say the heading is one
    last = (
        "The range of suitable accommodation for care leavers, and how well personal "
        "advisers help them to find a home and to keep it when they first leave care."
    )
    layout.pages[0][-1:] = [
        ("line", "• " + last[:76].rsplit(" ", 1)[0]),
        ("line", last[len(last[:76].rsplit(" ", 1)[0]) + 1 :]),
    ]
    layout.expected["recommendations"] = [*layout.expected["recommendations"][:-1], last]
    first, rest = layout.pages[1][0], layout.pages[1][1:]
    layout.pages[0] += [("line", first[1].removeprefix("The ").capitalize())]
    layout.pages[0] += rest[:4]
    layout.pages[1] = rest[4:]
    layout.name = "ilacs_2024_plain_headings"
    return layout


def lac_2013() -> Layout:
    """2012-13 inspection of looked after children services: 'Areas for improvement' with
    timescale sub-headings and the 'Record of main findings' table."""
    recs = [
        "improve the quality of supervision and management oversight in casework",
        "ensure that the voice of the child contributes effectively to care planning.",
        "improve the timeliness of care proceedings.",
    ]
    p1 = [
        ("line", "Inspection of looked after children"),
        ("line", "services"),
        ("line", "Fenshire County Council"),
        ("line", "Inspection dates: 15 – 19 July 2013"),
        ("line", "Reporting inspector Helen Marsh HMI"),
        ("line", "Age group: All"),
        ("line", "Published: 23 August 2013"),
        ("line", "© Crown copyright 2013"),
    ]
    p2 = [
        ("heading", "About this inspection"),
        *_paragraphs(1, 2),
        ("heading", "Areas for improvement"),
        (
            "para",
            3,
            "In order to improve the quality of provision and services for looked after "
            "children and young people in Fenshire, the local authority should take the "
            "following action.",
        ),
        ("line", "Immediately:"),
        ("bullet", recs[0]),
        ("bullet", recs[1]),
        ("line", "Within three months:"),
        ("bullet", recs[2]),
    ]
    p3 = [
        ("heading", "Quality of provision"),
        *_paragraphs(4, 3),
        ("heading", "Record of main findings"),
        ("line", "Services for looked after children"),
        ("row", "Overall effectiveness", "Adequate"),
        ("row", "Capacity to improve", "Good"),
        ("line", "Outcomes for looked after children and"),
        ("line", "young people"),
        ("line", "Adequate"),
        ("row", "Quality of provision", "Inadequate"),
        ("row", "Leadership and management", "Adequate"),
    ]
    return Layout(
        "lac_2013",
        [p1, p2, p3],
        expected={
            "report_type": "looked_after_children",
            "local_authority": "Fenshire",
            "inspection_start": "2013-07-15",
            "inspection_end": "2013-07-19",
            "published": "2013-08-23",
            "lead_inspector": "Helen Marsh",
            "judgements": [
                ("overall_effectiveness", "adequate"),
                ("capacity_to_improve", "good"),
                ("other", "adequate"),
                ("other", "inadequate"),
                ("leadership_management_governance", "adequate"),
            ],
            "recommendations": recs,
            # paragraph 3 only introduces the list of actions (labels rule 9 leaves it out)
            "paragraphs": [1, 2, 4, 5, 6],
        },
    )


def cabinet_paper() -> Layout:
    """A Cabinet paper that embeds an ILACS report as an appendix, then more appendices."""
    inner = ilacs_2019()
    cover = [
        ("line", "Cabinet"),
        ("line", "Date of Meeting: 14 January 2022"),
        (
            "line",
            "Report Title: Outcome of the Ofsted Inspection of Local Authority Children’s "
            "Services (ILACS)",
        ),
        ("heading", "1. Report Summary"),
        (
            "text",
            "This report updates Cabinet on the outcome of the Ofsted inspection of "
            "children’s services, which judged services to be good.",
        ),
        ("heading", "Recommendations"),
        ("text", "Cabinet is recommended to note the contents of the Ofsted report at Appendix 1."),
    ]
    back = [
        ("text", "Ofsted has published this report at reports.ofsted.gov.uk."),
        ("line", "© Crown copyright 2021"),
    ]
    appendix = [
        ("heading", "Appendix 2: Improvement plan"),
        (
            "text",
            "Theme 1: Practice excellence. Action: refresh the supervision policy. Lead: "
            "Head of Service. Due: March 2022.",
        ),
        (
            "text",
            "Theme 2: Learning organisation. Action: quarterly practice weeks. Lead: "
            "Principal Social Worker. Due: June 2022.",
        ),
    ]
    pages = [cover] + inner.pages + [back, appendix]
    expected = dict(inner.expected)
    expected["first_page"], expected["last_page"] = 2, 5
    return Layout("cabinet_paper", pages, expected=expected)


def focused_visit_letter() -> Layout:
    """An ILACS focused visit letter: no judgements, dates in the first sentence, signed."""
    recs = [
        "The timeliness of initial child protection conferences.",
        "Management oversight of children who are privately fostered.",
    ]
    p1 = [
        ("line", "14 June 2023"),
        ("line", "Alex Morgan"),
        ("line", "Director of Children’s Services"),
        ("line", "Eastvale Council"),
        ("line", "Dear Alex"),
        ("line", "Focused visit to Eastvale local authority children’s services"),
        (
            "text",
            "This letter summarises the findings of the focused visit to Eastvale local "
            "authority children’s services on 10 and 11 May 2023. His Majesty’s Inspectors "
            "for this visit were Priya Shah and Tom Reed.",
        ),
        (
            "text",
            "Inspectors looked at the local authority’s arrangements for children in need "
            "and those subject to a child protection plan.",
        ),
        ("heading", "Headline findings"),
        ("text", "Most children in need of help and protection receive a timely response."),
        ("heading", "Areas for improvement"),
        *[("bullet", r) for r in recs],
        ("heading", "Main findings"),
        (
            "text",
            "Leaders have a clear understanding of the strengths and weaknesses of practice "
            "and have acted on the findings of the last inspection.",
        ),
        (
            "text",
            "Ofsted will take the findings from this focused visit into account when "
            "planning your next inspection or visit.",
        ),
        ("line", "Yours sincerely"),
        ("line", "Priya Shah"),
        ("line", "His Majesty’s Inspector"),
    ]
    return Layout(
        "focused_visit_letter",
        [p1],
        expected={
            "report_type": "focused_visit",
            "local_authority": "Eastvale",
            "inspection_start": "2023-05-10",
            "inspection_end": "2023-05-11",
            "published": None,
            "lead_inspector": "Priya Shah",
            "judgements": [],
            "recommendations": recs,
            "paragraphs": [],
        },
    )


ALL = [ilacs_2019, ilacs_2023, ilacs_2026, sif_2016, lac_2013, focused_visit_letter]

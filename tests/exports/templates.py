"""Council templates (house style) made the way a council officer would, in Word."""

from __future__ import annotations

import io

from docx import Document


def word_template(*paragraphs: str) -> bytes:
    doc = Document()
    doc.add_heading("Northbrook Council house style", level=1)
    for text in paragraphs:
        doc.add_paragraph(text)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


GOOD = word_template(
    "{{ council }}: {{ plan_title }}, as at {{ today }}",
    "{% for a in actions %}Action {{ a.number }} {{ a.title }} led by {{ a.lead }} is "
    "{{ a.rag }}. {% endfor %}",
    "{{ rag_chart }}",
    "{{ rag_chart_alt }}",
)
SYNTAX_ERROR = word_template("{{ council }", "{% for a in actions %}no end")
UNKNOWN_PLACEHOLDER = word_template("{{ council }} {{ chief_executive }}")

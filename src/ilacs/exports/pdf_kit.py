"""PDF documents with reportlab's platypus: headings, tables whose header row repeats on every
page (repeatRows), RAG in words with a tint, page numbers, and the document's title and language
(en-GB) set for screen readers. reportlab's open-source edition writes untagged PDF; the Word
version of each document is the accessible one to publish."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from html import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Image,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ilacs.exports.docx_kit import HEADER_FILL, RAG_FILL
from ilacs.plans.rag import Rag

INK = colors.HexColor("#0b0c0c")
GREY = colors.HexColor("#505a5f")


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "body", parent=base["BodyText"], fontName="Helvetica", fontSize=9.5, leading=12.5
    )
    return {
        "title": ParagraphStyle(
            "title",
            parent=base["Title"],
            fontName="Helvetica-Bold",
            fontSize=20,
            leading=24,
            alignment=TA_LEFT,
            spaceAfter=8,
            textColor=INK,
        ),  # fmt: skip
        "h1": ParagraphStyle(
            "h1",
            parent=base["Heading1"],
            fontName="Helvetica-Bold",
            fontSize=15,
            leading=19,
            spaceBefore=12,
            spaceAfter=6,
            textColor=INK,
        ),  # fmt: skip
        "h2": ParagraphStyle(
            "h2",
            parent=base["Heading2"],
            fontName="Helvetica-Bold",
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
            textColor=INK,
        ),  # fmt: skip
        "body": body,
        "lead": ParagraphStyle("lead", parent=body, fontSize=11, leading=15, textColor=INK),
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        "cellb": ParagraphStyle(
            "cellb", parent=body, fontSize=8, leading=10, fontName="Helvetica-Bold"
        ),  # fmt: skip
        "note": ParagraphStyle("note", parent=body, fontSize=8, leading=10, textColor=GREY),
    }


STYLES = _styles()


class _Paragraph(Paragraph):
    """A paragraph that remembers its line breaks for a width. A long table is measured again
    at every page break; without this, a plan of 300 actions takes many seconds."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        wrapped = self._wrapped
        if wrapped is not None and wrapped[0] == availWidth and hasattr(self, "blPara"):
            self.width, self.height = wrapped[1]
            return wrapped[1]
        result = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, result)
        return result


def para(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return _Paragraph(escape(text or "").replace("\n", "<br/>"), STYLES[style])


PADDING = 4


def _cell(text: str, style: str, width_pt: float) -> str:
    """A table cell's text as plain lines wrapped to the column (the table draws them in the
    style's font and leading). A Paragraph per cell parsed markup and broke lines again on every
    measure: for a plan of 300 actions that was most of a PDF's time."""
    text = text or ""
    s = STYLES[style]
    room = width_pt - 2 * PADDING
    if "\n" not in text and stringWidth(text, s.fontName, s.fontSize) <= room:
        return text
    lines: list[str] = []
    for line in text.split("\n"):
        lines.extend(simpleSplit(line, s.fontName, s.fontSize, room) or [""])
    return "\n".join(lines)


def heading(text: str, level: int = 1) -> Paragraph:
    return para(text, f"h{level}")


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float],
    *,
    rag_column: int | None = None,
    rags: Sequence[Rag] | None = None,
    style: str = "cell",
) -> Table:
    widths = [w * cm for w in widths_cm]
    data = [[para(h, "cellb") for h in headers]]
    data += [[_cell(v, style, w) for v, w in zip(row, widths, strict=True)] for row in rows]
    # LongTable: row heights are worked out once, not again at every page break (a plan of 300
    # actions would otherwise take seconds).
    t = LongTable(data, colWidths=widths, repeatRows=1)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#b1b4b6")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#" + HEADER_FILL)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        # Plain-string cells in the paragraphs' font, size and colour.
        (
            "FONT",
            (0, 1),
            (-1, -1),
            STYLES[style].fontName,
            STYLES[style].fontSize,
            STYLES[style].leading,
        ),  # fmt: skip
        ("TEXTCOLOR", (0, 1), (-1, -1), STYLES[style].textColor),
    ]
    if rag_column is not None and rags is not None:
        for i, rag in enumerate(rags, start=1):
            commands.append(
                (
                    "BACKGROUND",
                    (rag_column, i),
                    (rag_column, i),
                    colors.HexColor("#" + RAG_FILL[rag]),
                )
            )
    t.setStyle(TableStyle(commands))
    return t


def image(png: bytes, width_cm: float, height_cm: float) -> Image:
    return Image(io.BytesIO(png), width=width_cm * cm, height=height_cm * cm)


def spacer(height_cm: float = 0.3) -> Spacer:
    return Spacer(1, height_cm * cm)


def build(
    story: list,
    *,
    title: str,
    subject: str = "",
    landscape_page: bool = False,
    footer: str = "",
    margin_cm: float = 1.6,
) -> bytes:
    out = io.BytesIO()
    pagesize = landscape(A4) if landscape_page else A4
    doc = SimpleDocTemplate(
        out,
        pagesize=pagesize,
        leftMargin=margin_cm * cm,
        rightMargin=margin_cm * cm,
        topMargin=margin_cm * cm,
        bottomMargin=margin_cm * cm + 0.4 * cm,
        title=title,
        author="ilacs",
        subject=subject,
        creator="ilacs",
        lang="en-GB",
        displayDocTitle=True,
    )
    footer_text = footer or title

    def on_page(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(margin_cm * cm, 0.9 * cm, footer_text[:150])
        canvas.drawRightString(pagesize[0] - margin_cm * cm, 0.9 * cm, f"Page {document.page}")
        canvas.restoreState()

    hook: Callable = on_page
    doc.build(story, onFirstPage=hook, onLaterPages=hook)
    return out.getvalue()

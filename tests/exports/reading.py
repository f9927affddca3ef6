"""Open generated files with their reading libraries, as a user's software would."""

from __future__ import annotations

import io

import pypdfium2
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook


def docx_text(content: bytes) -> tuple[list[tuple[str, str]], str]:
    """([(style, text)] of the paragraphs, all text including tables)."""
    doc = Document(io.BytesIO(content))
    paragraphs = [(p.style.name, p.text) for p in doc.paragraphs]
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return paragraphs, "\n".join([t for _, t in paragraphs] + cells)


def docx_headings(content: bytes) -> list[tuple[str, str]]:
    return [(s, t) for s, t in docx_text(content)[0] if s.startswith(("Heading", "Title"))]


def docx_tables(content: bytes) -> list[list[list[str]]]:
    doc = Document(io.BytesIO(content))
    return [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]


def docx_header_rows_repeat(content: bytes) -> bool:
    """Every table's first row is marked as a header row (repeats on each page)."""
    doc = Document(io.BytesIO(content))
    for t in doc.tables:
        tr_pr = t.rows[0]._tr.trPr
        if tr_pr is None or tr_pr.find(qn("w:tblHeader")) is None:
            return False
    return bool(doc.tables)


def docx_alt_texts(content: bytes) -> list[str]:
    doc = Document(io.BytesIO(content))
    return [shape._inline.docPr.get("descr") or "" for shape in doc.inline_shapes]


def pdf_pages(content: bytes) -> list[str]:
    pdf = pypdfium2.PdfDocument(content)
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in pdf]
    finally:
        pdf.close()


def pdf_metadata(content: bytes) -> dict:
    pdf = pypdfium2.PdfDocument(content)
    try:
        return pdf.get_metadata_dict()
    finally:
        pdf.close()


def xlsx_rows(content: bytes, sheet: str) -> list[tuple]:
    wb = load_workbook(io.BytesIO(content))
    return list(wb[sheet].iter_rows(values_only=True))

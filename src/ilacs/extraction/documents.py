"""Read a file into pages of text: PDF (pypdfium2), DOCX (python-docx), HTML (BeautifulSoup), text.

Everything that can go wrong with an input is raised here as ExtractionFailure with a code and a
message that names the problem; the parser only ever sees text.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ilacs.units import bytes_to_mb

from .model import ExtractionFailure, Source

DEFAULT_MAX_BYTES = 50_000_000
MAX_PAGES = 1500
# Below this many characters of text per page on average, a PDF is treated as scanned images.
MIN_CHARS_PER_PAGE = 40


@dataclass
class Document:
    """The text of one input file, page by page (one page for formats without pages)."""

    source: Source
    pages: list[str]
    paged: bool  # True when page numbers are the file's own (PDF, text with form feeds)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def sniff(head: bytes) -> str:
    """Guess the format from the first bytes, never from the file name."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    lower = stripped[:512].lower()
    if lower.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lower:
        return "html"
    if b"\x00" in head[:4096]:
        return "binary"
    try:
        head[:4096].decode("utf-8")
    except UnicodeDecodeError as e:
        # a multi-byte character cut at the end of the sample is still text
        if e.start < len(head[:4096]) - 4:
            try:
                head[:4096].decode("cp1252")
            except UnicodeDecodeError:
                return "binary"
    sample = head[:4096].decode("utf-8", "replace")
    printable = sum(ch.isprintable() or ch in "\n\r\t\f" for ch in sample)
    return "text" if sample and printable / len(sample) > 0.95 else "binary"


def read_document(
    path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None
) -> Document:
    """Read PATH into a Document, or raise ExtractionFailure naming what is wrong with it."""
    p = Path(path)
    source = Source(file=name or str(path), sha256="", format="unknown", pages=None)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise ExtractionFailure("not_found", f"No such file: {path}") from None
    except OSError as e:
        raise ExtractionFailure("unreadable", f"Cannot open {path}: {e.strerror}") from None
    if p.is_dir():
        raise ExtractionFailure("unreadable", f"{path} is a folder, not a document")
    if not p.is_file():
        raise ExtractionFailure("unreadable", f"{path} is not a regular file (a pipe or device)")
    if size == 0:
        raise ExtractionFailure("empty", "The file is empty (0 bytes).")
    if size > max_bytes:
        raise ExtractionFailure(
            "too_large",
            f"The file is {bytes_to_mb(size):.1f} MB; the limit is {bytes_to_mb(max_bytes):g} MB. "
            "Ofsted reports are well under 5 MB.",
        )
    try:
        with open(p, "rb") as f:
            head = f.read(8192)
    except OSError as e:
        raise ExtractionFailure("unreadable", f"Cannot read {path}: {e.strerror}") from None
    source.sha256 = sha256_of(p)
    kind = sniff(head)
    named_pdf = p.suffix.lower() == ".pdf"
    try:
        if kind == "pdf":
            source.format = "pdf"
            pages = _pdf_pages(p)
            source.pages = len(pages)
            return Document(source, pages, paged=True)
        if named_pdf:
            what = {
                "html": "an HTML page (often a saved error page from a website)",
                "text": "plain text",
                "zip": "a ZIP archive or Office document",
            }.get(kind, "not a PDF")
            raise ExtractionFailure(
                "not_a_pdf", f"The file is named .pdf but its content is {what}."
            )
        if kind == "zip":
            source.format = "docx"
            pages = _docx_pages(p)
            source.pages = len(pages)
            return Document(source, pages, paged=len(pages) > 1)
        if kind == "html":
            source.format = "html"
            return Document(source, [_html_text(p.read_bytes())], paged=False)
        if kind == "text":
            source.format = "text"
            text = _decode(p.read_bytes())
            pages = text.split("\f")
            source.pages = len(pages) if len(pages) > 1 else None
            return Document(source, pages, paged=len(pages) > 1)
    except ExtractionFailure as e:
        e.source = source  # type: ignore[attr-defined]
        raise
    failure = ExtractionFailure(
        "unreadable",
        "The file is not a PDF, Word (.docx), HTML or text document; it looks like binary data.",
    )
    failure.source = source  # type: ignore[attr-defined]
    raise failure


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def _pdf_pages(path: Path) -> list[str]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        err = getattr(e, "err_code", None)
        if err == pdfium_c.FPDF_ERR_PASSWORD:
            raise ExtractionFailure(
                "encrypted", "The PDF is password-protected; save an unprotected copy and retry."
            ) from None
        if err == pdfium_c.FPDF_ERR_SECURITY:
            raise ExtractionFailure(
                "encrypted", "The PDF uses an encryption scheme that cannot be opened."
            ) from None
        raise ExtractionFailure(
            "unreadable", "The PDF is damaged or truncated and cannot be opened."
        ) from None
    try:
        n = len(pdf)
        if n == 0:
            raise ExtractionFailure("unreadable", "The PDF has no pages.")
        if n > MAX_PAGES:
            raise ExtractionFailure(
                "too_many_pages", f"The PDF has {n} pages; the limit is {MAX_PAGES}."
            )
        pages = []
        for i in range(n):
            page = pdf[i]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
    except pdfium.PdfiumError:
        raise ExtractionFailure(
            "unreadable", "The PDF is damaged: its pages cannot be read."
        ) from None
    finally:
        pdf.close()
    chars = sum(len(t.strip()) for t in pages)
    if chars < MIN_CHARS_PER_PAGE * n:
        raise ExtractionFailure(
            "no_text_layer",
            f"The PDF has {n} page(s) but almost no text ({chars} characters): it is probably "
            "scanned images. Use the version published by Ofsted, or run it through OCR first.",
        )
    return pages


_PAGE_BREAK_TYPES = {"page"}


def _docx_pages(path: Path) -> list[str]:
    import docx
    from docx.oxml.ns import qn

    try:
        with zipfile.ZipFile(path) as z:
            if "word/document.xml" not in z.namelist():
                raise ExtractionFailure(
                    "unreadable",
                    "The file is a ZIP archive but not a Word document (no word/document.xml).",
                )
        document = docx.Document(str(path))
    except ExtractionFailure:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ExtractionFailure(
            "unreadable", "The Word document is damaged and cannot be opened."
        ) from None
    except Exception as e:  # lxml errors on a corrupt part
        raise ExtractionFailure("unreadable", f"The Word document cannot be read ({e}).") from None

    pages: list[list[str]] = [[]]
    body = document.element.body
    for block in body.iterchildren():
        if block.tag == qn("w:p"):
            line_parts: list[str] = []
            for node in block.iter():
                if node.tag == qn("w:t"):
                    line_parts.append(node.text or "")
                elif node.tag == qn("w:tab"):
                    line_parts.append("\t")
                elif node.tag == qn("w:br"):
                    if node.get(qn("w:type")) in _PAGE_BREAK_TYPES:
                        pages[-1].append("".join(line_parts))
                        line_parts = []
                        pages.append([])
                    else:
                        line_parts.append("\n")
            text = "".join(line_parts)
            props = block.find(qn("w:pPr"))
            style = props.find(qn("w:pStyle")) if props is not None else None
            is_list = props is not None and (
                props.find(qn("w:numPr")) is not None
                or (style is not None and (style.get(qn("w:val")) or "").startswith("List"))
            )
            pages[-1].append(("• " + text) if is_list and text.strip() else text)
        elif block.tag == qn("w:tbl"):
            for row in block.iter(qn("w:tr")):
                cells = []
                for cell in row.iter(qn("w:tc")):
                    cells.append(
                        " ".join(
                            "".join(t.text or "" for t in p.iter(qn("w:t")))
                            for p in cell.iter(qn("w:p"))
                        ).strip()
                    )
                pages[-1].append("\t".join(cells))
    return ["\n".join(lines) for lines in pages]


_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "hr",
}


def _html_text(data: bytes) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    for li in soup.find_all("li"):
        li.insert(0, "• ")
    for cell in soup.find_all(["td", "th"]):
        cell.append("\t")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    text = re.sub(r"[ \u00a0]*\n[ \u00a0]*", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text)


def read_bytes(data: bytes, filename: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read an upload held in memory (the web app) through the same checks as a file."""
    import tempfile

    suffix = Path(filename).suffix
    with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
        tmp.write(data)
        tmp.flush()
        return read_document(tmp.name, max_bytes=max_bytes, name=filename)


__all__ = ["Document", "read_document", "read_bytes", "sniff"]

"""Words shown to people: grades as Ofsted prints them, report types, extraction errors.

Plain Python, no database, so it is tested on its own.
"""

from __future__ import annotations

import re

from ilacs.extraction.documents import MAX_PAGES

GRADE_NAMES = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement to be good",
    "adequate": "Adequate",
    "inadequate": "Inadequate",
}

# GOV.UK tag colours. The grade is always written out too: colour is never the only signal.
GRADE_TAG_CLASSES = {
    "outstanding": "govuk-tag--green",
    "good": "govuk-tag--turquoise",
    "requires_improvement": "govuk-tag--yellow",
    "adequate": "govuk-tag--yellow",
    "inadequate": "govuk-tag--red",
}

JUDGEMENT_KEY_NAMES = {
    "overall_effectiveness": "Overall effectiveness",
    "impact_of_leaders": "Impact of leaders",
    "help_and_protection": "Help and protection",
    "in_care": "Children in care",
    "care_leavers": "Care leavers",
    "in_care_and_care_leavers": "Children in care and care leavers",
    "looked_after_and_permanence": "Children looked after and achieving permanence",
    "adoption": "Adoption performance",
    "leadership_management_governance": "Leadership, management and governance",
    "lscb": "Local safeguarding children board",
    "capacity_to_improve": "Capacity to improve",
}

FORMAT_NAMES = {
    "pdf": "PDF",
    "docx": "Word document",
    "html": "Web page",
    "text": "Text file",
}

REPORT_TYPE_NAMES = {
    "ilacs": "Inspection of local authority children’s services (ILACS)",
    "sif": "Single inspection framework (SIF) inspection",
    "looked_after_children": "Inspection of services for looked after children",
    "child_protection": "Inspection of arrangements for the protection of children",
    "safeguarding_and_lac": "Inspection of safeguarding and looked after children services",
    "focused_visit": "Focused visit",
    "monitoring_visit": "Monitoring visit",
    "jtai": "Joint targeted area inspection",
    "other": "Other inspection",
}

REPORT_TYPE_SHORT_NAMES = {
    "ilacs": "ILACS inspection",
    "sif": "SIF inspection",
    "looked_after_children": "Looked after children inspection",
    "child_protection": "Child protection inspection",
    "safeguarding_and_lac": "Safeguarding and looked after children inspection",
    "focused_visit": "Focused visit",
    "monitoring_visit": "Monitoring visit",
    "jtai": "Joint targeted area inspection",
    "other": "Other inspection",
}

# What an officer is told when a file cannot be read: one sentence on what happened, one on what
# to do. Keys are ilacs.extraction.model.ERROR_CODES.
ERROR_MESSAGES = {
    "not_found": "The file could not be found. Check the name and where it is saved.",
    "empty": "The file is empty. Download the report again and upload the new copy.",
    "not_a_pdf": (
        "The file is named as a PDF but is not one: it may be a web page saved with the wrong "
        "name. Download the report again from the Ofsted website."
    ),
    "encrypted": (
        "The PDF is protected by a password, so it cannot be read. Upload a copy without a "
        "password."
    ),
    "no_text_layer": (
        "The PDF contains pictures of pages with no text in them (for example, a scan). Upload "
        "the report as Ofsted published it."
    ),
    "not_an_inspection_report": (
        "This does not look like an Ofsted inspection report on a council's children's "
        "services. Check you chose the right file."
    ),
    "too_large": "The file is too large. Reports must be smaller than {max_mb} MB.",
    "too_many_pages": (
        "The file has too many pages. Reports must have {max_pages} pages or fewer: check you "
        "chose the right file."
    ),
    "unsupported_format": (
        "This type of file cannot be read. Upload a PDF, Word (.docx), web page (.html) or text "
        "file."
    ),
    "timeout": (
        "Reading the file took too long and was stopped. Try again; if it happens again, "
        "contact your administrator."
    ),
    "unreadable": (
        "The file is damaged or in a form that cannot be read. Download the report again and "
        "upload the new copy."
    ),
}


def grade_name(grade: str | None) -> str:
    """As Ofsted prints it: "requires_improvement" -> "Requires improvement to be good"."""
    if not grade:
        return ""
    return GRADE_NAMES.get(grade, grade.replace("_", " ").capitalize())


def judgement_name(printed: str, key: str) -> str:
    """A judgement's name from its printed row label. SIF reports print the LSCB's judgement as a
    sentence ("The Local Safeguarding Children Board is good"): its name is the subject."""
    name = re.sub(r"\s+(?:is|are)$", "", printed.strip(), flags=re.I).strip()
    return name or JUDGEMENT_KEY_NAMES.get(key, key)


def framework_label(reference: str | None) -> str:
    """ "outcome 1, national framework" -> "National framework outcome 1"; "Enabler: the workforce
    is equipped and effective, National Framework" -> "National framework enabler: the workforce
    is equipped and effective"."""
    cited = re.sub(r"(?i),?\s*national framework\s*$", "", (reference or "").strip()).strip()
    if not cited:
        return "National framework" if reference else ""
    return f"National framework {cited[:1].lower()}{cited[1:]}"


def grade_tag_class(grade: str | None) -> str:
    return GRADE_TAG_CLASSES.get(grade or "", "govuk-tag--grey")


def report_type_name(report_type: str) -> str:
    return REPORT_TYPE_NAMES.get(report_type, report_type)


def report_heading(report_type: str, la_name: str) -> str:
    """A page heading: "Northbrook: ILACS inspection"."""
    return f"{la_name}: {REPORT_TYPE_SHORT_NAMES.get(report_type, report_type)}"


def error_message(code: str, *, max_mb: float | None = None) -> str:
    """The plain-words sentence for an extraction error code."""
    template = ERROR_MESSAGES.get(
        code, "The file could not be read. Check it is an Ofsted report and try again."
    )
    return template.format(
        max_mb=_number(max_mb) if max_mb is not None else "the allowed",
        max_pages=f"{MAX_PAGES:,}",
    )


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"

"""factory_boy factories, and extraction records built from the dataclasses of
ilacs/extraction/model.py (the contract the ingest service reads)."""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

import factory
from django.contrib.auth import get_user_model

from ilacs.extraction.model import (
    ExtractedReport,
    ExtractionError,
    Judgement,
    Paragraph,
    Recommendation,
    Source,
)
from ilacs.inspections.models import Inspection
from ilacs.localauthorities.models import LocalAuthority

TEST_PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.LazyAttribute(lambda o: o.username.split("_")[0].capitalize())
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class LocalAuthorityFactory(factory.django.DjangoModelFactory):
    """A made-up council (never a real one: real ones come from the reference data)."""

    class Meta:
        model = LocalAuthority
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Testshire {n}")
    slug = factory.LazyAttribute(lambda o: o.name.lower().replace(" ", "-"))
    is_fictional = True


class InspectionFactory(factory.django.DjangoModelFactory):
    """An inspection row without going through ingest (for page and permission tests)."""

    class Meta:
        model = Inspection

    local_authority = factory.SubFactory(LocalAuthorityFactory)
    report_type = "ilacs"
    inspection_start = factory.Faker("date_between", start_date="-8y", end_date="-1y")
    inspection_end = factory.LazyAttribute(lambda o: o.inspection_start)
    overall_effectiveness = "good"
    source_filename = "report.pdf"
    sha256 = factory.Sequence(lambda n: hashlib.sha256(f"report {n}".encode()).hexdigest())
    source_key = factory.LazyAttribute(lambda o: o.sha256)
    format = "pdf"
    pages = 12
    source_file = factory.LazyAttribute(lambda o: f"inspections/{o.sha256}.pdf")
    # Members only unless a test says otherwise (ofsted_published=True: visible to everyone
    # signed in), so that permission tests keep testing the council boundary.
    ofsted_published = False


# --- extraction records ------------------------------------------------------------------------


def make_source(data: bytes = b"report", filename: str = "report.pdf", **kwargs: Any) -> Source:
    defaults: dict[str, Any] = {
        "file": filename,
        "sha256": hashlib.sha256(data).hexdigest(),
        "format": "pdf",
        "pages": 12,
    }
    defaults.update(kwargs)
    return Source(**defaults)


def make_report(
    local_authority: str | None = "Northbrook",
    *,
    source: Source | None = None,
    judgements: list[Judgement] | None = None,
    recommendations: list[Recommendation] | None = None,
    paragraphs: list[Paragraph] | None = None,
    **kwargs: Any,
) -> ExtractedReport:
    """An ILACS report record as the extractor would return it."""
    if judgements is None:
        judgements = [
            Judgement(
                "The impact of leaders on social work practice with children and families",
                "impact_of_leaders",
                "requires_improvement",
            ),
            Judgement(
                "The experiences and progress of children who need help and protection",
                "help_and_protection",
                "good",
            ),
            Judgement("The experiences and progress of children in care", "in_care", "outstanding"),
            Judgement("The experiences and progress of care leavers", "care_leavers", "inadequate"),
            Judgement("Overall effectiveness", "overall_effectiveness", "requires_improvement"),
        ]
    if recommendations is None:
        recommendations = [
            Recommendation(1, "The quality of plans for children in need.", 3),
            Recommendation(2, "Management oversight and supervision.", 3),
        ]
    if paragraphs is None:
        paragraphs = [
            Paragraph("The experiences and progress of children who need help and protection", 1,
                      "Children and families benefit from early help.", 4),
            Paragraph("The experiences and progress of children who need help and protection", 2,
                      "Contacts are screened promptly.", 4),
            Paragraph("The experiences and progress of children in care", 37,
                      "Children in care live in stable homes.", 9),
        ]  # fmt: skip
    fields: dict[str, Any] = {
        "source": source or make_source(),
        "report_type": "ilacs",
        "local_authority": local_authority,
        "inspection_start": "2024-03-04",
        "inspection_end": "2024-03-15",
        "published": "2024-04-26",
        "lead_inspector": "Jane Example",
        "judgements": judgements,
        "recommendations": recommendations,
        "paragraphs": paragraphs,
        "title": f"Inspection of {local_authority} local authority children's services",
    }
    fields.update(kwargs)
    return ExtractedReport(**fields)


def report_record(local_authority: str | None = "Northbrook", **kwargs: Any) -> dict[str, Any]:
    return make_report(local_authority, **kwargs).to_dict()


def error_record(code: str, message: str = "details", filename: str = "report.pdf") -> dict:
    return ExtractionError(make_source(filename=filename), code, message).to_dict()


class FakeExtractor:
    """Stands in for ilacs.extraction.extract_bytes: returns the records it was given."""

    def __init__(self, *records: dict[str, Any]):
        self.records = list(records)
        self.calls: list[tuple[bytes, str]] = []

    def __call__(self, data: bytes, filename: str) -> list[dict[str, Any]]:
        self.calls.append((data, filename))
        return [dict(r) for r in self.records]


# --- improvement plans --------------------------------------------------------------------------


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "inspections.Recommendation"

    inspection = factory.SubFactory(InspectionFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.LazyAttribute(lambda o: f"Improve area {o.number}.")
    page = 3


class ImprovementPlanFactory(factory.django.DjangoModelFactory):
    """A plan row without going through the service (no requirements copied)."""

    class Meta:
        model = "plans.ImprovementPlan"

    inspection = factory.SubFactory(InspectionFactory)
    local_authority = factory.SelfAttribute("inspection.local_authority")
    title = factory.Sequence(lambda n: f"Improvement plan {n}")
    report_published = datetime.date(2024, 4, 26)
    submission_deadline = datetime.date(2024, 8, 9)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "plans.Action"

    plan = factory.SubFactory(ImprovementPlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Action {o.number}")
    lead_role = "Head of Service, Children in Care"
    status = "in_progress"

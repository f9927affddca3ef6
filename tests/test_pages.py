"""What the local authority and inspection pages show."""

import pytest
from django.urls import reverse

from ilacs.inspections.services import ingest_file
from tests.factories import FakeExtractor, InspectionFactory, report_record


@pytest.fixture
def inspection(cast):
    result = ingest_file(
        b"%PDF report", "northbrook.pdf", extractor=FakeExtractor(report_record("Northbrook"))
    )
    return result.inspections[0]


def _page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_inspection_page(client, cast, inspection):
    body = _page(client, cast.vic_viewer, inspection.get_absolute_url())
    assert '<h1 class="govuk-heading-l">Inspection of local authority children' in body
    assert "4 to 15 March 2024" in body
    assert "26 April 2024" in body  # published
    assert "Jane Example" in body
    # Judgements as GOV.UK tags, grades as Ofsted prints them.
    assert '<strong class="govuk-tag govuk-tag--yellow ilacs-grade-tag">' in body
    assert "Requires improvement to be good" in body
    assert "govuk-tag--red" in body and "Inadequate" in body
    assert "govuk-tag--green" in body and "Outstanding" in body
    # What needs to improve, with page references.
    assert "What needs to improve" in body
    assert "The quality of plans for children in need." in body
    assert "Page 3" in body
    # Findings grouped by section, cited as councils cite them.
    assert "The experiences and progress of children in care" in body
    assert "Paragraph 37, page 9" in body
    assert 'id="paragraph-37"' in body
    # The report itself, through the permission-checked view.
    assert reverse("inspections:source", args=["northbrook", inspection.pk]) in body
    assert "/media/" not in body


def test_viewers_see_no_upload_button(client, cast, inspection):
    body = _page(client, cast.vic_viewer, reverse("localauthorities:detail", args=["northbrook"]))
    assert "Add an inspection report" not in body


def test_la_page_lists_inspections_over_time_with_grades(client, cast, inspection):
    InspectionFactory(
        local_authority=cast.northbrook,
        report_type="sif",
        inspection_start="2016-01-11",
        inspection_end="2016-02-04",
        overall_effectiveness="inadequate",
    )
    body = _page(client, cast.erin_editor, reverse("localauthorities:detail", args=["northbrook"]))
    assert '<table class="govuk-table' in body
    newest, oldest = body.index("4 to 15 March 2024"), body.index("11 January to 4 February 2016")
    assert newest < oldest
    assert "Inadequate" in body
    assert "Help and protection: <strong>Good</strong>" in body
    assert "This council is fictional" in body
    assert "Add an inspection report" in body


def test_real_council_page_shows_reference_facts_and_neighbours(client, cast):
    client.force_login(cast.sam_superuser)
    body = client.get(reverse("localauthorities:detail", args=["leicestershire"])).content.decode()
    assert "DfE LA code" in body and ">855<" in body
    assert "E10000018" in body
    assert "East Midlands" in body
    assert "Statistical neighbours" in body
    # All ten, closest first, linked for someone who may see them.
    assert body.index("Gloucestershire") < body.index("Nottinghamshire")
    assert 'href="/la/gloucestershire/"' in body


def test_neighbours_are_linked_for_everyone_signed_in(client, cast):
    # Every council's page is its public record (published inspections), so a viewer of
    # Northbrook follows Leicestershire's neighbours to their pages.
    body = _page(
        client, cast.vic_viewer, reverse("localauthorities:detail", args=["leicestershire"])
    )
    assert 'href="/la/gloucestershire/"' in body


def test_former_council_says_who_replaced_it(client, cast):
    client.force_login(cast.sam_superuser)
    body = client.get(reverse("localauthorities:detail", args=["cumbria"])).content.decode()
    assert (
        "Cumbria no longer exists: it was replaced by Cumberland and Westmorland and Furness"
        in (body)
    )
    body = client.get(reverse("localauthorities:detail", args=["cumberland"])).content.decode()
    assert "took over from" in body and 'href="/la/cumbria/"' in body


def test_page_titles_and_landmarks(client, cast, inspection):
    body = _page(client, cast.vic_viewer, inspection.get_absolute_url())
    assert "<title>Northbrook: ILACS inspection, 4 to 15 March 2024 – ilacs</title>" in body
    assert 'lang="en-GB"' in body
    assert 'href="#main-content"' in body and 'id="main-content"' in body
    assert 'aria-label="Breadcrumb"' in body


def test_undated_inspections_come_last(client, cast, inspection):
    InspectionFactory(local_authority=cast.northbrook, inspection_start=None, inspection_end=None)
    body = _page(client, cast.erin_editor, reverse("localauthorities:detail", args=["northbrook"]))
    assert body.index("4 to 15 March 2024") < body.index("dates not given")
    home = _page(client, cast.erin_editor, reverse("home"))
    assert "4 to 15 March 2024" in home  # the latest is the dated one


def test_footer_promises_only_what_exists(client, cast):
    """Evidence and board papers are not in ilacs yet: the footer must not claim them."""
    body = client.get(reverse("accounts:login")).content.decode()
    footer = body[body.index('<footer class="govuk-footer">') :]
    assert "Ofsted inspection reports on children's services, and the improvement plans" in footer
    assert "evidence" not in footer
    assert "board papers" not in footer

"""The search page: signed-in only, filters from the address, safe snippets, pages, errors in
GOV.UK words; and the plan page's link into it."""

from __future__ import annotations

import re

from django.urls import reverse

from ilacs.plans.services import create_plan
from tests.search.conftest import add_report

URL = reverse("search:search")


def test_anonymous_people_are_sent_to_sign_in(client, reports):
    response = client.get(URL + "?q=care")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_the_bare_page_is_the_form(client, cast):
    client.force_login(cast.nora_nobody)
    response = client.get(URL)
    assert response.status_code == 200
    assert b"Search findings and recommendations" in response.content
    assert b"Type words to search for" in response.content
    assert b"ilacs-search-result" not in response.content


def test_results_show_council_year_grade_paragraph_page_and_link(client, cast, reports):
    # Someone of another council (and someone of none) finds Northbrook's published words.
    client.force_login(cast.olly_other_la)
    response = client.get(URL, {"q": "personal advisers", "grade": ["good", "outstanding"]})
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 result" in page
    link = f"/la/northbrook/inspections/{reports['northbrook'].pk}/#paragraph-41"
    assert f'href="{link}"' in page
    assert "Northbrook, 2024: Paragraph 41, page 9" in page
    assert "Care leavers: <strong" in page and ">Good</strong>" in page
    assert "<mark>personal</mark>" in page


def test_the_snippet_and_the_words_typed_are_escaped(client, cast, reports):
    client.force_login(cast.vic_viewer)
    response = client.get(URL, {"q": 'bold "><script>alert(1)</script>'})
    page = response.content.decode()
    assert "<script>alert" not in page
    assert "<b>bold</b>" not in page
    response = client.get(URL, {"q": "bold"})
    page = response.content.decode()
    assert "<mark>bold</mark>" in page
    assert "<script>alert" not in page and "<b>" not in page


def test_filters_alone_and_the_result_count(client, cast, reports):
    client.force_login(cast.vic_viewer)
    response = client.get(URL, {"theme": "care_leavers", "region": "London"})
    page = response.content.decode()
    assert "3 results" in page
    assert "newest inspection first" in page
    assert "Northbrook" not in page.split('id="results"')[1]


def test_pages_link_to_each_other_keeping_the_filters(client, cast, reports):
    for year in range(2008, 2013):  # five more reports of five texts each
        start, end = f"{year}-05-01", f"{year}-05-10"
        add_report("Southmere", f"{year}".encode(), inspection_start=start, inspection_end=end)
    client.force_login(cast.vic_viewer)
    response = client.get(URL, {"q": "", "region": "London"})
    assert "29 results" in response.content.decode()
    assert "Showing 1 to 20" in response.content.decode()
    links = re.findall(r'href="(\?[^"]*page=2[^"]*)"', response.content.decode())
    assert links and all("region=London" in link for link in links)
    second = client.get(URL + links[0].replace("&amp;", "&"))
    assert "Showing 21 to" in second.content.decode()


def test_a_bad_year_is_an_error_in_plain_words(client, cast, reports):
    client.force_login(cast.vic_viewer)
    response = client.get(URL, {"q": "care", "year_from": "2024", "year_to": "2019"})
    assert response.status_code == 400
    assert "To year must be the same as or after from year" in response.content.decode()
    response = client.get(URL, {"q": "care", "year_from": "soon"})
    assert response.status_code == 400
    assert "From year must be a whole number" in response.content.decode()
    response = client.get(URL, {"theme": "not_a_topic"})
    assert response.status_code == 400
    assert "Select an improvement topic from the list" in response.content.decode()


def test_the_header_links_to_search(client, cast):
    client.force_login(cast.nora_nobody)
    response = client.get(reverse("home"))
    assert f'href="{URL}"' in response.content.decode()


def test_a_plan_requirement_links_to_what_councils_judged_good_wrote(client, cast, reports):
    plan = create_plan(reports["northbrook"], user=cast.erin_editor)
    client.force_login(cast.vic_viewer)
    page = client.get(plan.get_absolute_url()).content.decode()
    link = f"{URL}?theme=care_leavers&amp;grade=good&amp;grade=outstanding"
    assert f'href="{link}"' in page
    assert "What councils judged good wrote about this topic: Care leavers" in page
    results = client.get(link.replace("&amp;", "&")).content.decode()
    assert "Eastwick" in results  # care leavers judged outstanding
    assert "Southmere" not in results.split('id="results"')[1]  # judged inadequate


def test_a_page_number_that_is_not_one_reads_as_the_first(client, cast, reports):
    client.force_login(cast.vic_viewer)
    for page in ("abc", "0", "-3", "9999999"):
        response = client.get(URL, {"q": "care", "page": page})
        assert response.status_code == 200
        assert "Showing 1 to" in response.content.decode()

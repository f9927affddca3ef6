"""The self-evaluation pages: list, start, read beside the evidence, change a section, versions,
and last year beside this year."""

import datetime as dt
import re

from django.urls import reverse

from ilacs.evidence import services as evidence_services
from ilacs.plans import services as plan_services
from ilacs.selfevaluation import queries
from ilacs.selfevaluation.models import SelfEvaluation


def _url(name, *args):
    return reverse(f"selfevaluation:{name}", args=["northbrook", *args])


def _text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_list_and_starting_one(client, cast, plan, last_year):
    client.force_login(cast.erin_editor)
    listing = _text(client.get(_url("index")))
    assert "Self-evaluation of social work practice, 2025" in listing
    assert "4 of 4" in listing
    assert "Start a self-evaluation" in listing
    response = client.post(
        _url("start"),
        {
            "year": "2026",
            "as_at_day": "19",
            "as_at_month": "1",
            "as_at_year": "2026",
            "plan": "",
            "from_last_year": "on",
        },
    )
    assert response.status_code == 302
    se = SelfEvaluation.objects.get(year=2026)
    assert response["Location"] == se.get_absolute_url()
    assert se.sections.get(kind="how").text == "2025 how: practice was inconsistent."


def test_starting_a_year_twice_says_so(client, cast, this_year):
    client.force_login(cast.erin_editor)
    response = client.post(
        _url("start"),
        {"year": "2026", "as_at_day": "1", "as_at_month": "2", "as_at_year": "2026"},
    )
    assert response.status_code == 400
    assert "Northbrook already has a self-evaluation for 2026" in _text(response)


def test_a_viewer_reads_but_cannot_start_or_change(client, cast, this_year):
    client.force_login(cast.vic_viewer)
    assert "Start a self-evaluation" not in _text(client.get(_url("index")))
    page = client.get(_url("detail", 2026))
    assert page.status_code == 200
    assert f'"{_url("section_edit", 2026, "know")}"' not in page.content.decode()


def test_each_section_sits_beside_the_evidence(
    client, cast, this_year, seen_in_time, cp_audit, caras_action, officers_action
):
    update = plan_services.post_update(
        caras_action, user=cast.cara_contributor, narrative="Going well.", rag="green"
    )
    for day, name in ((dt.date(2025, 5, 1), "register.csv"), (dt.date(2024, 5, 1), "old.txt")):
        evidence_services.attach(
            update,
            user=cast.cara_contributor,
            data=b"team,attended\nA,yes\nB,no\n",
            filename=name,
            description=f"Workshop attendance {day.year}",
            effective_date=day,
        )
    client.force_login(cast.vic_viewer)
    text = _text(client.get(_url("detail", 2026)))
    # Evidence files of the year before the self-evaluation's date, with their action.
    assert "register.csv (1 May 2025): Workshop attendance 2025" in text
    assert "Action 1 : SMART planning workshops" in text
    assert "old.txt" not in text
    # The three questions and the summary, with the text and who saved it.
    for heading in (
        "Summary and context",
        "What do you know about the quality and impact of social work practice?",
        "How do you know it?",
        "What are your plans to maintain or improve practice?",
    ):
        assert heading in text
    assert "Practice is improving in most teams." in text
    assert f"Version 2, saved by {cast.alice_admin.get_full_name()}" in text
    # Measures against target and comparators, RAG in words.
    assert "Children seen within timescales" in text
    assert "73% Target 85%" in text
    assert "Red" in text and "12 points below target of 85%" in text
    assert "84% in England , 81% for statistical neighbours" in text
    # Case audits and their learning.
    assert "Child protection plans" in text and "50% " in text
    assert "Plans are SMARTer." in text
    # The plan's progress and each recommendation with its actions' RAG.
    assert "2 actions" in text
    assert "Action 2 : Performance scorecard for the board, due 31 March 2025" in text
    assert "1. Improve area 1." in text and "Action 1 Red" in text  # overdue
    assert "Not yet evaluated" in text
    assert "Compare with 2025" not in text  # no 2025 in this test


def test_recommendation_evaluations_come_from_one_place(cast, plan, caras_action, monkeypatch):
    first = plan.requirements.get(number=1)
    monkeypatch.setattr(queries, "latest_evaluations", lambda plan: {first.pk: "Partly met"})
    rows = queries.recommendation_evaluations(plan, dt.date(2025, 6, 1))
    assert [(r.requirement.number, r.evaluation) for r in rows] == [
        (1, "Partly met"),
        (2, None),
        (3, None),
    ]
    assert [a.number for a, _ in rows[0].actions] == [1]


def test_changing_a_section_saves_a_new_version(client, cast, this_year):
    client.force_login(cast.erin_editor)
    url = _url("section_edit", 2026, "how")
    form = client.get(url).content.decode()
    assert 'name="loaded_version"' in form
    response = client.post(url, {"text": "Through audit and observation.", "loaded_version": "0"})
    assert response.status_code == 302
    assert response["Location"].endswith("#section-how")
    section = this_year.sections.get(kind="how")
    assert section.text == "Through audit and observation." and section.version == 1


def test_a_stale_save_shows_both_texts(client, cast, this_year):
    client.force_login(cast.erin_editor)
    response = client.post(
        _url("section_edit", 2026, "know"), {"text": "My older edit", "loaded_version": "1"}
    )
    assert response.status_code == 409
    text = _text(response)
    assert "Someone else saved this section after you opened it" in text
    assert "My older edit" in text
    assert "Practice is improving in most teams." in text
    assert 'value="2"' in response.content.decode()  # a second save goes through
    again = client.post(
        _url("section_edit", 2026, "know"), {"text": "My older edit", "loaded_version": "2"}
    )
    assert again.status_code == 302


def test_earlier_versions_can_be_read(client, cast, this_year):
    client.force_login(cast.vic_viewer)
    listing = _text(client.get(_url("section_versions", 2026, "know")))
    assert "Version 2 (current)" in listing and "Version 1" in listing
    one = _text(client.get(_url("section_version", 2026, "know", 1)))
    assert "Practice is improving: first draft." in one
    assert "The current version is 2." in one
    assert client.get(_url("section_version", 2026, "know", 9)).status_code == 404
    assert client.get(_url("section_versions", 2026, "nonsense")).status_code == 404


def test_last_year_beside_this_year(client, cast, this_year, last_year):
    client.force_login(cast.vic_viewer)
    detail = _text(client.get(_url("detail", 2026)))
    assert "Compare with 2025" in detail
    text = _text(client.get(_url("compare", 2026)))
    assert "2026 beside 2025" in text
    assert "Practice is improving in most teams." in text
    assert "2025 know: practice was inconsistent." in text
    nothing = _text(client.get(_url("compare", 2025)))
    assert "There is no self-evaluation for 2024" in nothing


def test_an_unknown_year_is_404(client, cast, this_year):
    client.force_login(cast.erin_editor)
    assert client.get(_url("detail", 2019)).status_code == 404


def test_a_service_administrators_view_is_on_the_councils_audit_log(client, cast, this_year):
    from ilacs.audit.models import Read, ReadKind

    client.force_login(cast.sam_superuser)
    assert client.get(_url("detail", 2026)).status_code == 200
    (read,) = Read.objects.all()
    assert read.kind == ReadKind.SERVICE_ADMIN_VIEW
    assert read.local_authority == cast.northbrook
    assert "Self-evaluation of social work practice, 2026" in read.what


def test_a_long_plan_is_summarised(
    client, cast, this_year, caras_action, officers_action, monkeypatch
):
    monkeypatch.setattr(queries, "ACTIONS_LISTED", 0)
    monkeypatch.setattr(queries, "OVERDUE_LISTED", 1)
    client.force_login(cast.vic_viewer)
    text = _text(client.get(_url("detail", 2026)))
    assert "And 1 more: every overdue action on the dashboard" in text
    assert "1. Improve area 1. Red 1 action" in text

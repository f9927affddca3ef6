"""What the plan pages show, and their forms: GOV.UK components, error summaries, dates typed as
day, month and year, links from the council and inspection pages."""

import datetime as dt

import pytest
from django.urls import reverse

from ilacs.plans import services
from ilacs.plans.models import Action, ImprovementPlan
from tests.plans.conftest import make_inspection


def page(client, user, url, status=200):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == status
    return response.content.decode()


# --- links from the council and inspection pages ---------------------------------------------


def test_editors_see_create_on_the_inspection_page(client, cast, inspection):
    body = page(client, cast.erin_editor, inspection.get_absolute_url())
    assert "Create improvement plan" in body
    # The report prints its publication date: one click (a form that posts).
    create = reverse("plans:create", args=["northbrook", inspection.pk])
    assert f'<form method="post" action="{create}">' in body
    body = page(client, cast.vic_viewer, inspection.get_absolute_url())
    assert "Create improvement plan" not in body


def test_one_click_creates_the_plan(client, cast, inspection):
    client.force_login(cast.erin_editor)
    response = client.post(reverse("plans:create", args=["northbrook", inspection.pk]))
    plan = ImprovementPlan.objects.get(inspection=inspection)
    assert response["Location"] == plan.get_absolute_url()
    body = client.get(plan.get_absolute_url()).content.decode()
    assert "created with 3 recommendations from the report" in body
    # Once made, the pages link to it instead.
    body = page(client, cast.vic_viewer, inspection.get_absolute_url())
    assert "View improvement plan" in body and "Create improvement plan" not in body
    body = page(client, cast.vic_viewer, reverse("localauthorities:detail", args=["northbrook"]))
    assert "View improvement plan" in body
    # Asking again leads to the plan: never a second one.
    client.force_login(cast.erin_editor)
    client.post(reverse("plans:create", args=["northbrook", inspection.pk]))
    assert ImprovementPlan.objects.count() == 1


def test_without_a_printed_date_the_editor_enters_it(client, cast):
    inspection = make_inspection(cast.northbrook, published=None)
    url = reverse("plans:create", args=["northbrook", inspection.pk])
    body = page(client, cast.erin_editor, inspection.get_absolute_url())
    assert f'href="{url}"' in body  # a link to the page that asks for the date
    body = page(client, cast.erin_editor, url)
    assert "This report does not print its publication date" in body
    assert 'name="report_published_day"' in body
    response = client.post(url, {"report_published_day": "3", "report_published_month": "3"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Date the report was published must include a year" in body
    assert 'href="#id_report_published_day"' in body
    response = client.post(
        url,
        {
            "report_published_day": "3",
            "report_published_month": "3",
            "report_published_year": "2025",
        },
    )
    plan = ImprovementPlan.objects.get(inspection=inspection)
    assert response.status_code == 302
    assert plan.submission_deadline == dt.date(2025, 6, 13)


def test_the_la_page_offers_to_create_a_plan_to_editors_only(client, cast, inspection):
    url = reverse("localauthorities:detail", args=["northbrook"])
    assert "Create improvement plan" in page(client, cast.erin_editor, url)
    assert "Create improvement plan" not in page(client, cast.cara_contributor, url)


# --- the plan page ---------------------------------------------------------------------------


def test_the_plan_page(client, cast, plan, caras_action, officers_action):
    body = page(client, cast.vic_viewer, plan.get_absolute_url())
    assert '<h1 class="govuk-heading-l">Northbrook improvement plan' in body
    assert "Draft" in body
    assert "6 August 2024" in body  # submission deadline
    assert "Practice excellence" in body  # theme heading
    assert "SMART planning workshops" in body and "Cara" in body
    assert "Head of Performance" in body  # a named officer leads
    assert "30 June 2025" in body
    # RAG tags say the word, not colour alone.
    assert 'ilacs-rag-tag">Red</strong>' in body
    # Every recommendation, with the actions that answer it.
    assert "Recommendation 1" in body and "Improve area 1." in body
    assert 'Answered by <a class="govuk-link" href="/la/northbrook/plans/' in body
    # Viewers see no buttons that change things.
    assert "Add an action" not in body and "Change the plan" not in body
    body = page(client, cast.erin_editor, plan.get_absolute_url())
    assert "Add an action" in body and "Change the plan's details" in body


def test_a_recommendation_without_an_action_says_so(client, cast, plan, caras_action):
    body = page(client, cast.vic_viewer, plan.get_absolute_url())
    assert "No action yet" in body


# --- the action page and its forms -----------------------------------------------------------


def test_the_action_page(client, cast, caras_action):
    services.add_milestone(
        caras_action, user=cast.erin_editor, title="Materials agreed", due_date=dt.date(2025, 2, 1)
    )
    services.post_update(
        caras_action,
        user=cast.cara_contributor,
        narrative="Four workshops held.",
        rag="amber",
        date=dt.date(2025, 2, 28),
        evidence="Attendance register",
    )
    services.set_rag_override(
        caras_action, user=cast.erin_editor, rag="red", reason="Trainer has left"
    )
    url = caras_action.get_absolute_url()
    body = page(client, cast.cara_contributor, url)
    assert "SMART planning workshops" in body
    assert "Half-day workshops for every team." in body
    assert "All 18 teams attend." in body
    assert "Recommendation 1</a>: Improve area 1." in body
    assert "Materials agreed" in body and "1 February 2025" in body
    assert "Four workshops held." in body and "Attendance register" in body
    assert "Set by hand</strong> by Erin" in body and "Trainer has left" in body
    # Cara leads it: she may post an update, not change it.
    assert "Post a progress update" in body
    assert "Change the action" not in body
    body = page(client, cast.vic_viewer, url)
    assert "Post a progress update" not in body


def test_add_an_action_form(client, cast, plan, theme):
    url = reverse("plans:action_add", args=["northbrook", plan.pk])
    body = page(client, cast.erin_editor, url)
    assert 'type="checkbox"' in body and "Improve area 2." in body
    assert '<select class="govuk-select"' in body
    assert 'name="due_date_day"' in body
    # Errors: summary at the top, linked to the fields, and the entries kept.
    response = client.post(
        url, {"title": "", "due_date_day": "31", "due_date_month": "2", "due_date_year": "2025"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "<title>Error: Add an action – ilacs</title>" in body
    assert 'href="#id_title">Enter the action&#x27;s title' in body
    assert "Due date must be a real date" in body
    assert "Choose the lead, or enter the lead&#x27;s role" in body
    assert 'value="31"' in body
    requirements = list(plan.requirements.order_by("number"))
    response = client.post(
        url,
        {
            "title": "Audit plans every quarter",
            "requirements": [requirements[0].pk, requirements[2].pk],
            "theme": theme.pk,
            "lead_user": "",
            "lead_role": "Head of Quality Assurance",
            "due_date_day": "31",
            "due_date_month": "3",
            "due_date_year": "2026",
            "status": "not_started",
            "success_measure": "65% good or better",
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(title="Audit plans every quarter")
    assert response["Location"] == action.get_absolute_url()
    assert [r.number for r in action.requirements.order_by("number")] == [1, 3]
    assert action.due_date == dt.date(2026, 3, 31)


def test_post_an_update_form(client, cast, caras_action):
    url = reverse("plans:action_update", args=["northbrook", caras_action.plan_id, 1])
    body = page(client, cast.cara_contributor, url)
    assert 'type="radio"' in body and "Amber: some risk" in body
    response = client.post(url, {"narrative": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'href="#id_rag_0">Select red, amber or green' in body
    assert "Enter the progress made" in body
    assert "Enter the date of this update" in body
    response = client.post(
        url,
        {
            "date_day": "28",
            "date_month": "2",
            "date_year": "2025",
            "narrative": "Four workshops held.",
            "rag": "amber",
        },
    )
    assert response.status_code == 302
    body = client.get(caras_action.get_absolute_url()).content.decode()
    assert "Your progress update has been posted" in body


def test_an_update_dated_in_the_future_is_refused(client, cast, caras_action):
    url = reverse("plans:action_update", args=["northbrook", caras_action.plan_id, 1])
    client.force_login(cast.cara_contributor)
    response = client.post(
        url,
        {"date_day": "1", "date_month": "1", "date_year": "2099", "narrative": "x", "rag": "green"},
    )
    assert response.status_code == 400
    assert "must be today or in the past" in response.content.decode()
    assert not caras_action.updates.exists()


def test_a_date_in_year_9999_is_a_form_error_not_a_crash(client, cast, plan):
    url = reverse("plans:edit", args=["northbrook", plan.pk])
    client.force_login(cast.erin_editor)
    body = client.get(url).content.decode()
    assert "report_published_year" in body
    response = client.post(
        url,
        {
            "report_published_day": "20",
            "report_published_month": "12",
            "report_published_year": "9999",
        },
    )
    assert response.status_code == 400
    assert "between 1900 and 2100" in response.content.decode()


def test_set_and_clear_the_rag_by_hand(client, cast, caras_action):
    url = reverse("plans:action_rag", args=["northbrook", caras_action.plan_id, 1])
    client.force_login(cast.erin_editor)
    response = client.post(url, {"rag": "amber"})
    assert response.status_code == 400
    assert "Enter why the RAG is being set by hand" in response.content.decode()
    client.post(url, {"rag": "amber", "reason": "Partner data late"})
    body = client.get(caras_action.get_absolute_url()).content.decode()
    assert "Set by hand</strong> by Erin" in body
    body = client.get(url).content.decode()
    assert "Clear it and use the rules" in body
    client.post(url, {"clear": "1"})
    assert services.standing_override(caras_action) is None


def test_milestone_forms(client, cast, caras_action):
    base = ("northbrook", caras_action.plan_id, 1)
    client.force_login(cast.erin_editor)
    client.post(
        reverse("plans:milestone_add", args=base),
        {"title": "Materials agreed", "due_date_day": "1", "due_date_month": "2",
         "due_date_year": "2025"},
    )  # fmt: skip
    milestone = caras_action.milestones.get()
    client.post(reverse("plans:milestone_done", args=[*base, milestone.pk]), {"done": "1"})
    milestone.refresh_from_db()
    assert milestone.done
    client.post(reverse("plans:milestone_edit", args=[*base, milestone.pk]), {"delete": "1"})
    assert not caras_action.milestones.exists()


def test_themes_page(client, cast, plan, theme):
    url = reverse("plans:themes", args=["northbrook", plan.pk])
    client.force_login(cast.erin_editor)
    response = client.post(url, {"name": "Practice excellence"})
    assert response.status_code == 400
    assert "already has a theme called" in response.content.decode()
    client.post(url, {"name": "Learning organisation"})
    learning = plan.themes.get(name="Learning organisation")
    client.post(reverse("plans:theme_move", args=["northbrook", plan.pk, learning.pk]),
                {"direction": "up"})  # fmt: skip
    assert [t.name for t in plan.themes.all()] == ["Learning organisation", "Practice excellence"]


def test_edit_plan_details(client, cast, plan):
    url = reverse("plans:edit", args=["northbrook", plan.pk])
    body = page(client, cast.erin_editor, url)
    assert "70 working days after 26 April 2024 is 6 August 2024" in body
    assert 'name="version" value="1"' in body
    response = client.post(url, {"version": "1", "title": "", "status": "draft"})
    assert response.status_code == 400
    assert "Enter the plan&#x27;s title" in response.content.decode()


def test_rag_help_page(client, cast):
    body = page(client, cast.vic_viewer, reverse("help:rag"))
    assert '<h1 class="govuk-heading-l">How an action\'s RAG is decided</h1>' in body
    assert "due within 30 days" in body
    assert 'ilacs-rag-tag">Complete</strong>' in body


@pytest.mark.parametrize(
    "name",
    ["plans:detail", "plans:dashboard", "plans:history"],
)
def test_plan_pages_have_titles_breadcrumbs_and_navigation(client, cast, plan, name):
    body = page(client, cast.vic_viewer, reverse(name, args=["northbrook", plan.pk]))
    assert 'aria-label="Breadcrumb"' in body
    assert 'aria-label="Improvement plan"' in body
    assert 'aria-current="page"' in body
    assert "– ilacs</title>" in body


def test_text_typed_by_users_is_escaped_in_every_table_and_page(client, cast, plan):
    """The action tables are built in Python: markup typed into any field must come out as
    text, on the plan, the dashboard and the action page."""
    evil = '<script>alert("x")</script><b>bold</b>'
    theme = services.add_theme(plan, user=cast.erin_editor, name=f"Theme {evil}")
    action = services.add_action(
        plan,
        user=cast.erin_editor,
        title=f"Title {evil}",
        description=f"Description {evil}",
        lead_role=f"Role {evil}",
        theme=theme,
        success_measure=f"Measure {evil}",
        due_date=dt.date.today() + dt.timedelta(days=10),
    )
    services.post_update(action, user=cast.erin_editor, narrative=f"Update {evil}", rag="red")
    services.set_rag_override(action, user=cast.erin_editor, rag="amber", reason=f"Why {evil}")
    slug = "northbrook"
    for url in (
        reverse("plans:detail", args=[slug, plan.pk]),
        reverse("plans:dashboard", args=[slug, plan.pk]),
        reverse("plans:dashboard", args=[slug, plan.pk]) + "?q=Title",
        action.get_absolute_url(),
        reverse("plans:history", args=[slug, plan.pk]),
        reverse("plans:action_history", args=[slug, plan.pk, action.number]),
    ):
        body = page(client, cast.vic_viewer, url)
        assert "<script>alert(" not in body, url
        assert "<b>bold</b>" not in body, url
        assert "&lt;script&gt;alert(" in body, url

"""Who gets which plan page: every view, every person, and the boundary between councils.

Admins and editors change plan data; contributors read everything and post updates on the
actions they lead; viewers read; members of another council and people who belong to none get
404 for everything in Northbrook's plan.
"""

import pytest
from django.urls import reverse

from ilacs.plans import services
from ilacs.plans.models import ImprovementPlan
from tests.base import EVERYONE

OK, REDIRECT, FORBIDDEN, NOT_FOUND, SIGN_IN = 200, 302, 403, 404, 302

VIEW = {
    "alice_admin": OK,
    "erin_editor": OK,
    "cara_contributor": OK,
    "vic_viewer": OK,
    "olly_other_la": NOT_FOUND,
    "nora_nobody": NOT_FOUND,
    "sam_superuser": OK,
    None: SIGN_IN,
}
EDIT = {**VIEW, "cara_contributor": FORBIDDEN, "vic_viewer": FORBIDDEN}
# Posting an update on Cara's action: Cara may; on the named officer's action she may not.
UPDATE_OWN = {**EDIT, "cara_contributor": OK}


@pytest.fixture
def milestone(cast, caras_action):
    return services.add_milestone(caras_action, user=cast.erin_editor, title="Materials agreed")


def urls(plan, action, theme=None, milestone=None):
    slug, pk, n = plan.local_authority.slug, plan.pk, action.number
    found = {
        "plan": reverse("plans:detail", args=[slug, pk]),
        "dashboard": reverse("plans:dashboard", args=[slug, pk]),
        "dashboard_filtered": reverse("plans:dashboard", args=[slug, pk]) + "?q=x&rag=red",
        "history": reverse("plans:history", args=[slug, pk]),
        "action": reverse("plans:action", args=[slug, pk, n]),
        "action_history": reverse("plans:action_history", args=[slug, pk, n]),
        "edit": reverse("plans:edit", args=[slug, pk]),
        "themes": reverse("plans:themes", args=[slug, pk]),
        "requirement_add": reverse("plans:requirement_add", args=[slug, pk]),
        "action_add": reverse("plans:action_add", args=[slug, pk]),
        "action_edit": reverse("plans:action_edit", args=[slug, pk, n]),
        "action_rag": reverse("plans:action_rag", args=[slug, pk, n]),
        "milestone_add": reverse("plans:milestone_add", args=[slug, pk, n]),
        "action_update": reverse("plans:action_update", args=[slug, pk, n]),
        "requirement": reverse("plans:requirement", args=[slug, pk, 1]),
        "requirement_topics": reverse("plans:requirement_topics", args=[slug, pk, 1]),
        "action_topics": reverse("plans:action_topics", args=[slug, pk, n]),
    }
    if theme is not None:
        found["theme_edit"] = reverse("plans:theme_edit", args=[slug, pk, theme.pk])
    if milestone is not None:
        found["milestone_edit"] = reverse("plans:milestone_edit", args=[slug, pk, n, milestone.pk])
    return found


READ_PAGES = [
    "plan",
    "dashboard",
    "dashboard_filtered",
    "history",
    "action",
    "action_history",
    "requirement",
]
EDIT_PAGES = [
    "edit",
    "themes",
    "theme_edit",
    "requirement_add",
    "action_add",
    "action_edit",
    "action_rag",
    "milestone_add",
    "milestone_edit",
    "requirement_topics",
    "action_topics",
]


def _get(client, cast, name, url):
    if name is not None:
        client.force_login(cast.user(name))
    return client.get(url)


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_read_pages(client, cast, caras_action, theme, milestone, name):
    found = urls(caras_action.plan, caras_action, theme, milestone)
    for page in READ_PAGES:
        response = _get(client, cast, name, found[page])
        assert response.status_code == VIEW[name], page
        if name is None:
            assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_edit_pages(client, cast, caras_action, theme, milestone, name):
    found = urls(caras_action.plan, caras_action, theme, milestone)
    for page in EDIT_PAGES:
        assert _get(client, cast, name, found[page]).status_code == EDIT[name], page


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_update_page_on_an_action_one_leads(client, cast, caras_action, name):
    url = urls(caras_action.plan, caras_action)["action_update"]
    assert _get(client, cast, name, url).status_code == UPDATE_OWN[name]


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_update_page_on_an_action_someone_else_leads(client, cast, officers_action, name):
    url = urls(officers_action.plan, officers_action)["action_update"]
    assert _get(client, cast, name, url).status_code == EDIT[name]


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_create_plan_page(client, cast, inspection, name):
    url = reverse("plans:create", args=["northbrook", inspection.pk])
    assert _get(client, cast, name, url).status_code == EDIT[name]


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_rag_help_is_for_everyone_signed_in(client, cast, name):
    response = _get(client, cast, name, reverse("help:rag"))
    assert response.status_code == (SIGN_IN if name is None else OK)


# --- POSTs: refused before anything is written ----------------------------------------------


def _post(client, cast, name, url, data):
    if name is not None:
        client.force_login(cast.user(name))
    return client.post(url, data)


EDITORS = ("alice_admin", "erin_editor", "sam_superuser")
POST_ALLOWED = {**EDIT, "alice_admin": REDIRECT, "erin_editor": REDIRECT, "sam_superuser": REDIRECT}


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_create_plan_post(client, cast, inspection, name):
    url = reverse("plans:create", args=["northbrook", inspection.pk])
    response = _post(client, cast, name, url, {})
    assert response.status_code == POST_ALLOWED[name]
    created = ImprovementPlan.objects.filter(inspection=inspection).exists()
    assert created == (name in EDITORS)


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_post_update(client, cast, caras_action, officers_action, name):
    data = {
        "date_day": "31",
        "date_month": "1",
        "date_year": "2025",
        "narrative": "Progress.",
        "rag": "green",
    }
    own = _post(client, cast, name, urls(caras_action.plan, caras_action)["action_update"], data)
    assert own.status_code == {**POST_ALLOWED, "cara_contributor": REDIRECT}[name]
    other = _post(
        client, cast, name, urls(officers_action.plan, officers_action)["action_update"], data
    )
    assert other.status_code == POST_ALLOWED[name]
    expected = {"alice_admin": 2, "erin_editor": 2, "sam_superuser": 2, "cara_contributor": 1}
    assert caras_action.updates.count() + officers_action.updates.count() == expected.get(name, 0)


@pytest.mark.parametrize("name", [*EVERYONE, None])
def test_edit_posts_are_refused_to_those_who_may_not_edit(
    client, cast, caras_action, theme, milestone, name
):
    plan = caras_action.plan
    slug, pk, n = "northbrook", plan.pk, caras_action.number
    posts = [
        (reverse("plans:theme_move", args=[slug, pk, theme.pk]), {"direction": "up"}),
        (reverse("plans:milestone_done", args=[slug, pk, n, milestone.pk]), {"done": "1"}),
        (reverse("plans:action_rag", args=[slug, pk, n]), {"rag": "red", "reason": "Late"}),
        (reverse("plans:themes", args=[slug, pk]), {"name": "New theme"}),
        (reverse("plans:theme_edit", args=[slug, pk, theme.pk]), {"delete": "1"}),
        (reverse("plans:action_topics", args=[slug, pk, n]), {"topics": ["health"]}),
        (reverse("plans:requirement_topics", args=[slug, pk, 1]), {"topics": ["health"]}),
    ]
    for url, data in posts:
        response = _post(client, cast, name, url, data)
        assert response.status_code == POST_ALLOWED[name], url
    if name not in EDITORS:
        milestone.refresh_from_db()
        assert not milestone.done
        assert not caras_action.rag_overrides.exists()
        assert plan.themes.filter(name="New theme").count() == 0
        assert plan.themes.filter(pk=theme.pk).exists()
        caras_action.refresh_from_db()
        assert not caras_action.topics_set_by_hand
        assert not plan.requirements.filter(topics_set_by_hand=True).exists()


def test_get_is_refused_on_post_only_addresses(client, cast, caras_action, theme):
    client.force_login(cast.erin_editor)
    url = reverse("plans:theme_move", args=["northbrook", caras_action.plan_id, theme.pk])
    assert client.get(url).status_code == 405


# --- the boundary between councils -----------------------------------------------------------


@pytest.mark.parametrize("name", ["alice_admin", "erin_editor", "cara_contributor", "vic_viewer"])
def test_members_get_404_for_another_councils_plan(client, cast, southmere_plan, name):
    action = southmere_plan.actions.get()
    theme = services.add_theme(southmere_plan, user=cast.olly_other_la, name="T")
    milestone = services.add_milestone(action, user=cast.olly_other_la, title="M")
    client.force_login(cast.user(name))
    for page, url in urls(southmere_plan, action, theme, milestone).items():
        assert client.get(url).status_code == NOT_FOUND, page
    create = reverse("plans:create", args=["southmere", southmere_plan.inspection_id])
    assert client.get(create).status_code == NOT_FOUND
    assert client.post(create).status_code == NOT_FOUND
    update = urls(southmere_plan, action)["action_update"]
    assert client.post(update, {"narrative": "x", "rag": "red"}).status_code == NOT_FOUND
    assert not action.updates.exists()


def test_a_plan_is_only_found_under_its_own_council(client, cast, caras_action, southmere_plan):
    # Olly may see Southmere, but Northbrook's plan is not reachable through Southmere's address.
    client.force_login(cast.olly_other_la)
    plan = caras_action.plan
    for url in (
        reverse("plans:detail", args=["southmere", plan.pk]),
        reverse("plans:dashboard", args=["southmere", plan.pk]),
        reverse("plans:action", args=["southmere", plan.pk, caras_action.number]),
        reverse("plans:action_edit", args=["southmere", plan.pk, caras_action.number]),
        reverse("plans:create", args=["southmere", plan.inspection_id]),
    ):
        assert client.get(url).status_code == NOT_FOUND, url


def test_unknown_plan_action_theme_and_milestone_are_404(client, cast, caras_action, theme):
    client.force_login(cast.sam_superuser)
    plan = caras_action.plan
    for url in (
        reverse("plans:detail", args=["northbrook", 999999]),
        reverse("plans:action", args=["northbrook", plan.pk, 999]),
        reverse("plans:theme_edit", args=["northbrook", plan.pk, 999999]),
        reverse("plans:milestone_edit", args=["northbrook", plan.pk, 1, 999999]),
        reverse("plans:create", args=["northbrook", 999999]),
    ):
        assert client.get(url).status_code == NOT_FOUND, url


@pytest.mark.parametrize("name", ["cara_contributor", "vic_viewer", "olly_other_la", None])
def test_every_write_address_refuses_those_who_may_not_edit(
    client, cast, caras_action, theme, milestone, name
):
    """Every POST that changes plan data, by someone who may not edit: refused, nothing
    written (a contributor's own updates are tested above)."""
    plan = caras_action.plan
    slug, pk, n = "northbrook", plan.pk, caras_action.number
    action_form = {
        "title": "Taken over",
        "description": "x",
        "lead_role": "Someone",
        "due_date_day": "1",
        "due_date_month": "1",
        "due_date_year": "2030",
        "status": "complete",
        "requirements": [r.pk for r in plan.requirements.all()],
    }
    posts = [
        (reverse("plans:edit", args=[slug, pk]), {"title": "Renamed", "status": "closed"}),
        (reverse("plans:requirement_add", args=[slug, pk]), {"text": "Our own aim."}),
        (reverse("plans:action_add", args=[slug, pk]), action_form),
        (reverse("plans:action_edit", args=[slug, pk, n]), action_form),
        (reverse("plans:milestone_add", args=[slug, pk, n]), {"title": "New step"}),
        (
            reverse("plans:milestone_edit", args=[slug, pk, n, milestone.pk]),
            {"title": "Changed", "done": "on"},
        ),
        (reverse("plans:action_rag", args=[slug, pk, n]), {"clear": "1"}),
        (reverse("plans:action_rag", args=[slug, pk, n]), {"rag": "green", "reason": "Because"}),
        (reverse("plans:themes", args=[slug, pk]), {"name": "Another"}),
    ]
    before = (
        plan.requirements.count(),
        plan.actions.count(),
        caras_action.title,
        caras_action.status,
        list(caras_action.milestones.values_list("title", "done")),
        plan.title,
        plan.themes.count(),
    )
    for url, data in posts:
        response = _post(client, cast, name, url, data)
        assert response.status_code == EDIT[name], url
    plan.refresh_from_db()
    caras_action.refresh_from_db()
    after = (
        plan.requirements.count(),
        plan.actions.count(),
        caras_action.title,
        caras_action.status,
        list(caras_action.milestones.values_list("title", "done")),
        plan.title,
        plan.themes.count(),
    )
    assert after == before
    assert not caras_action.rag_overrides.exists()


def test_an_action_cannot_point_at_another_plans_theme_recommendation_or_lead(
    client, cast, plan, southmere_plan
):
    """Ids from another council's plan posted in the action form are refused, not saved."""
    theirs_theme = services.add_theme(southmere_plan, user=cast.olly_other_la, name="Theirs")
    theirs_requirement = southmere_plan.requirements.first()
    ours = plan.requirements.first()
    url = reverse("plans:action_add", args=["northbrook", plan.pk])
    client.force_login(cast.erin_editor)
    base = {
        "title": "Ours",
        "lead_role": "Head of Service",
        "due_date_day": "1",
        "due_date_month": "1",
        "due_date_year": "2030",
        "status": "not_started",
    }
    for extra in (
        {"theme": theirs_theme.pk, "requirements": [ours.pk]},
        {"requirements": [theirs_requirement.pk]},
        {"lead_user": cast.olly_other_la.pk, "requirements": [ours.pk]},
    ):
        response = client.post(url, {**base, **extra})
        assert response.status_code == 400, extra
    assert not plan.actions.exists()
    # the same form with this plan's own recommendation is accepted: the refusals were the ids
    assert client.post(url, {**base, "requirements": [ours.pk]}).status_code == 302
    assert plan.actions.count() == 1
    assert southmere_plan.actions.count() == 1

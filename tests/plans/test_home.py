"""Issue 7 item 18: a first page per person. The actions I lead that need an update (none in the
last month, or never), what is overdue, my councils' plans with their RAG counts, and my
councils. A contributor, an editor and a viewer each see their own."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from ilacs.plans import queries, services
from ilacs.plans.models import ProgressUpdate


def _home(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


def _section(body, anchor):
    return body.split(f'id="{anchor}"')[1].split("<h2")[0]


def test_a_lead_sees_the_actions_that_need_an_update(client, cast, plan, caras_action):
    today = timezone.localdate()
    services.update_action(
        caras_action,
        user=cast.erin_editor,
        expected_version=caras_action.version,
        changes={"due_date": today - dt.timedelta(days=3)},
    )
    body = _home(client, cast.cara_contributor)
    to_update = _section(body, "to-update")
    assert "Actions you lead that need an update (1)" in body
    assert "SMART planning workshops" in to_update and "None yet" in to_update
    post = reverse("plans:action_update", args=["northbrook", plan.pk, 1])
    assert f'href="{post}"' in to_update
    overdue = _section(body, "overdue")
    assert "SMART planning workshops" in overdue and "You" in overdue
    # an update in the last month takes it off the list; one older than a month does not
    services.post_update(
        caras_action,
        user=cast.cara_contributor,
        narrative="Old news",
        rag="amber",
        date=today - dt.timedelta(days=45),
    )
    assert "need an update (1)" in _home(client, cast.cara_contributor)
    services.post_update(
        caras_action, user=cast.cara_contributor, narrative="On track", rag="green"
    )
    body = _home(client, cast.cara_contributor)
    assert "need an update (0)" in body
    assert "every open action you lead has had a progress update since" in body


def test_each_role_sees_its_own_first_page(client, cast, plan, caras_action, officers_action):
    today = timezone.localdate()
    for action in (caras_action, officers_action):
        services.update_action(
            action,
            user=cast.erin_editor,
            expected_version=action.version,
            changes={"due_date": today - dt.timedelta(days=1)},
        )
    # Cara leads only action 1: her overdue list has it, not the officer's action 2
    overdue = _section(_home(client, cast.cara_contributor), "overdue")
    assert "SMART planning workshops" in overdue
    assert "Performance scorecard" not in overdue
    # Erin edits the plan: every overdue action of it; she leads nothing
    body = _home(client, cast.erin_editor)
    assert "Actions you lead that need an update (0)" in body
    overdue = _section(body, "overdue")
    assert "SMART planning workshops" in overdue and "Performance scorecard" in overdue
    # Vic (a viewer) leads nothing and edits nothing, but sees the plan and its RAG counts
    body = _home(client, cast.vic_viewer)
    assert "Overdue (0)" in body
    plans = _section(body, "plans")
    assert "Northbrook: inspection of" in plans
    assert f"{reverse('plans:dashboard', args=['northbrook', plan.pk])}?rag=red" in plans
    # and every role keeps the list of councils
    for user in (cast.cara_contributor, cast.erin_editor, cast.vic_viewer):
        body = _home(client, user)
        assert "Your local authorities" in body and "Your role:" in body


def test_rag_counts_per_plan_and_other_councils_left_out(cast, plan, caras_action, southmere_plan):
    services.post_update(caras_action, user=cast.cara_contributor, narrative="Stuck", rag="red")
    work = queries.home_for(cast.erin_editor, timezone.localdate())
    assert [s.plan.pk for s in work.plans] == [plan.pk]
    counts = dict((rag.value, n) for rag, n in work.plans[0].rag_counts)
    assert counts["red"] == 1 and sum(counts.values()) == 1
    assert queries.home_for(cast.nora_nobody, timezone.localdate()).plans == []
    assert ProgressUpdate.objects.count() == 1


def test_the_first_page_costs_a_few_queries_per_plan(
    client, cast, plan, caras_action, officers_action, django_assert_max_num_queries
):
    client.force_login(cast.erin_editor)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("home")).status_code == 200

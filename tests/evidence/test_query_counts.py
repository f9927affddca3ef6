"""The action page lists its evidence files, and its updates' files, in a fixed number of
queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ilacs.evidence import services
from ilacs.plans import services as plan_services
from tests.evidence.conftest import DAY, PDF


def _add(cast, action, n):
    for i in range(n):
        update = plan_services.post_update(
            action, user=cast.erin_editor, narrative=f"Update {i}", rag="green"
        )
        for target in (action, update):
            services.attach(
                target,
                user=cast.erin_editor,
                data=PDF,
                filename=f"f{i}.pdf",
                description="Minutes",
                effective_date=DAY,
            )


def _count(client, action):
    url = reverse("plans:action", args=["northbrook", action.plan.pk, action.number])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_the_files(client, cast, caras_action):
    client.force_login(cast.erin_editor)
    _add(cast, caras_action, 1)
    few = _count(client, caras_action)
    _add(cast, caras_action, 4)
    assert _count(client, caras_action) == few

"""The self-evaluation page reads the evidence in a fixed number of queries, however many
measures, audit results, actions and evidence files the council has."""

import datetime as dt
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ilacs.evidence import services as evidence_services
from ilacs.measures import services as measure_services
from ilacs.plans import services as plan_services


def _add(cast, plan, n):
    for i in range(n):
        measure = measure_services.create_measure(
            cast.northbrook,
            user=cast.erin_editor,
            name=f"Measure {n}-{i}",
            unit="percent",
            direction="higher",
            frequency="monthly",
            target=Decimal(80),
        )
        for month in range(1, 4):
            measure_services.record_value(
                measure,
                user=cast.erin_editor,
                item=measure_services.ValueInput(
                    period=dt.date(2025, month, 1), value=Decimal(70 + month)
                ),
            )
        stream = measure_services.save_audit_stream(
            cast.northbrook, user=cast.erin_editor, name=f"Audit {n}-{i}", target=Decimal(60)
        )
        measure_services.record_audit_result(
            stream,
            user=cast.erin_editor,
            item=measure_services.AuditInput(dt.date(2025, 4, 1), 10, 1, 5, 3, 1, "Learning."),
        )
        action = plan_services.add_action(
            plan,
            user=cast.erin_editor,
            title=f"Action {n}-{i}",
            lead_role="Head of Service",
            due_date=dt.date(2025, 3, 1),
            requirements=list(plan.requirements.all()[:2]),
        )
        evidence_services.attach(
            action,
            user=cast.erin_editor,
            data=b"%PDF-1.4 x",
            filename=f"file-{n}-{i}.pdf",
            description="Minutes",
            effective_date=dt.date(2025, 6, 1),
        )


def _count(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("selfevaluation:detail", args=["northbrook", 2026]))
    assert response.status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_the_evidence(client, cast, plan, this_year):
    client.force_login(cast.vic_viewer)
    _add(cast, plan, 1)
    few = _count(client)
    _add(cast, plan, 4)
    many = _count(client)
    assert many == few

"""Measures pages as people use them: the chart and its table, the scorecard, forms with errors
in words, the import flow from upload to confirmation, the links from the council and plan."""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from ilacs.measures import services
from ilacs.measures.models import Measure, MeasureValue


@pytest.fixture
def erin(client, cast):
    client.force_login(cast.erin_editor)
    return client


def test_measure_page_has_an_accessible_chart_and_the_same_numbers_in_a_table(erin, seen_in_time):
    page = erin.get(seen_in_time.get_absolute_url()).content.decode()
    svg = re.search(r"<svg.*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg and "aria-labelledby" in svg
    assert "<title" in svg and "<desc" in svg
    assert "<script" not in svg and "<style" not in svg and " style=" not in svg
    assert "Latest: 73% in June 2025, against a target of 85%" in svg
    assert "12 points below target of 85%" in page
    assert "Off target for 6 months, since January 2025" in page
    for number in ("80%", "82%", "78%", "72%", "84%", "81%"):
        assert f">{number}<" in page
    assert "Statistical neighbours" in page and "Region" not in page.split("<svg")[1]


def test_a_measure_with_no_values_says_so(erin, re_referrals):
    page = erin.get(re_referrals.get_absolute_url()).content.decode()
    assert "No values yet" in page


def test_enter_and_correct_a_value(erin, cast, seen_in_time):
    url = reverse("measures:value_add", args=["northbrook", seen_in_time.pk])
    assert 'value="July 2025"' in erin.get(url).content.decode()
    response = erin.post(url, {"period": "13/2025", "value": "90"})
    assert response.status_code == 400
    assert "13/2025 is not a month" in response.content.decode()
    response = erin.post(url, {"period": "June 2025", "value": "75", "note": "Late recording"})
    assert response.status_code == 302
    assert MeasureValue.objects.get(measure=seen_in_time, period=dt.date(2025, 6, 1)).value == 75
    page = erin.get(seen_in_time.get_absolute_url()).content.decode()
    assert "corrected June 2025" in page and "Value 73% → 75%" in page


def test_add_a_measure_with_errors_then_right(erin, cast):
    url = reverse("measures:add", args=["northbrook"])
    response = erin.post(
        url,
        {
            "name": "",
            "unit": "percent",
            "direction": "higher",
            "frequency": "monthly",
            "target": "lots",
        },
    )
    text = response.content.decode()
    assert response.status_code == 400
    assert "Enter the measure&#x27;s name" in text and "The target must be a number" in text
    response = erin.post(
        url,
        {
            "name": "Care leavers in suitable accommodation",
            "unit": "percent",
            "direction": "higher",
            "frequency": "quarterly",
            "target": "90",
            "amber_tolerance": "5",
        },
    )
    measure = Measure.objects.get(name="Care leavers in suitable accommodation")
    assert response["Location"] == measure.get_absolute_url()
    assert measure.target == Decimal(90)


def test_a_duplicate_name_is_a_form_error(erin, re_referrals):
    response = erin.post(
        reverse("measures:add", args=["northbrook"]),
        {
            "name": "re-referrals within 12 months",
            "unit": "percent",
            "direction": "lower",
            "frequency": "monthly",
        },
    )
    assert response.status_code == 400
    assert "already has a measure called" in response.content.decode()


def test_scorecard_page_shows_latest_rag_and_sparkline(erin, cast, seen_in_time, re_referrals):
    card = services.save_scorecard(
        cast.northbrook,
        user=cast.erin_editor,
        name="Corporate Parenting Scorecard",
        measures=[seen_in_time, re_referrals],
    )
    page = erin.get(card.get_absolute_url()).content.decode()
    assert page.count('class="pygal-chart pygal-sparkline ilacs-chart"') == 2
    assert "73%" in page and "June 2025" in page and "No data" in page
    assert "12 points below target of 85%" in page


def test_audit_page_charts_percent_good_or_better(erin, cp_audit):
    page = erin.get(cp_audit.get_absolute_url()).content.decode()
    assert "50.0%" in page and "Plans are SMARTer." in page and 'role="img"' in page
    response = erin.post(
        reverse("measures:audit_result_add", args=["northbrook", cp_audit.pk]),
        {"period": "Q2 2025-26", "cases_audited": "10", "good": "3", "inadequate": "2"},
    )
    assert response.status_code == 400
    assert "The grades add up to 5, but 10 cases were audited" in response.content.decode()


def test_import_flow_check_preview_confirm(erin, cast, seen_in_time):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("measures:import", args=["northbrook"])
    bad = SimpleUploadedFile(
        "v.csv", b"Measure,Period,Value\r\nChildren seen within timescales,13/2025,80\r\n"
    )
    response = erin.post(url, {"file": bad})
    assert response.status_code == 400
    assert "Row 2: 13/2025 is not a month" in response.content.decode()
    good = SimpleUploadedFile(
        "v.csv",
        b"Measure,Period,Value\r\nChildren seen within timescales,July 2025,86\r\n"
        b"Children seen within timescales,June 2025,74\r\n",
    )
    response = erin.post(url, {"file": good})
    assert response["Location"] == reverse("measures:import_preview", args=["northbrook"])
    preview = erin.get(response["Location"]).content.decode()
    assert "Correction" in preview and "73%" in preview and "86%" in preview
    assert not MeasureValue.objects.filter(period=dt.date(2025, 7, 1)).exists()
    response = erin.post(response["Location"])
    assert response.status_code == 302
    assert MeasureValue.objects.get(period=dt.date(2025, 7, 1)).value == 86
    assert MeasureValue.objects.get(period=dt.date(2025, 6, 1)).value == 74


def test_templates_download(erin, seen_in_time):
    csv = erin.get(reverse("measures:import_template", args=["northbrook", "values", "csv"]))
    assert csv["Content-Disposition"] == 'attachment; filename="northbrook-values-template.csv"'
    assert "Children seen within timescales,July 2025" in csv.content.decode("utf-8-sig")
    xlsx = erin.get(reverse("measures:import_template", args=["northbrook", "values", "xlsx"]))
    assert xlsx.content.startswith(b"PK")
    assert (
        erin.get(reverse("measures:import_template", args=["northbrook", "x", "pdf"])).status_code
        == 404
    )


def test_council_page_links_to_measures(erin, cast):
    page = erin.get(reverse("localauthorities:detail", args=["northbrook"])).content.decode()
    assert reverse("measures:index", args=["northbrook"]) in page


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_page_queries_do_not_grow_with_measures_or_values(erin, cast):
    def scorecard_with(n, months, name):
        made = []
        for i in range(n):
            m = services.create_measure(
                cast.northbrook,
                user=cast.erin_editor,
                name=f"{name} {i}",
                unit="number",
                direction="higher",
                target=Decimal(10),
            )
            for j in range(months):
                services.record_value(
                    m,
                    user=cast.erin_editor,
                    item=services.ValueInput(dt.date(2024 + j // 12, j % 12 + 1, 1), Decimal(j)),
                )
            made.append(m)
        return services.save_scorecard(
            cast.northbrook, user=cast.erin_editor, name=name, measures=made
        )

    small = scorecard_with(1, 2, "Small")
    small_queries = _queries(erin, small.get_absolute_url())
    index_small = _queries(erin, reverse("measures:index", args=["northbrook"]))
    big = scorecard_with(5, 14, "Big")
    assert _queries(erin, big.get_absolute_url()) == small_queries
    assert _queries(erin, reverse("measures:index", args=["northbrook"])) == index_small

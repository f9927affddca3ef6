"""Every national table downloads as CSV and XLSX with the numbers the page shows, read back with
csv and openpyxl."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.national.conftest import council, inspect, neighbours

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    a = council("Aville", "South West")
    b = council("Bton", "London")
    inspect(a, dt.date(2019, 3, 4), "requires_improvement", recommendations=[["workforce"]])
    inspect(a, dt.date(2023, 3, 6), "good", recommendations=[["workforce"], ["early_help"]])
    inspect(b, dt.date(2023, 6, 5), "inadequate")
    neighbours(a, b)
    return a, b


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content))


def test_grades_by_year_csv_and_xlsx(client, cast, data):
    client.force_login(cast.nora_nobody)
    rows = _csv(client.get(reverse("national:grades_download", args=["by-year", "csv"])))
    assert rows[0][:4] == ["Year", "Good", "Requires improvement to be good", "Inadequate"]
    assert rows[1][:5] == ["2019", "0", "1", "0", "1"]
    assert rows[2][:5] == ["2023", "1", "0", "1", "2"]
    assert "care leavers" in rows[2][5]
    book = _xlsx(client.get(reverse("national:grades_download", args=["by-year", "xlsx"])))
    sheet = book["Data"]
    assert [c.value for c in sheet[3]][:5] == [2023, 1, 0, 1, 2]  # numbers stay numbers
    about = [row[0] for row in book["About"].values]
    assert about[0] == "Overall effectiveness: inspections by grade and year"
    assert any("Open Government Licence v3.0" in (line or "") for line in about)


def test_grades_download_follows_the_chosen_judgement(client, cast, data):
    client.force_login(cast.nora_nobody)
    url = reverse("national:grades_download", args=["by-region", "csv"])
    response = client.get(url + "?judgement=help_and_protection")
    assert "grades-help_and_protection-by-region.csv" in response["Content-Disposition"]


def test_council_record_downloads(client, cast, data):
    a, b = data
    client.force_login(cast.nora_nobody)
    args = [a.slug, "timeline", "csv"]
    rows = _csv(client.get(reverse("national:council_download", args=args)))
    assert rows[0][0] == "Inspection dates"
    assert [r[3] for r in rows[1:]] == ["Good", "Requires improvement to be good"]
    assert [r[5] for r in rows[1:]] == ["Improved", "First graded inspection"]
    book = _xlsx(
        client.get(reverse("national:council_download", args=[a.slug, "neighbours", "xlsx"]))
    )
    values = list(book["Data"].values)
    assert values[1][0] == "Aville" and values[2][0] == "Bton"
    assert values[2][3] == "Inadequate"
    rows = _csv(client.get(reverse("national:council_download", args=[a.slug, "recurring", "csv"])))
    assert rows[1][:2] == ["Workforce", "2"]
    rows = _csv(client.get(reverse("national:council_download", args=[a.slug, "england", "csv"])))
    assert ["Inadequate", "1", "1"] in rows


def test_topics_and_due_downloads(client, cast, data, today):
    client.force_login(cast.nora_nobody)
    rows = _csv(client.get(reverse("national:topics_download", args=["by-year", "csv"])))
    assert rows[0] == ["Improvement topic", "2019", "2023", "All years"]
    assert rows[1] == ["Workforce", "1", "1", "2"]
    book = _xlsx(client.get(reverse("national:due_download", args=["monitoring", "xlsx"])))
    assert list(book["Data"].values)[1][0] == "Bton"

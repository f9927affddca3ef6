"""search(): full text on the database in use (SQLite FTS5 by default, PostgreSQL with
DATABASE_URL), the filters, highlighting, and the index kept in step with the rows."""

from __future__ import annotations

import pytest
from django.db import connection

from ilacs.inspections.models import Inspection, Paragraph
from ilacs.inspections.services import (
    ingest_file,
    mark_published,
    withdraw_inspection,
)
from ilacs.search import index
from ilacs.search.services import SearchFilters, fts5_query, highlight, parse_query, search
from tests.factories import FakeExtractor, make_source, report_record
from tests.search.conftest import add_report


def found(results):
    return {(h.local_authority.name, h.kind, h.number) for h in results.hits}


def test_words_match_with_stemming_best_first(reports):
    results = search("care leaver")
    hits = found(results)
    assert ("Northbrook", "paragraph", 41) in hits  # "Care leavers have ..."
    assert ("Southmere", "recommendation", 1) in hits  # "... for care leavers."
    assert ("Eastwick", "paragraph", 80) in hits
    assert ("Northbrook", "paragraph", 7) not in hits
    assert results.total == len(results.hits) == 6
    assert results.backend == connection.vendor


def test_a_hit_says_where_it_is(reports):
    hit = next(h for h in search("personal advisers").hits)
    assert hit.local_authority.name == "Northbrook"
    assert (hit.kind, hit.number, hit.page, hit.year) == ("paragraph", 41, 9, 2024)
    assert hit.grade == "good" and hit.judgement_name == "Care leavers"
    assert hit.url == f"/la/northbrook/inspections/{reports['northbrook'].pk}/#paragraph-41"
    assert "<mark>" in hit.snippet and "personal" in hit.snippet
    assert hit.theme_names == ["Care leavers"]


def test_recommendations_take_the_overall_grade(reports):
    hit = next(h for h in search("accommodation").hits if h.kind == "recommendation")
    assert hit.grade == "requires_improvement"
    assert hit.judgement_name == "Overall effectiveness"
    assert hit.url.endswith("#recommendation-1")


def test_phrases_or_and_minus():
    groups, excluded = parse_query('"return home" interviews or visits -missing')
    assert groups == [["return home"], ["interviews", "visits"]]
    assert excluded == ["missing"]


def test_phrase_or_and_minus_search(reports):
    assert found(search('"return home interviews"')) == {("Southmere", "paragraph", 12)}
    assert found(search("thresholds or advisers")) == {
        ("Northbrook", "paragraph", 7),
        ("Northbrook", "paragraph", 41),
    }
    assert ("Northbrook", "paragraph", 41) not in found(search("care leavers -advisers"))


@pytest.mark.parametrize(
    "query",
    ['care" OR NEAR(', "care*", "AND OR NOT", "-", '"', "text:care", "^care", "(", "col:x {}"],
)
def test_nothing_typed_is_read_as_search_syntax(reports, query):
    search(query)  # no error from the database, whatever the words


def test_fts5_query_quotes_every_term():
    assert fts5_query('care" OR NEAR(x') == '("care" OR "NEAR x")'
    assert fts5_query("a b") == '("a") AND ("b")'
    assert fts5_query("!!!") == ""


def test_grade_filter_uses_the_judgement_the_paragraph_sits_under(reports):
    results = search("care leavers", SearchFilters(grades=("good", "outstanding")))
    # Northbrook's care leavers were judged good (overall requires improvement): its care
    # leaver paragraphs match, its recommendation (overall grade) does not; Southmere's
    # inadequate care leavers do not; Eastwick's outstanding do.
    assert found(results) == {
        ("Northbrook", "paragraph", 41),
        ("Northbrook", "paragraph", 42),
        ("Eastwick", "paragraph", 80),
    }
    assert {h.grade for h in results.hits} == {"good", "outstanding"}
    # Southmere's help and protection was good: its paragraph there is found by that grade.
    assert ("Southmere", "paragraph", 12) in found(search("", SearchFilters(grades=("good",))))


def test_theme_region_year_and_type_filters(reports):
    assert found(search("", SearchFilters(themes=("exploitation_missing",)))) == {
        ("Southmere", "paragraph", 12)
    }
    # any of a text's themes, not only its chief one
    assert ("Southmere", "recommendation", 1) in found(search("", SearchFilters(themes=("plans",))))
    london = search("care leavers", SearchFilters(regions=("London",)))
    assert {h.local_authority.name for h in london.hits} == {"Southmere", "Eastwick"}
    since = search("care leavers", SearchFilters(year_from=2019))
    assert {h.local_authority.name for h in since.hits} == {"Northbrook", "Southmere"}
    until = search("care leavers", SearchFilters(year_to=2019))
    assert {h.local_authority.name for h in until.hits} == {"Southmere", "Eastwick"}
    sif = search("care leavers", SearchFilters(report_types=("sif",)))
    assert {h.local_authority.name for h in sif.hits} == {"Eastwick"}
    recs = search("care leavers", SearchFilters(kinds=("recommendation",)))
    assert {h.kind for h in recs.hits} == {"recommendation"}


def test_care_leavers_judged_outstanding_since_2015(reports):
    results = search(
        "care leavers",
        SearchFilters(themes=("care_leavers",), grades=("outstanding",), year_from=2015),
    )
    assert found(results) == {("Eastwick", "paragraph", 80)}


def test_filters_alone_list_newest_inspection_first(reports):
    results = search("", SearchFilters(themes=("care_leavers",)))
    years = [h.year for h in results.hits]
    assert years == sorted(years, reverse=True)
    assert results.total == 6
    assert all("<mark>" not in h.snippet for h in results.hits)


def test_pages(reports):
    first = search("", SearchFilters(), page=1, per_page=3)
    second = search("", SearchFilters(), page=2, per_page=3)
    assert first.total == 9 and first.pages == 3
    assert not found(first) & found(second)
    assert search("", SearchFilters(), page=99, per_page=3).page == 3
    ranked = [search("care", page=n, per_page=2) for n in (1, 2, 3)]
    seen = [key for r in ranked for key in found(r)]
    assert len(seen) == len(set(seen)) == ranked[0].total


def test_snippets_escape_the_text_and_mark_only_matches(reports):
    hit = next(h for h in search("bold").hits)
    html = str(hit.snippet)
    assert "<script>" not in html and "<b>" not in html and "</" not in html.replace("</mark>", "")
    # the report's text is kept, tags included, as text (PostgreSQL's ts_headline would drop
    # anything like a tag: the brackets are shielded from it; its fragment starts at a word)
    assert "script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&amp;" in html
    assert "<mark>bold</mark>" in html
    assert "\ue000" not in html
    browse = next(
        h for h in search("", SearchFilters(themes=("care_leavers",))).hits if h.number == 42
    )
    assert "<script>" not in str(browse.snippet) and "&lt;script&gt;" in str(browse.snippet)


def test_highlight_escapes_then_marks():
    assert highlight('a \ue000<b>\ue001 "c"') == "a <mark>&lt;b&gt;</mark> &quot;c&quot;"
    assert highlight("stray \ue001 mark \ue000") == "stray  mark "


def test_withdrawn_inspections_are_left_out_and_come_back(reports, cast):
    southmere = reports["southmere"]
    withdraw_inspection(southmere, user=cast.olly_other_la, reason="Uploaded by mistake")
    assert "Southmere" not in {h.local_authority.name for h in search("care leavers").hits}
    record = report_record("Southmere", source=make_source(b"southmere 2019"))
    ingest_file(
        b"southmere 2019", "s.pdf", user=cast.olly_other_la, extractor=FakeExtractor(record)
    )
    assert "Southmere" in {h.local_authority.name for h in search("care leavers").hits}


def _index_rows() -> int:
    if connection.vendor != "sqlite":
        return -1
    with connection.cursor() as cursor:
        # integrity-check raises if the FTS index and the paragraph table disagree
        cursor.execute(
            "INSERT INTO search_paragraph_fts(search_paragraph_fts, rank) "
            "VALUES ('integrity-check', 1)"
        )
        cursor.execute("SELECT COUNT(*) FROM search_paragraph_fts")
        return cursor.fetchone()[0]


def test_index_follows_ingest_edit_and_delete(reports):
    assert not search("kinship").hits
    added = add_report(
        "Northbrook",
        b"northbrook 2027",
        inspection_start="2027-01-04",
        inspection_end="2027-01-15",
        paragraphs=[Paragraph_("Summary of findings", 3, "Kinship carers are well supported.", 2)],
    )
    assert found(search("kinship")) == {("Northbrook", "paragraph", 3)}
    paragraph = added.paragraphs.get()
    paragraph.text = "Special guardians are well supported."
    paragraph.save()
    assert not search("kinship").hits
    assert found(search("guardians")) == {("Northbrook", "paragraph", 3)}
    count = Paragraph.objects.count()
    assert _index_rows() in (count, -1)
    Inspection.objects.filter(pk=added.pk).delete()  # cascades to its paragraphs
    assert not search("guardians").hits
    assert _index_rows() in (count - 1, -1)


def Paragraph_(*args):
    from ilacs.extraction.model import Paragraph as Record

    return Record(*args)


def test_ingest_records_the_judgement_each_paragraph_sits_under(reports):
    northbrook = reports["northbrook"]
    by_number = {p.number: p.judgement for p in northbrook.paragraphs.select_related("judgement")}
    assert by_number[41].key == "care_leavers" and by_number[41].grade == "good"
    assert by_number[7].key == "help_and_protection"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's triggers")
def test_lost_triggers_are_put_back_and_the_index_rebuilt(reports):
    """A later migration that rebuilds the paragraph table on SQLite drops its triggers."""
    with connection.cursor() as cursor:
        for name in ("ai", "ad", "au"):
            cursor.execute(f"DROP TRIGGER search_paragraph_fts_{name}")
    add_report("Northbrook", b"added meanwhile", paragraphs=[Paragraph_("", 1, "Kinship care.", 1)])
    assert not search("kinship").hits
    assert index.ensure_index() is True
    assert found(search("kinship")) == {("Northbrook", "paragraph", 1)}
    assert index.ensure_index() is False


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index")
def test_postgresql_uses_the_gin_index(reports):
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM inspections_paragraph WHERE search_vector @@ "
            "websearch_to_tsquery('english', 'care leavers')"
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
    assert "search_paragraph_text_gin" in plan


def test_drafts_not_yet_published_by_ofsted_are_left_out(reports):
    southmere = reports["southmere"]
    Inspection.objects.filter(pk=southmere.pk).update(ofsted_published=False)
    assert "Southmere" not in {h.local_authority.name for h in search("care leavers").hits}
    mark_published(southmere)
    assert "Southmere" in {h.local_authority.name for h in search("care leavers").hits}

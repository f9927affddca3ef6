"""The real corpus and seed papers in ../shared, when they are there (never in the project)."""

import json
from pathlib import Path

import pytest

from ilacs.extraction import extract_file
from ilacs.extraction.evaluate import SCALAR_FIELDS, score, score_themes
from tests.extraction.corpus import CORPUS, LABELS, REPORTS, SHARED, corpus_files

needs_corpus = pytest.mark.skipif(
    not LABELS.exists(), reason=f"the shared corpus is not at {CORPUS} (it is never in the project)"
)
needs_seeds = pytest.mark.skipif(
    not (SHARED / "seeds").exists(), reason=f"the seed papers are not at {SHARED / 'seeds'}"
)


@pytest.fixture(scope="module")
def dev_scores(corpus_records):
    gold = json.loads(LABELS.read_text())
    predicted = {
        g["file"]: record for g in gold for record in corpus_records[str(REPORTS / g["file"])]
    }
    return score(gold, predicted)


THEME_LABELS = SHARED / "themes" / "dev.json"


@needs_corpus
@pytest.mark.skipif(not THEME_LABELS.exists(), reason=f"no theme labels at {THEME_LABELS}")
def test_themes_of_the_dev_recommendations(corpus_records):
    gold = json.loads(THEME_LABELS.read_text())
    predicted = {
        g["file"]: record for g in gold for record in corpus_records[str(REPORTS / g["file"])]
    }
    scores = score_themes(gold, predicted)
    assert scores["all"]["recommendations"] == 269
    assert scores["all"]["chief"] >= 0.90
    assert scores["all"]["themes_f1"] >= 0.85
    assert scores["held_out"]["recommendations"] + scores["tuning"]["recommendations"] == 269
    for record in predicted.values():
        for rec in record["recommendations"] + record["lscb_recommendations"]:
            assert 1 <= len(rec["themes"]) <= 3, rec["text"]


@needs_corpus
def test_dev_labels_meet_the_quality_goals(dev_scores):
    for field in SCALAR_FIELDS:
        assert dev_scores[field] >= 0.98, field
    assert dev_scores["judgements_f1"] >= 0.99
    assert dev_scores["recommendations_f1"] >= 0.97
    assert dev_scores["paragraphs_f1"] >= 0.95


@needs_corpus
def test_every_corpus_file_gives_a_record_or_a_clean_error(corpus_records):
    by_file = corpus_records
    assert set(by_file) == set(corpus_files())
    assert all(by_file.values())  # every file gave at least one record
    errors = {Path(f).name: rs[0]["error"]["code"] for f, rs in by_file.items() if "error" in rs[0]}
    # the four HTML error pages saved with a .pdf name are the only unreadable files
    assert sorted(errors.values()) == ["not_a_pdf"] * 4
    assert all("-2012-" in name for name in errors)
    reports = [r for rs in by_file.values() for r in rs if "error" not in r]
    assert len(reports) == len(by_file) - 4  # one record per report, none split or doubled
    assert all(r["inspection_start"] and r["local_authority"] for r in reports)
    assert all(r["judgements"] for r in reports if r["report_type"] == "ilacs")


@needs_corpus
def test_every_corpus_report_names_a_council_the_reference_list_knows(corpus_records):
    """What ingest relies on: the extracted council name finds its local authority."""
    from ilacs.localauthorities.matching import LocalAuthorityIndex
    from ilacs.localauthorities.reference import read_reference

    councils = read_reference()
    index = LocalAuthorityIndex(
        ([la["name"], la["ons_name"], *la["also_known_as"]], la["la_code"]) for la in councils
    )
    unmatched = []
    for rec in (rec for records in corpus_records.values() for rec in records):
        if "error" not in rec and index.match(rec["local_authority"]) is None:
            unmatched.append((Path(rec["source"]["file"]).name, rec["local_authority"]))
    assert unmatched == []


@needs_seeds
def test_cabinet_paper_with_embedded_report_gives_its_record():
    (rec,) = extract_file(SHARED / "seeds" / "000_a6b0cfc54b130192.txt")
    assert rec["local_authority"] == "Cheshire East"
    assert rec["inspection_start"] == "2019-11-18"
    assert rec["source"]["first_line"] > 200  # the Cabinet report's own pages come first
    assert rec["overall_effectiveness"] == "requires_improvement"
    assert len(rec["recommendations"]) == 5
    assert rec["paragraphs"][0]["number"] == 1


@needs_seeds
def test_scrutiny_paper_embedding_a_sif_summary():
    (rec,) = extract_file(SHARED / "seeds" / "004_affce22f3162e0fd.txt")
    assert rec["report_type"] == "sif"
    assert rec["local_authority"] == "Leicestershire"
    assert rec["published"] == "2017-02-13"
    assert {j["key"] for j in rec["judgements"]} >= {
        "overall_effectiveness",
        "adoption",
        "care_leavers",
    }


@needs_seeds
@pytest.mark.parametrize("seed", ["002_5053929e3e24eef3.txt", "003_1e3cce6cd13f795d.txt"])
def test_papers_that_only_summarise_an_inspection_give_no_report(seed):
    (rec,) = extract_file(SHARED / "seeds" / seed)
    assert rec["error"]["code"] == "not_an_inspection_report"

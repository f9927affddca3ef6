"""`ilacs themes` and the themes in `ilacs extract` output."""

import io
import json

from ilacs.cli import main
from ilacs.extraction.themes import THEMES

from . import layouts


def test_themes_of_texts_given_as_arguments(capsys):
    assert main(["themes", "Reduce social workers' caseloads", "Improve adoption timeliness"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "workforce: Reduce social workers' caseloads"
    assert out[1].startswith("  workforce (Workforce): 'caseloads'")
    assert out[2] == "permanence: Improve adoption timeliness"


def test_a_text_with_no_listed_phrase_says_the_classifier_read_it(capsys):
    text = "Ensure that there are enough social workers so that children have a consistent worker."
    assert main(["themes", text]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"workforce: {text}"
    assert out[1] == (
        "  workforce (Workforce): no phrase listed for any topic occurs in it, and the classifier "
        "trained on the written examples reads it as this one"
    )
    assert out[2].startswith("    like: ")


def test_jsonl_from_standard_input_keeps_input_order(monkeypatch, capsys):
    texts = [
        "Ensure that return home interviews happen for every missing child.",
        "Nothing here names a theme.",
        "Strengthen the challenge from independent reviewing officers.",
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(texts) + "\n"))
    assert main(["themes", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["text"] for r in records] == texts
    assert [r["themes"] for r in records] == [
        ["exploitation_missing"],
        [],
        ["independent_oversight"],
    ]
    why = records[0]["why"][0]
    assert why["theme"] == "exploitation_missing"
    assert "return home interviews" in why["phrases"]


def test_kind_and_list(capsys):
    assert main(["themes", "--kind", "lscb", "--format", "jsonl", "Audit neglect cases"]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "partnership" in record["themes"]
    assert main(["themes", "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 25 and lines[0].split()[0] == next(iter(THEMES))


def test_extract_gives_every_recommendation_and_paragraph_themes(tmp_path, capsys):
    path = layouts.write_text(layouts.ALL[0](), tmp_path / "report.txt")
    assert main(["extract", str(path)]) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["recommendations"]
    for rec in record["recommendations"] + record["lscb_recommendations"]:
        assert 1 <= len(rec["themes"]) <= 3 and set(rec["themes"]) <= set(THEMES), rec
    assert all("themes" in p for p in record["paragraphs"])
    assert main(["extract", "--format", "text", str(path)]) == 0
    assert "themes: " in capsys.readouterr().out


def test_evaluate_prints_theme_scores_and_the_held_out_share(tmp_path, capsys):
    reports = tmp_path / "reports"
    reports.mkdir()
    records, gold, themes = [], [], []
    for build in layouts.ALL[:3]:
        path = layouts.write_text(build(), reports / f"{build.__name__}.txt")
        main(["extract", str(path)])
        (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        records.append(record)
        gold.append({"file": path.name, "recommendations": [], "lscb_recommendations": []})
        items = [
            {"text": r["text"], "themes": r["themes"], "also_chief": []}
            for r in record["recommendations"]
        ]
        if path.name == sorted(p.name for p in reports.iterdir())[0]:
            items[0]["themes"] = ["visits" if items[0]["themes"][0] != "visits" else "health"]
        themes.append({"file": path.name, "recommendations": items, "lscb_recommendations": []})
    (tmp_path / "labels.json").write_text(json.dumps(gold))
    (tmp_path / "themes.json").write_text(json.dumps(themes))
    code = main(
        ["evaluate", str(tmp_path / "labels.json"), "--reports", str(reports), "--no-sanity"]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert f"Theme labels: {tmp_path / 'themes.json'}" in out
    n = sum(len(t["recommendations"]) for t in themes)
    held = len(themes[2]["recommendations"])  # the third by file name is held out
    assert "held-out share, 1 reports (every third by file name)" in out
    line = next(x for x in out.splitlines() if x.strip().startswith("all 3 reports"))
    assert f"chief {(n - 1) / n:.3f}" in line and f"({n} items)" in line
    held_line = next(x for x in out.splitlines() if "held-out share" in x)
    assert "chief 1.000" in held_line and f"({held} items)" in held_line

"""The nearest written examples: a second opinion between close themes, never over a clear chief."""

import io
import json

import pytest

from ilacs.cli import main
from ilacs.extraction.theme_examples import (
    Example,
    ExampleIndex,
    Neighbour,
    default_index,
    example_sets,
    vote,
)
from ilacs.extraction.themes import THEME_KEYS, theme_text

# The lexicon alone scores assessment 0.86 and recording 0.84 here: a close call.
CLOSE = "Improve the quality of assessments and case records so that they are up to date."


def _examples(chief: str, second: str) -> list[Example]:
    return [
        Example("Assessments and case records are not always up to date.", (chief, second)),
        Example("The quality of assessments and case records for children in need.", (chief,)),
        Example("Ensure that assessments and other records are kept up to date.", (chief, second)),
        Example("Case records and assessments should be of a consistently good quality.", (chief,)),
    ]


NO_EXAMPLES = ExampleIndex([])


def test_the_lexicon_alone_reads_the_close_call_one_way():
    assert theme_text(CLOSE, examples=NO_EXAMPLES).themes == ["assessment", "recording"]


@pytest.mark.parametrize("chief,second", [("recording", "assessment"), ("assessment", "recording")])
def test_examples_like_the_text_decide_between_close_themes(chief, second):
    result = theme_text(CLOSE, examples=ExampleIndex(_examples(chief, second)))
    assert result.themes == [chief, second]


def test_when_the_examples_change_the_chief_the_why_says_so_and_shows_them():
    result = theme_text(CLOSE, examples=ExampleIndex(_examples("recording", "assessment")))
    why = result.why()
    assert why[0]["theme"] == "recording"
    assert any("most similar written examples" in rule for rule in why[0]["rules"])
    assert why[0]["examples"][0] in {e.text for e in _examples("recording", "assessment")}
    assert "examples" not in why[1]


def test_examples_never_overrule_a_clear_chief():
    text = "Reduce social workers' caseloads so that they have time to visit children."
    against = [Example(text, ("visits",)) for _ in range(1)] + [
        Example(f"{text} Example {n}.", ("visits",)) for n in range(9)
    ]
    assert theme_text(text, examples=ExampleIndex(against)).themes[0] == "workforce"


def test_a_theme_said_in_passing_joins_when_the_examples_ask_for_it():
    text = "Reduce social workers' caseloads so that they can complete assessments on time."
    assert theme_text(text, examples=NO_EXAMPLES).themes == ["workforce"]
    both = [
        Example("Reduce caseloads so that assessments are completed on time.", ("workforce",)),
        Example("Social workers' caseloads, and the timeliness of assessments.", ("workforce",)),
        Example(
            "Caseloads so that social workers complete assessments.", ("workforce", "assessment")
        ),
    ]
    result = theme_text(text, examples=ExampleIndex(both))
    assert result.themes == ["workforce", "assessment"]
    assert "assessment: said in passing" in result.rules[0]
    alone = [Example(e.text, ("workforce",)) for e in both]
    assert theme_text(text, examples=ExampleIndex(alone)).themes == ["workforce"]


def test_examples_only_choose_among_themes_the_phrases_found():
    result = theme_text(CLOSE, examples=ExampleIndex(_examples("health", "visits")))
    assert result.themes == ["assessment", "recording"]
    assert result.examples == []


def test_a_labelling_rule_is_not_reopened_by_the_examples():
    text = "Ensure that care leavers have their health histories and pathway plans."
    plain = theme_text(text, examples=NO_EXAMPLES)
    assert plain.themes[0] == "health" and plain.rules
    against = ExampleIndex(Example(text, ("care_leavers",)) for _ in range(5))
    assert theme_text(text, examples=against).themes == plain.themes


def test_paragraphs_are_themed_by_their_phrases_alone():
    text = (
        "Managers' oversight of assessments is not consistently recorded, and assessments are "
        "not always updated when circumstances change."
    )
    for chief, second in (("assessment", "management_oversight"), ("recording", "assessment")):
        index = ExampleIndex(_examples(chief, second))
        assert (
            theme_text(text, "paragraph", index).themes
            == theme_text(text, "paragraph", NO_EXAMPLES).themes
        )


def test_nearest_puts_the_same_wording_first_and_leaves_out_unlike_texts():
    index = ExampleIndex(
        [
            Example("The timeliness of initial health assessments.", ("health",)),
            Example(
                "Return home interviews for children who go missing.", ("exploitation_missing",)
            ),
            Example("Reduce caseloads for social workers.", ("workforce",)),
        ]
    )
    found = index.nearest("Improve the timeliness of initial health assessments.")
    assert found[0].example.themes == ("health",)
    assert found[0].similarity > 0.7
    assert [n.example.themes for n in found] == [("health",)]


def test_the_same_text_written_twice_votes_once():
    same = Example("Reduce caseloads for social workers.", ("workforce",))
    index = ExampleIndex([same, same, Example("Reduce caseloads.", ("workforce",))])
    assert len(index.examples) == 2


def test_a_single_faint_likeness_counts_for_less_than_several_close_ones():
    faint = vote([Neighbour(Example("a", ("plans",)), 0.25)])
    close = vote([Neighbour(Example("a", ("plans",)), 0.6) for _ in range(3)])
    assert faint["plans"] == pytest.approx(0.25)
    assert close["plans"] == pytest.approx(1.0)


def test_an_examples_other_themes_get_a_share_of_its_vote():
    shares = vote([Neighbour(Example("a", ("plans", "visits"), ("assessment",)), 1.0)])
    assert shares["plans"] > shares["assessment"] > shares["visits"] > 0
    assert sum(shares.values()) == pytest.approx(1.0)


def test_the_shipped_examples_are_well_formed_and_indexed_once():
    sets = example_sets()
    assert len(sets) >= 10
    for examples in sets.values():
        for e in examples:
            assert e.text.strip()
            assert 1 <= len(e.themes) <= 3
            assert set(e.themes) | set(e.also_chief) <= set(THEME_KEYS)
    assert default_index() is default_index()
    assert len(default_index().examples) > 2500


def test_ilacs_themes_shows_the_examples_that_decided(monkeypatch, capsys):
    index = ExampleIndex(_examples("recording", "assessment"))
    monkeypatch.setattr("ilacs.extraction.themes.default_index", lambda: index)
    monkeypatch.setattr("sys.stdin", io.StringIO(CLOSE + "\n"))
    assert main(["themes", "--format", "jsonl"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["themes"] == ["recording", "assessment"]
    assert record["why"][0]["examples"]
    assert main(["themes", CLOSE]) == 0
    out = capsys.readouterr().out
    assert "    like: Ensure that assessments and other records are kept up to date." in out

"""The classifier trained on the written examples: it weighs in on close chiefs and drops second
themes said in passing, never adds a theme, and ships ready to read without numpy."""

import subprocess
import sys

import pytest

from ilacs.extraction import theme_classifier
from ilacs.extraction.evaluate import score_theme_texts
from ilacs.extraction.theme_examples import Example, ExampleIndex, all_examples
from ilacs.extraction.themes import THEME_KEYS, theme_text

from .test_theme_examples import CLOSE, _examples  # the close call and its examples
from .written import load


def _classifier_only(examples: list[Example]) -> ExampleIndex:
    """An index whose nearest examples never vote, so only the classifier weighs in."""
    return ExampleIndex([], theme_classifier.train(examples, THEME_KEYS))


def test_the_shipped_classifier_was_trained_on_the_shipped_examples():
    # a changed example set needs `python -m ilacs.extraction.theme_classifier` run again
    shipped = theme_classifier.read()
    assert shipped.trained_on == theme_classifier.fingerprint(all_examples())
    assert shipped.themes == THEME_KEYS


@pytest.mark.parametrize("chief,second", [("recording", "assessment"), ("assessment", "recording")])
def test_the_classifier_decides_between_close_themes(chief, second):
    result = theme_text(CLOSE, examples=_classifier_only(_examples(chief, second)))
    assert result.themes[0] == chief


def test_when_the_classifier_changes_the_chief_the_why_says_so():
    result = theme_text(CLOSE, examples=_classifier_only(_examples("recording", "assessment")))
    assert any("classifier trained on them" in rule for rule in result.why()[0]["rules"])


def test_a_second_theme_recommendations_like_this_do_not_carry_is_dropped():
    without = ExampleIndex([])
    assert theme_text(CLOSE, examples=without).themes == ["assessment", "recording"]
    alone = [Example(e.text, ("assessment",)) for e in _examples("assessment", "recording")]
    # the classifier learnt that such recommendations are about assessment alone
    assert theme_text(CLOSE, examples=_classifier_only(alone)).themes == ["assessment"]


def test_a_theme_a_rule_gave_is_kept_whatever_the_classifier_says():
    text = "The board should ensure that the quality of assessments is audited."
    examples = [
        Example("Audit the quality of assessments.", ("quality_assurance",)),
        Example("The quality of assessments should be audited regularly.", ("quality_assurance",)),
        Example("Ensure assessments are audited for quality.", ("quality_assurance",)),
    ]
    result = theme_text(text, "lscb", examples=_classifier_only(examples))
    assert "partnership" in result.themes  # an LSCB recommendation is partnership working too


def test_the_classifier_never_adds_a_theme_the_phrases_did_not_find():
    examples = [Example(e.text, ("care_leavers",)) for e in _examples("assessment", "recording")]
    result = theme_text(CLOSE, examples=_classifier_only(examples))
    assert "care_leavers" not in result.themes


def test_training_is_deterministic():
    examples = _examples("recording", "assessment")
    assert theme_classifier.train(examples, THEME_KEYS) == theme_classifier.train(
        examples, THEME_KEYS
    )


def test_the_weights_round_trip_through_the_shipped_format(tmp_path):
    trained = theme_classifier.train(_examples("recording", "assessment"), THEME_KEYS)
    path = tmp_path / "c.json.gz"
    theme_classifier.write(trained, path)
    assert theme_classifier.read(path) == trained
    first = path.read_bytes()
    theme_classifier.write(trained, path)
    assert path.read_bytes() == first  # same weights, same bytes


def test_theming_reads_the_shipped_classifier_without_numpy():
    code = (
        "import sys; sys.modules['numpy'] = None\n"
        "from ilacs.extraction.theme_examples import default_index\n"
        "from ilacs.extraction.themes import themes_for\n"
        "print(default_index().classifier is not None)\n"
        "print(themes_for('Improve the quality of assessments and case records.'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded, themes = out.stdout.splitlines()
    assert loaded == "True"
    assert "assessment" in themes


# Theme F1 on the written sets no example or weight was drawn from, with the shipped method:
# 0.890 (fresh) and 0.901 (vocab) today; 0.806 and 0.842 before the classifier.
@pytest.mark.parametrize("name", ["written_unseen_fresh", "written_unseen_vocab"])
def test_second_themes_hold_on_unseen_written_wording(name):
    scores = score_theme_texts(load(name))
    assert scores["themes_f1"] >= 0.87
    assert scores["chief"] >= 0.94


def test_the_theme_its_words_point_to_most_stays_when_another_is_put_first():
    # the classifier learnt to put case records first and to drop assessment as a second theme:
    # it may reorder, but the theme the phrases found first is still given
    examples = [Example(e.text, ("recording",)) for e in _examples("recording", "assessment")]
    result = theme_text(CLOSE, examples=_classifier_only(examples))
    assert result.themes == ["recording", "assessment"]


def test_a_recommendation_with_no_listed_phrase_gets_the_classifiers_chief():
    examples = [
        Example("Recruit more permanent social workers.", ("workforce",)),
        Example("Ensure there are enough social workers in every team.", ("workforce",)),
        Example("Reduce the number of social workers children have.", ("workforce",)),
        Example("Improve the quality of assessments.", ("assessment",)),
        Example("Assessments should analyse risk.", ("assessment",)),
    ]
    text = "Make sure there are enough social workers for every child to know theirs."
    assert theme_text(text, examples=ExampleIndex([])).themes == []  # no listed phrase
    result = theme_text(text, examples=_classifier_only(examples))
    assert result.themes == ["workforce"]
    assert "no phrase listed for any topic occurs in it" in result.why()[0]["rules"][0]
    # and text the classifier cannot place either gets no theme rather than a guess
    assert theme_text("Hello world.", examples=_classifier_only(examples)).themes == []

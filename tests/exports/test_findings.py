"""Strengths and areas for improvement from findings paragraphs (plain Python, no database)."""

from ilacs.exports.findings import classify_paragraphs, classify_sentence, sentences


def test_sentences_split_on_full_stops_before_capitals():
    assert sentences("Leaders know the service well. Plans are not always SMART.\n") == [
        "Leaders know the service well.",
        "Plans are not always SMART.",
    ]


def test_praise_and_concern():
    assert (
        classify_sentence("Children benefit from a strong and well-established early help offer.")
        == "strength"
    )
    assert (
        classify_sentence("Too many plans for children in need lack clear outcomes and timescales.")
        == "improvement"
    )
    # Praise that mentions delay is still praise; a short fragment says nothing.
    assert (
        classify_sentence("Independent reviewing officers know children well and challenge delay.")
        == "strength"
    )
    assert (
        classify_sentence("Children come into care only when they need to, in their family's view.")
        is None
    )
    assert classify_sentence("Good.") is None


def test_one_of_each_per_paragraph_with_its_reference():
    paragraphs = [
        (
            "Leaders have a clear understanding of the service and are making good progress. "
            "However, supervision is not yet consistently reflective and does not challenge "
            "drift.",
            "paragraph 37, page 9",
            "Leaders",
        )
    ]
    strengths, improvements = classify_paragraphs(paragraphs)
    assert strengths == [
        (
            "Leaders have a clear understanding of the service and are making good progress.",
            "paragraph 37, page 9",
            "Leaders",
        )
    ]
    assert improvements[0][0].startswith("However, supervision is not yet")


def test_every_section_is_heard_within_the_limit():
    paragraphs = [
        (f"Practice in this team is strong and effective for children, number {i}.", f"p{i}", s)
        for i, s in enumerate(["A"] * 10 + ["B"] * 2)
    ]
    strengths, _ = classify_paragraphs(paragraphs, limit=4)
    assert [s[2] for s in strengths].count("B") == 2
    assert [s[1] for s in strengths] == ["p0", "p1", "p10", "p11"]  # back in report order

"""The gold scorer on hand-built records: what counts as a difference, and how a change is reported."""

from __future__ import annotations

import copy

import pytest

from scoring import META_FIELDS, Score, score_change, score_record

GOLD = {
    "document_id": "ah-tk-20252026-1201",
    "chamber": "Tweede Kamer",
    "session": "2025-2026",
    "number": 1201,
    "kind": "answer",
    "questioners": [{"name": "Kramer", "party": "SP"}],
    "addressees": ["Minister van Financiën"],
    "subject": "het rapport «Vroeg erbij»",
    "submitted_on": "2025-09-09",
    "respondent": {"role": "Minister", "name": "Van Leeuwen", "department": "Financiën"},
    "co_respondents": [],
    "received_on": "2025-10-07",
    "see_also": [],
    "questions": [
        {"numbers": [1], "text": "Bent u bekend met het rapport?", "footnote_refs": [1], "page": 1}
    ],
    "answers": [{"numbers": [1], "text": "Ja.\nDe commissie doet drie aanbevelingen.", "footnote_refs": []}],
    "footnotes": [{"number": 1, "text": "Commissie Schulden en Overheid, «Vroeg erbij».", "page": 1}],
    "mededeling": None,
    "notes": "made up",
}


def record_of(gold):
    """The v1 record that agrees with a gold record: the metadata nested, a few extra fields."""
    record = {key: copy.deepcopy(gold[key]) for key in ("questions", "answers", "footnotes", "mededeling")}
    record["metadata"] = {key: copy.deepcopy(gold[key]) for key in META_FIELDS}
    record["metadata"]["days_to_answer"] = 28
    record["warnings"] = []
    return record


def changed(path, value):
    record = record_of(GOLD)
    *keys, last = path
    target = record
    for key in keys:
        target = target[key]
    target[last] = value
    return record


def wrong_fields(record):
    return sorted({check.field for check in score_record("doc", GOLD, record) if not check.right})


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        pytest.param(record_of(GOLD), [], id="agrees"),
        pytest.param(
            changed(("answers", 0, "text"), "Ja.  De commissie\tdoet drie aanbevelingen."),
            ["answer.paragraphs"],
            id="paragraph-break-lost-white-space-folded",
        ),
        pytest.param(
            changed(("answers", 0, "text"), "Ja.\nDe commissie doet twee aanbevelingen."),
            ["answer.text"],
            id="a-word",
        ),
        pytest.param(
            changed(("metadata", "addressees"), ["Minister van Financie\u0308n"]), [], id="nfc-equal"
        ),
        pytest.param(changed(("metadata", "addressees"), ["Minister"]), ["meta.addressees"], id="addressee"),
        pytest.param(changed(("metadata", "number"), "1201"), [], id="number-as-text"),
        pytest.param(changed(("metadata", "respondent", "name"), "Van  Leeuwen"), [], id="respondent-spaces"),
        pytest.param(
            changed(("questions", 0, "footnote_refs"), []), ["question.footnote_refs"], id="marker-lost"
        ),
        pytest.param(
            changed(("questions", 0, "numbers"), [2]),
            ["question.footnote_refs", "question.labels", "question.paragraphs", "question.text"],
            id="label",
        ),
        pytest.param(changed(("footnotes",), []), ["footnote.numbers", "footnote.text"], id="footnote-lost"),
        pytest.param(
            changed(("mededeling",), {"text": "Hierbij.", "footnote_refs": []}),
            ["mededeling.text"],
            id="mededeling-where-none",
        ),
        pytest.param(
            {},  # a parse that failed: wrong wherever the gold is not empty ("answer.footnote_refs" is)
            [
                "answer.labels",
                "answer.paragraphs",
                "answer.text",
                "footnote.numbers",
                "footnote.text",
                *(f"meta.{field}" for field in META_FIELDS),
                "question.footnote_refs",
                "question.labels",
                "question.paragraphs",
                "question.text",
            ],
            id="empty-record",
        ),
    ],
)
def test_score_record(record, expected):
    assert wrong_fields(record) == sorted(expected)


def test_score_change_reports_fields_and_documents():
    right = Score(tuple(score_record("doc", GOLD, record_of(GOLD))))
    wrong = Score(tuple(score_record("doc", GOLD, changed(("metadata", "addressees"), ["Minister"]))))
    assert score_change(right, wrong) == [
        "meta.addressees: 1/1 → 0/1",
        "  doc meta.addressees: 0 → 1 wrong",
        "documents fully right: 1/1 → 0/1 (fields changed)",
    ]
    assert score_change(right, right) == ["documents fully right: 1/1 → 1/1 (fields unchanged)"]

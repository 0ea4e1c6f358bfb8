"""Records become rows of the table model: one row per entity, `document_id` on each, no SQLite needed."""

from __future__ import annotations

import datetime as dt

import pytest

from aanhangsel import models
from aanhangsel.tables import (
    NAMES,
    QA_COLUMNS,
    TABLES,
    document_key,
    record_to_rows,
    records_to_rows,
    table_columns,
)
from conftest import FIXTURES

RECORDS = [
    models.Record.model_validate_json(path.read_text(encoding="utf-8"))
    for path in sorted(FIXTURES.glob("*.json"))
]
BY_FILE = {record.source.file: record for record in RECORDS}


def entities(record):
    """How many rows each table must get from a record, counted from the record itself."""
    return {
        "documents": 1,
        "questioners": len(record.metadata.questioners),
        "addressees": len(record.metadata.addressees),
        "questions": len(record.questions),
        "answers": len(record.answers),
        "footnotes": len(record.footnotes),
        "references": len(record.references),
        "warnings": len(record.warnings),
    }


@pytest.mark.parametrize("record", RECORDS, ids=lambda record: record.source.file)
def test_one_row_per_entity_each_with_the_documents_key_and_the_tables_columns(record):
    rows = record_to_rows(record)
    assert {name: len(rows[name]) for name in entities(record)} == entities(record)
    for table in TABLES:
        for row in rows[table.name]:
            assert tuple(row) == table.column_names
            assert row["document_id"] == record.metadata.document_id
            for name, kind in table.columns:
                assert row[name] is None or isinstance(row[name], kind), (table.name, name, row[name])


def test_many_records_give_the_rows_of_each_in_turn():
    rows = records_to_rows(RECORDS)
    assert set(rows) == set(NAMES)
    for name in entities(RECORDS[0]):
        assert len(rows[name]) == sum(entities(record)[name] for record in RECORDS)


def test_a_document_without_an_id_is_keyed_by_its_sha256():
    record = BY_FILE["ah-tk-20232024-1786.pdf"]
    anonymous = record.model_copy(
        update={"metadata": record.metadata.model_copy(update={"document_id": None})}
    )
    assert document_key(anonymous) == record.source.sha256
    rows = record_to_rows(anonymous)
    assert {row["document_id"] for name in NAMES if name != "qa" for row in rows[name]} == {
        record.source.sha256
    }


def test_the_document_row_is_the_metadata_flat():
    row = record_to_rows(BY_FILE["ah-tk-20232024-1786.pdf"])["documents"][0]
    assert row["questioners"] == "Hirsch (GroenLinks-PvdA); Teunissen (PvdA)"
    assert row["parties"] == "GroenLinks-PvdA; PvdA"
    assert row["addressees"] == (
        "Staatssecretaris van Financiën; Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking"
    )
    assert (row["submitted_on"], row["received_on"], row["days_to_answer"]) == (
        "2024-04-04",
        "2024-05-21",
        47,
    )
    assert (row["answer_term_days"], row["answered_late"], row["days_late"]) == (21, 1, 26)
    assert (row["ministry"], row["ministry_abbreviation"]) == ("Financiën", "FIN")
    assert (row["department"], row["portfolio"]) == (
        "Financiën – Fiscaliteit en Belastingdienst",
        "Fiscaliteit en Belastingdienst",
    )
    assert row["co_respondent_ministries"] == "Buitenlandse Zaken"
    assert (row["question_count"], row["answer_count"], row["footnote_count"]) == (14, 14, 16)
    assert row["url"] == "https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1786.html"


def test_a_mededeling_row_has_its_reason_and_letter():
    row = record_to_rows(BY_FILE["ah-tk-20232024-1999.pdf"])["documents"][0]
    assert (row["kind"], row["reason"], row["letter_kamerstuk"]) == (
        "mededeling",
        "answered_by_letter",
        "kst-36471-64",
    )


def test_an_unknown_lateness_is_empty_not_false():
    row = record_to_rows(BY_FILE["ek-synthetic-2024-2025.pdf"])["documents"][0]
    assert (row["answer_term_days"], row["answered_late"], row["days_late"]) == (None, None, None)


def test_addressees_carry_their_ministries():
    rows = record_to_rows(BY_FILE["ah-tk-20232024-2168.pdf"])["addressees"]
    assert [(row["office"], row["ministry_abbreviation"]) for row in rows] == [
        ("Minister voor Klimaat en Energie", "EZK")
    ]


def test_footnotes_say_where_they_are_cited_and_references_name_their_site():
    rows = record_to_rows(BY_FILE["ah-tk-20232024-2367.pdf"])
    assert rows["footnotes"][0]["cited_in"] == "question 1"
    assert [(row["kind"], row["domain"], row["found_in_part"]) for row in rows["references"][:2]] == [
        ("domain", "nrc.nl", "footnote"),
        ("web", "nrc.nl", "footnote"),
    ]


def test_qa_puts_each_question_beside_the_answer_that_covers_its_first_number():
    qa = record_to_rows(BY_FILE["ah-tk-20232024-1314.pdf"])["qa"]
    assert tuple(qa[0]) == tuple(name for name, _ in QA_COLUMNS)
    assert [(row["question_numbers"], row["answer_numbers"]) for row in qa] == [
        ("1", "1"),
        ("2", "2"),
        ("3, 4, 5", "3, 4, 5"),
        ("6", "6"),
    ]
    assert str(qa[2]["answer"]).startswith("Het is van groot belang dat iedereen in Nederland")


def test_qa_of_a_mededeling_has_questions_without_answers():
    qa = record_to_rows(BY_FILE["ah-tk-20232024-1999.pdf"])["qa"]
    assert len(qa) == 3
    assert {row["answer"] for row in qa} == {None}


def test_a_record_written_before_the_additions_gives_empty_ministry_cells():
    record = models.Record(
        source=models.Source(file="x.pdf", sha256="0" * 64, pages=1),
        metadata=models.Metadata(
            document_id="ah-tk-20232024-1",
            chamber="Tweede Kamer",
            session="2023-2024",
            number=1,
            kind="answer",
            questioners=[models.Questioner(name="Kat", party=None)],
            addressees=["Minister van Financiën"],
            subject="iets",
            submitted_on=dt.date(2024, 1, 1),
            respondent=models.Respondent(role="Minister", name="X", department="Financiën"),
            co_respondents=[],
            received_on=None,
            days_to_answer=None,
            see_also=[models.SeeAlso(session="2014-2015", number=403)],
            kamervraag_numbers=[],
        ),
        questions=[models.Block(numbers=[1], text="Vraag?", footnote_refs=[], page=1)],
        answers=[],
        footnotes=[],
        mededeling=None,
        warnings=["question 1 has no answer"],
    )
    rows = record_to_rows(record)
    assert rows["addressees"] == [
        {
            "document_id": "ah-tk-20232024-1",
            "position": 1,
            "office": "Minister van Financiën",
            "ministry": None,
            "ministry_abbreviation": None,
        }
    ]
    document = rows["documents"][0]
    assert (document["ministry"], document["parties"], document["see_also"]) == (
        None,
        "",
        "2014-2015 nr. 403",
    )
    assert rows["questions"][0]["answer_position"] is None
    assert rows["warnings"] == [
        {"document_id": "ah-tk-20232024-1", "position": 1, "message": record.warnings[0]}
    ]


@pytest.mark.parametrize("name", NAMES)
def test_every_name_has_its_columns(name):
    assert table_columns(name)[0] == "document_id"

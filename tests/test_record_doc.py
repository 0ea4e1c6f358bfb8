"""docs/RECORD.md names every model field; a version 1 record from before the additions still loads."""

from __future__ import annotations

import json
import re

import pytest

from aanhangsel import models
from conftest import FIXTURES

RECORD_DOC = (FIXTURES.parent / "docs" / "RECORD.md").read_text(encoding="utf-8")
MODELS = [
    value
    for value in vars(models).values()
    if isinstance(value, type) and issubclass(value, models.BaseModel) and value.__module__ == models.__name__
]
FIELDS = sorted({(model.__name__, name) for model in MODELS for name in model.model_fields})


@pytest.mark.parametrize(("model", "field"), FIELDS, ids=[f"{model}.{field}" for model, field in FIELDS])
def test_every_model_field_is_named_in_the_record_doc(model, field):
    # As `field`, as a JSON key "field", or as the last part of a path: `source.url`, `Ministry.name`.
    assert re.search(rf"[`\"]{field}[`\"]|\.{field}`", RECORD_DOC), (
        f"{model}.{field} is not in docs/RECORD.md"
    )


def test_the_additions_name_every_field_the_additions_brought():
    additions = RECORD_DOC[RECORD_DOC.index("## Additions") :]
    for path in (
        "source.url",
        "metadata.respondent.portfolio",
        "metadata.respondent.ministry",
        "metadata.addressee_ministries",
        "metadata.co_respondent_ministries",
        "metadata.answer_term_days",
        "metadata.answered_late",
        "metadata.days_late",
        "mededeling.reason",
        "mededeling.letter_kamerstuk",
        "references[].role",
        "footnotes[].cited_in",
    ):
        assert f"`{path}`" in additions


ADDITIONS = {
    "record": {"references"},
    "source": {"url"},
    "metadata": {
        "addressee_ministries",
        "co_respondent_ministries",
        "answer_term_days",
        "answered_late",
        "days_late",
    },
    "respondent": {"portfolio", "ministry"},
    "footnote": {"cited_in"},
    "mededeling": {"reason", "letter_kamerstuk"},
}


def without_additions(record):
    """A record as version 1 wrote it before the additions."""
    old = {key: value for key, value in record.items() if key not in ADDITIONS["record"]}
    old["source"] = {k: v for k, v in record["source"].items() if k not in ADDITIONS["source"]}
    old["metadata"] = {k: v for k, v in record["metadata"].items() if k not in ADDITIONS["metadata"]}
    if old["metadata"]["respondent"]:
        respondent = old["metadata"]["respondent"]
        old["metadata"]["respondent"] = {
            k: v for k, v in respondent.items() if k not in ADDITIONS["respondent"]
        }
    old["footnotes"] = [
        {k: v for k, v in f.items() if k not in ADDITIONS["footnote"]} for f in record["footnotes"]
    ]
    if old["mededeling"]:
        old["mededeling"] = {k: v for k, v in old["mededeling"].items() if k not in ADDITIONS["mededeling"]}
    return old


@pytest.mark.parametrize("golden", sorted(FIXTURES.glob("*.json")), ids=lambda path: path.stem)
def test_a_record_written_before_the_additions_still_validates_as_version_1(golden):
    old = without_additions(json.loads(golden.read_text(encoding="utf-8")))
    record = models.Record.model_validate_json(json.dumps(old))
    assert record.schema_version == 1
    assert record.references == []
    assert record.metadata.model_dump(mode="json", exclude=ADDITIONS["metadata"] | {"respondent"}) == {
        k: v for k, v in old["metadata"].items() if k != "respondent"
    }

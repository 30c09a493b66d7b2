"""The store's flattened tables carry each finding's calibrated confidence as a column."""
from __future__ import annotations

import pyarrow as pa
import pytest

from newsaudit.store.flatten import Batch, schema


@pytest.mark.parametrize("table,column", [
    ("quotes", "confidence"), ("quotes", "speaker_confidence"), ("mentions", "confidence"), ("entities", "confidence"),
    ("times", "confidence"), ("quantities", "confidence"), ("claims", "confidence"), ("claims", "sourcing_confidence"),
    ("rhetoric", "confidence"), ("problems", "confidence"),
])
def test_calibrate_store_confidence_column(table, column):
    assert schema(table).field(column).type == pa.float64()


@pytest.mark.parametrize("table", ["citations", "timeline", "voices"])
def test_calibrate_store_no_confidence_where_nothing_is_calibrated(table):
    assert "confidence" not in schema(table).names


def test_calibrate_store_rows_hold_the_dossier_values(audit_text):
    d = audit_text('Mayor Ada Pike said on Monday that 12 people were hurt in Lowbay. "It was awful," Pike said.',
                   published="2024-03-06")
    b = Batch()
    b.add_dossier("a1", "src", d, "shard1", "now")
    tables = b.tables()
    for table, items in (("mentions", d.mentions), ("times", d.times), ("claims", d.claims), ("quotes", d.quotes)):
        col = tables[table].column("confidence").to_pylist()
        assert items and col == [x.confidence for x in items], table
        assert any(v is not None for v in col), table
    speakers = tables["quotes"].column("speaker_confidence").to_pylist()
    assert speakers == [q.speaker.confidence if q.speaker else None for q in d.quotes]

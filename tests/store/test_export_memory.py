"""An export of 100,000 statements streams in flat memory (bench/export_memory.py reports the figure)."""
import json
import tracemalloc

from service.store.models import Briefing, Speaker, Statement, database

ROWS = 100_000


def fill(count: int) -> None:
    """One briefing and one speaker with ``count`` statements, written straight to the tables."""
    with database.atomic():
        Speaker.insert(id="sp_bulk", name="Bulk Speaker", kind="person").execute()
        Briefing.insert(id="br_bulk", content_hash="0" * 64, title="Bulk", text="x" * 300, kind="statement",
                        day="2024-01-01", parser_version="bulk").execute()
        batch = []
        for i in range(count):
            batch.append({"id": f"st_{i:016x}", "briefing": "br_bulk", "speaker": "sp_bulk", "content_text": "y" * 200,
                          "content_start": 0, "content_end": 200, "type": "indirect", "confidence": 0.9,
                          "rule": "bulk"})
            if len(batch) == 1000:
                Statement.insert_many(batch).execute()
                batch = []


def test_a_hundred_thousand_rows_stream_in_flat_memory(client):
    with database.connection_context():
        fill(ROWS)
    response = client.get("/v1/statements", query_string={"format": "ndjson"})
    tracemalloc.start()
    count = size = 0
    first_id = None
    for chunk in response.response:
        line = chunk.decode() if isinstance(chunk, bytes) else chunk
        size += len(line)
        count += 1
        if first_id is None:
            first_id = json.loads(line)["id"]
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    response.close()
    assert count == ROWS and first_id == "st_0000000000000000"
    assert size > 40_000_000  # the whole export is over 40 MB...
    assert peak < 8_000_000, peak  # ...and never more than a few batches of it are held at once

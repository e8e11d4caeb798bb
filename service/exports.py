"""Every matching record of a list, as NDJSON or CSV, in constant memory.

Used by the API's streamed exports and by ``briefings export``. Records are
fetched ``BATCH`` at a time with the same keyset query the pages use and
written out one by one, so memory stays flat whatever the row count.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator

from marshmallow import Schema, fields

BATCH = 500


def all_records(list_fn: Callable, after: int = 0, **filters) -> Iterator[dict]:
    """Every record ``list_fn(after=, limit=, **filters)`` lists from ``after`` on, page by page."""
    while True:
        page = list_fn(after=after, limit=BATCH, **filters)
        yield from page.records
        if page.after is None or not page.records:
            return
        after = page.after


def trim(record: dict, only: list[str] | None) -> dict:
    return {k: record[k] for k in only if k in record} if only else record


def csv_columns(schema: Schema, only: list[str] | None = None, prefix: str = "") -> list[str]:
    """CSV columns of a record schema: nested records flattened as ``speaker.name``.

    Only the fields every record has (``required``): a field that only some answers carry (``match``, a
    briefing's expanded ``statements``) would be a column that is always empty, unless ``only`` names it.
    """
    columns = []
    for name, field in schema.fields.items():
        if (only and not prefix and name not in only) or not (field.required or (only and name in only)):
            continue
        if isinstance(field, fields.Nested) and not field.many:
            columns += csv_columns(field.schema, None, f"{prefix}{name}.")
        else:
            columns.append(prefix + name)
    return columns


def _cell(record: dict, column: str):
    value = record
    for part in column.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, (list, dict)):  # JSON, so aliases or participants can be split back exactly
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def render(records: Iterator[dict], fmt: str, schema: Schema, only: list[str] | None = None) -> Iterator[str]:
    """The records as NDJSON lines, or as CSV rows under a header (``fmt`` is ndjson or csv)."""
    if fmt == "ndjson":
        for record in records:
            yield json.dumps(trim(record, only), ensure_ascii=False) + "\n"
        return
    columns = csv_columns(schema, only)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record, c) for c in columns])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()

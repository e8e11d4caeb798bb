"""Pieces every record shares: evidence spans, speaker references, pages, errors."""
import copy

from marshmallow import Schema, fields, validate
from webargs.fields import DelimitedList

from service.store.facets import MAX_SIZE as FACET_SIZE_MAX

LIMIT_MAX = 100
CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # refused in every string but tab, CR and LF
PLAIN = f"^[^{CONTROL_CHARACTERS}]*$"  # a string without them (a JSON Schema pattern)
SOME_PLAIN_TEXT = rf"^[^{CONTROL_CHARACTERS}]*[^{CONTROL_CHARACTERS}\s][^{CONTROL_CHARACTERS}]*$"  # and not all blank
# what a cursor looks like: every value of this form is accepted (an empty one starts at the beginning)
CURSOR_PATTERN = r"^([0-9a-f]{0,15}|[0-7][0-9a-f]{15})$"  # hex, at most 2**63 - 1: a seq a column holds


def cursor_field(description: str) -> fields.Str:
    return fields.Str(metadata={"description": description + "; opaque, but always of this pattern",
                                "pattern": CURSOR_PATTERN})


class EvidenceSchema(Schema):
    """Where in the briefing's ``text`` a record's words are: ``text == briefing.text[start:end]``."""

    text = fields.Str(required=True)
    start = fields.Int(required=True, metadata={"description": "offset of the first character"})
    end = fields.Int(required=True, metadata={"description": "offset after the last character"})


class SpeakerRefSchema(Schema):
    id = fields.Str(required=True)
    name = fields.Str(required=True)


def record_fields(record: type[Schema]) -> DelimitedList:
    """The ``fields=`` parameter of a list of ``record``: which fields to keep in each record."""
    names = [name for name in record._declared_fields if name != "match"] + (
        ["match"] if "match" in record._declared_fields else [])
    known = validate.OneOf(names, error="unknown field {input!r}; the fields are {choices}")
    return DelimitedList(fields.Str(validate=known), validate=validate.Length(min=1),
                         metadata={"description": "comma-separated fields to keep in each record; the records then "
                                   "hold only those fields (the page's Partial... shape)"})


class FacetValueSchema(Schema):
    value = fields.Str(allow_none=True, required=True, metadata={"description": "null counts the records without one"})
    count = fields.Int(required=True)
    label = fields.Str(allow_none=True, metadata={"description": "the speaker's name, on the speaker facet"})


class FacetSchema(Schema):
    """The most frequent values among every record the query matches (not only the page), most frequent first."""

    values = fields.List(fields.Nested(FacetValueSchema), required=True)
    more = fields.Bool(required=True, metadata={"description": "true when further values were cut (`facet_size`)"})


class Repeated(fields.List):
    """A query parameter given several times (``facet=speaker&facet=type``) or comma-separated, or both."""

    def _deserialize(self, value, attr, data, **kwargs):
        values = value if isinstance(value, (list, tuple)) else [value]
        parts = [part.strip() for item in values for part in str(item).split(",")]
        return super()._deserialize(parts, attr, data, **kwargs)


def facet_param(names: tuple[str, ...]) -> Repeated:
    """The ``facet=`` parameter of a list whose records can be counted by ``names``."""
    known = validate.OneOf(names, error="unknown facet {input!r}; the facets are {choices}")
    return Repeated(fields.Str(validate=known), validate=validate.Length(1, len(names) * 2), metadata={
        "description": "count every matching record by these values (repeat it, or separate by commas): "
        + ", ".join(names) + "; a JSON page then carries `facets`"})


class SummaryQuerySchema(Schema):
    """Facets and an exact total beside a JSON page (``facet`` itself is declared by each list)."""

    facet_size = fields.Int(validate=validate.Range(1, FACET_SIZE_MAX), metadata={
        "description": f"values kept per facet given in `facet=` (1-{FACET_SIZE_MAX}, default 10)"})
    count = fields.Bool(load_default=False, metadata={
        "description": "true: the page carries `count`, the exact number of matching records (an NDJSON or "
        "CSV export gives it in an `X-Total-Count` header; facets come with JSON pages only)"})


class OutputQuerySchema(Schema):
    """How a list comes back: its format, and (``record_fields``) which fields of each record."""

    format = fields.Str(validate=validate.OneOf(("json", "ndjson", "csv")), metadata={
        "description": "json (default): one page; ndjson or csv: every matching record, streamed. "
        "`Accept: application/x-ndjson` or `text/csv` does the same"})


class PageQuerySchema(OutputQuerySchema, SummaryQuerySchema):
    """Cursor pagination: follow ``next`` (or the ``Link: rel="next"`` header) until it is null."""

    limit = fields.Int(load_default=20, validate=validate.Range(1, LIMIT_MAX),
                       metadata={"description": f"records per page (1-{LIMIT_MAX})"})
    cursor = cursor_field("the `next` value of the previous page")
    order = fields.Str(validate=validate.OneOf(("oldest", "newest")), metadata={
        "description": "oldest first (the default), or newest first; with `q` the default is by relevance"})


class AnyOf(fields.Field):
    """A value of one of several shapes, documented as ``anyOf`` (``any_of2properties``); dumped as the first."""

    def __init__(self, *choices: fields.Field, **kwargs):
        super().__init__(**kwargs)
        self.choices = choices

    def _bind_to_schema(self, field_name, parent):
        super()._bind_to_schema(field_name, parent)
        for choice in self.choices:
            choice._bind_to_schema(field_name, parent)

    def _serialize(self, value, attr, obj, **kwargs):
        return self.choices[0]._serialize(value, attr, obj, **kwargs)


def any_of2properties(self, field, **kwargs) -> dict:
    """apispec attribute function (bound to its converter) documenting an ``AnyOf`` field."""
    return {"anyOf": [self.field2property(choice) for choice in field.choices]} if isinstance(field, AnyOf) else {}


def partial_of(record: type[Schema]) -> type[Schema]:
    """``record`` with nothing required: the shape of its records under ``fields=``, which keeps only some."""
    name = "Partial" + record.__name__.removesuffix("Schema")
    optional = {}
    for key, field in record._declared_fields.items():
        optional[key] = copy.copy(field)
        optional[key].required = False
    return Schema.from_dict(optional, name=name)


def page_of(item_schema: type[Schema]) -> type[Schema]:
    """The schema of one page of ``item_schema`` records: ``{"data": [...], "next": cursor|null}``, with
    ``facets`` and ``count`` when they are asked for.

    A record is whole, or (with ``fields=``) holds only the fields asked for: it is declared as either.
    """
    name = item_schema.__name__.removesuffix("Schema") + "Page"
    record = AnyOf(fields.Nested(item_schema), fields.Nested(partial_of(item_schema)))
    return Schema.from_dict(
        {
            "data": fields.List(record, required=True),
            "next": fields.Str(allow_none=True, required=True,
                               metadata={"description": "cursor of the next page; null on the last page"}),
            "facets": fields.Dict(keys=fields.Str(), values=fields.Nested(FacetSchema),
                                  metadata={"description": "with facet=: each facet asked for, by name"}),
            "count": fields.Int(metadata={"description": "with count=true: every matching record, not the page"}),
        },
        name=name,
    )


class ProblemSchema(Schema):
    """An RFC 9457 problem document."""

    type = fields.Str(required=True)
    title = fields.Str(required=True)
    status = fields.Int(required=True)
    detail = fields.Str()
    parameter = fields.Str(metadata={"description": "the query parameter at fault"})
    field = fields.Str(metadata={"description": "the body field at fault"})
    errors = fields.Dict(metadata={"description": "every validation message, by location and name"})


class SnippetSchema(Schema):
    text = fields.Str(required=True)
    highlights = fields.List(fields.List(fields.Int()), required=True,
                             metadata={"description": "[start, end] offsets into `text` of each matched word"})


class MatchSchema(Schema):
    """Present only on results of a search (`q=`): how well the record matched, and where."""

    score = fields.Float(required=True, metadata={"description": "relevance; higher is better"})
    snippet = fields.Nested(SnippetSchema, required=True)


class SearchQuerySchema(Schema):
    q = fields.Str(validate=validate.Length(1, 200), metadata={
        "description": 'full-text search: words (all required), "quoted phrases", prefix*; results come ranked'})


class PeriodQuerySchema(Schema):
    since = fields.Date(metadata={"description": "briefings dated on or after this day (ISO date)"})
    until = fields.Date(metadata={"description": "briefings dated on or before this day (ISO date)"})

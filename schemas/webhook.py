from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from marshmallow.validate import URL

from .statement import STATEMENT_TYPES

WEBHOOK_KINDS = ("statement", "quote", "figure", "briefing")
FILTERS_OF_KIND = {"statement": {"speaker", "speaker_id", "q", "type"}, "quote": {"speaker", "speaker_id", "q"},
                   "figure": {"kind"}, "briefing": {"q", "kind"}}


class WebhookFiltersSchema(Schema):
    """The filters of the list endpoint of the webhook's kind (each applies where that list has it)."""

    speaker = fields.Str(validate=validate.Length(1, 200))
    speaker_id = fields.Str(validate=validate.Length(1, 64))
    q = fields.Str(validate=validate.Length(1, 200))
    type = fields.Str(validate=validate.OneOf(STATEMENT_TYPES))
    kind = fields.Str(validate=validate.Length(1, 32), metadata={"description": "figure or briefing kind"})


class WebhookInSchema(Schema):
    url = fields.Str(required=True, validate=[URL(schemes={"http", "https"}, require_tld=False),
                                              validate.Length(max=2000)])
    kind = fields.Str(load_default="statement", validate=validate.OneOf(WEBHOOK_KINDS))
    filters = fields.Nested(WebhookFiltersSchema, load_default=dict)

    @validates_schema
    def _filters_fit_the_kind(self, data, **kwargs):
        extra = set(data.get("filters", {})) - FILTERS_OF_KIND[data.get("kind", "statement")]
        if extra:
            raise ValidationError(f"a {data.get('kind', 'statement')} webhook cannot filter by "
                                  f"{', '.join(sorted(extra))}", field_name="filters")


class WebhookSchema(Schema):
    id = fields.Str(required=True)
    url = fields.Str(required=True)
    kind = fields.Str(required=True, validate=validate.OneOf(WEBHOOK_KINDS))
    filters = fields.Dict(required=True)
    created_at = fields.Str(required=True, metadata={"format": "date-time"})
    secret = fields.Str(metadata={"description": "whsec_…: shown only in the answer that creates the webhook; "
                                                "verify each delivery's webhook-signature with it"})


class DeliverySchema(Schema):
    id = fields.Str(required=True, metadata={"description": "the webhook-id header, the same on every retry"})
    event = fields.Str(required=True)
    record_id = fields.Str(required=True)
    status = fields.Str(required=True, validate=validate.OneOf(("pending", "sending", "delivered", "failed")))
    attempts = fields.Int(required=True)
    next_attempt_at = fields.Str(allow_none=True, required=True)
    last_error = fields.Str(allow_none=True, required=True)
    created_at = fields.Str(required=True)
    delivered_at = fields.Str(allow_none=True, required=True)


class WebhookListSchema(Schema):
    data = fields.List(fields.Nested(WebhookSchema), required=True)


class DeliveryListSchema(Schema):
    data = fields.List(fields.Nested(DeliverySchema), required=True)

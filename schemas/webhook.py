from marshmallow import Schema, fields, validate

from .common import CONTROL_CHARACTERS, PLAIN

WEBHOOK_KINDS = ("statement", "quote")
HTTP_URL = rf"^https?://[^{CONTROL_CHARACTERS}\s/?#]+([/?#][^{CONTROL_CHARACTERS}\s]*)?$"  # a host, then no spaces or control characters


class WebhookFiltersSchema(Schema):
    """The filters of /v1/statements and /v1/quotes that a subscription can use, with the same meaning."""

    speaker = fields.Str(validate=validate.Length(1, 200), metadata={"pattern": PLAIN})
    speaker_id = fields.Str(validate=validate.Length(1, 64), metadata={"pattern": PLAIN})
    q = fields.Str(validate=validate.Length(1, 200), metadata={"pattern": PLAIN})


class WebhookInSchema(Schema):
    url = fields.Str(required=True, validate=[validate.Regexp(HTTP_URL, error="an http or https URL, please"),
                                              validate.Length(max=2000)], metadata={"pattern": HTTP_URL})
    kind = fields.Str(load_default="statement", validate=validate.OneOf(WEBHOOK_KINDS),
                      metadata={"description": "which new records to send"})
    filters = fields.Nested(WebhookFiltersSchema, load_default=dict)


class WebhookSchema(Schema):
    id = fields.Str(required=True)
    url = fields.Str(required=True)
    kind = fields.Str(required=True, validate=validate.OneOf(WEBHOOK_KINDS))
    filters = fields.Nested(WebhookFiltersSchema, required=True)
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

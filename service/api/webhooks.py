"""/v1/webhooks: subscribe a URL to new records matching a filter (all routes need an API key)."""
from flask import current_app
from flask_smorest import abort

from schemas.webhook import DeliveryListSchema, WebhookInSchema, WebhookListSchema, WebhookSchema

from ..store import webhooks
from ..webhook_targets import TargetRefused, check
from .auth import BEARER_SECURITY, require_key
from .blueprint import Blueprint

blp = Blueprint("webhooks", __name__, url_prefix="/v1/webhooks",
                description="Webhooks: new matching records POSTed to a URL, signed per Standard Webhooks")


def _hook(webhook_id: str):
    hook = webhooks.get_webhook(webhook_id)
    if hook is None:
        abort(404, message=f"no webhook with id {webhook_id!r}")
    return hook


@blp.route("", methods=["POST"])
@require_key  # before the arguments are read: no key, no 400 for a bad body
@blp.doc(security=BEARER_SECURITY)
@blp.arguments(WebhookInSchema)
@blp.response(201, WebhookSchema)
@blp.alt_response(401, description="No valid API key")
def create_webhook(body):
    """Subscribe: each new record of `kind` matching `filters` is POSTed to `url`.

    The answer holds the signing `secret`, shown this once. Deliveries carry
    `webhook-id`, `webhook-timestamp` and `webhook-signature` headers and are
    retried with backoff until the URL answers 2xx. The URL must reach a public address (no private,
    loopback, link-local or reserved one, in any spelling) and hold no credentials; redirects are not followed.
    """
    try:
        check(body["url"], allow_private=current_app.config.get("WEBHOOKS_ALLOW_PRIVATE", False))
    except TargetRefused as exc:
        abort(400, message=f"url: {exc}", field="url")
    hook = webhooks.create_webhook(body["url"], body["kind"], body["filters"])
    return webhooks.webhook_record(hook, with_secret=True)


@blp.route("", methods=["GET"])
@require_key  # before the arguments are read: no key, no 400 for a bad body
@blp.doc(security=BEARER_SECURITY)
@blp.response(200, WebhookListSchema)
@blp.alt_response(401, description="No valid API key")
def list_webhooks():
    """Every subscription (without secrets)."""
    return {"data": [webhooks.webhook_record(h) for h in webhooks.list_webhooks()]}


@blp.route("/<string:webhook_id>", methods=["GET"])
@require_key  # before the arguments are read: no key, no 400 for a bad body
@blp.doc(security=BEARER_SECURITY)
@blp.response(200, WebhookSchema)
@blp.alt_response(401, description="No valid API key")
@blp.alt_response(404, description="No such webhook")
def get_webhook(webhook_id):
    """One subscription (without its secret)."""
    return webhooks.webhook_record(_hook(webhook_id))


@blp.route("/<string:webhook_id>", methods=["DELETE"])
@require_key  # before the arguments are read: no key, no 400 for a bad body
@blp.doc(security=BEARER_SECURITY)
@blp.response(204)
@blp.alt_response(401, description="No valid API key")
@blp.alt_response(404, description="No such webhook")
def delete_webhook(webhook_id):
    """Unsubscribe; pending deliveries are dropped."""
    if not webhooks.delete_webhook(webhook_id):
        abort(404, message=f"no webhook with id {webhook_id!r}")


@blp.route("/<string:webhook_id>/deliveries", methods=["GET"])
@require_key  # before the arguments are read: no key, no 400 for a bad body
@blp.doc(security=BEARER_SECURITY)
@blp.response(200, DeliveryListSchema)
@blp.alt_response(401, description="No valid API key")
@blp.alt_response(404, description="No such webhook")
def list_deliveries(webhook_id):
    """The latest 50 deliveries, newest first: their status, attempts and last error."""
    _hook(webhook_id)
    return {"data": webhooks.deliveries_of(webhook_id)}

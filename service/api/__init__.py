"""The HTTP API: flask-smorest ``Api`` with RFC 9457 errors, and every /v1 blueprint.

Each resource is one module (``statements.py`` serves /v1/statements); their
wire format lives in ``schemas/``, their queries in ``service/store/queries.py``.
"""
import http

import flask_smorest
from flask_smorest.utils import prepare_response

from schemas.common import ProblemSchema, any_of2properties

from . import (
    articles,
    briefings,
    changes,
    docs,
    feeds,
    figures,
    health,
    pages,
    parse,
    quotes,
    speakers,
    statements,
    webhooks,
)
from .control import PlainStringParameters
from .errors import PROBLEM_CONTENT_TYPE, problem_response

BLUEPRINTS = (
    briefings.blp,
    statements.blp,
    quotes.blp,
    figures.blp,
    speakers.blp,
    articles.blp,
    parse.blp,
    changes.blp,
    feeds.blp,
    webhooks.blp,
    health.blp,
)

API_SETTINGS = {
    "API_TITLE": "Press briefings",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.1.0",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "v1/openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "docs",
    "OPENAPI_SWAGGER_UI_URL": docs.ASSETS_URL,
    "API_SPEC_OPTIONS": {
        "info": {
            "description": "Who said what at government press briefings, with the evidence: statements, "
            "quotes, speakers and figures extracted from news articles and official releases. "
            "Lists are cursor-paginated (`next`, `Link: rel=\"next\"`); errors are RFC 9457 problem documents; "
            "every GET has an ETag.",
        },
        "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
    },
}


class Api(flask_smorest.Api):
    """flask-smorest's Api, answering errors as ``application/problem+json``."""

    ERROR_SCHEMA = ProblemSchema

    def handle_http_exception(self, error):
        return problem_response(error)

    def _register_responses(self):
        """Document every error response as a problem document."""
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, PROBLEM_CONTENT_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_CONTENT_TYPE)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)


def init_api(app) -> Api:
    for key, value in API_SETTINGS.items():
        app.config.setdefault(key, value)
    api = Api(app, spec_kwargs={"extra_plugins": [PlainStringParameters()]})
    api.ma_plugin.converter.add_attribute_function(any_of2properties)
    for blueprint in BLUEPRINTS:
        api.register_blueprint(blueprint)
    app.register_blueprint(docs.blp)
    app.register_blueprint(pages.blp)
    app.extensions["briefings.api"] = api
    return api

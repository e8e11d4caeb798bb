"""The contract, served: /openapi.yaml, and the /docs page's assets from the service itself.

flask-smorest serves /v1/openapi.json and the Swagger UI page at /docs; the
page's scripts and styles come from the flask-swagger-ui package (Swagger UI 5,
which reads OpenAPI 3.1), so /docs works on a machine with no internet.
"""
from pathlib import Path

import flask_swagger_ui
import yaml
from flask import Blueprint, Response, current_app, send_from_directory

blp = Blueprint("contract", __name__)
ASSETS_URL = "/docs/assets/"
ASSETS = Path(flask_swagger_ui.__file__).parent / "dist"


def spec_yaml(api) -> str:
    """The spec as YAML: what `briefings openapi` writes and /openapi.yaml serves."""
    spec = api.spec.to_dict()
    ordered = {key: spec[key] for key in ("openapi", "info", "tags", "paths", "components") if key in spec}
    ordered.update(spec)
    return yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=100)


@blp.route("/openapi.yaml")
def openapi_yaml():
    api = current_app.extensions["briefings.api"]
    return Response(spec_yaml(api), content_type="application/yaml")


@blp.route(ASSETS_URL + "<path:name>")
def docs_asset(name):
    return send_from_directory(ASSETS, name, max_age=86400)

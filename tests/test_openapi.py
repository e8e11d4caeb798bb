"""The contract: the committed openapi.yaml is what the code generates and is valid (schemathesis: test_schemathesis.py)."""
import tempfile
from pathlib import Path

import yaml
from openapi_spec_validator import validate

from click.testing import CliRunner

from service.api.docs import spec_yaml
from service.app import create_app
from service.cli import main
from tests.conftest import API_KEY, SEEDS

COMMITTED = Path(__file__).resolve().parent.parent / "openapi.yaml"


def seeded_app():
    """An app on its own SQLite file holding the seed articles."""
    url = f"sqlite:///{tempfile.mkdtemp(prefix='briefings-spec-')}/spec.db"
    result = CliRunner().invoke(main, ["ingest", str(SEEDS)], env={"DATABASE_URL": url})
    assert result.exit_code == 0, result.output
    return create_app({"DATABASE_URL": url, "API_KEYS": [API_KEY], "TESTING": True,
                       "WEBHOOKS_ALLOW_PRIVATE": True})  # targets are checked by test_webhook_targets


class SeededApp:
    """The seeded app as a WSGI callable built on first use, once: collection (which reads the cases from
    the committed spec) builds nothing."""

    def __init__(self):
        self._app = None

    @property
    def app(self):
        if self._app is None:
            self._app = seeded_app()
        return self._app

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


SPEC_APP = SeededApp()


def test_committed_spec_equals_the_generated_one():
    generated = spec_yaml(SPEC_APP.app.extensions["briefings.api"])
    assert COMMITTED.read_text(encoding="utf-8") == generated, "run `briefings openapi` and commit openapi.yaml"


def test_spec_is_valid_openapi():
    validate(yaml.safe_load(COMMITTED.read_text(encoding="utf-8")))


def operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method != "parameters":
                yield f"{method.upper()} {path}", operation


def resolved(spec, response):
    return spec["components"]["responses"][response["$ref"].rsplit("/", 1)[1]] if "$ref" in response else response


# A health check answers its 503 in the health shape (status, schema versions), so that load balancers and
# dashboards read one shape whatever the state; every other error is a problem document.
OWN_ERROR_SHAPES = {("GET /health", "503")}


def test_every_error_response_is_documented_as_a_problem():
    spec = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    for name, operation in operations(spec):
        for status, response in operation["responses"].items():
            if (name, str(status)) in OWN_ERROR_SHAPES:
                assert list(resolved(spec, response)["content"]) == ["application/json"], (name, status)
            elif status == "default" or int(status) >= 400:
                assert list(resolved(spec, response)["content"]) == ["application/problem+json"], (name, status)


def test_every_operation_is_named_summarised_and_declares_its_answers():
    """What Spectral's recommended rules ask, and what a generated client needs to name and type its calls."""
    spec = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    ids = [operation["operationId"] for _, operation in operations(spec)]
    assert len(ids) == len(set(ids)) == len(list(operations(spec)))
    for name, operation in operations(spec):
        assert operation["summary"] and operation["tags"], name
        statuses = set(operation["responses"])
        assert statuses & {"200", "201", "204"}, name
        if name.startswith("GET "):
            assert "304" in statuses, name
        if "{" in name:
            assert "404" in statuses, name
        if "requestBody" in operation:
            assert {"413", "415" if "text/plain" in operation["requestBody"]["content"] else "400"} <= statuses, name
        if operation.get("security"):
            assert "401" in statuses, name


def test_nullable_records_are_openapi_31_null_types():
    spec = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    assert spec["openapi"].startswith("3.1")
    schemas = spec["components"]["schemas"]
    assert {"$ref": "#/components/schemas/SpeakerRef"} in schemas["Statement"]["properties"]["speaker"]["anyOf"]
    assert {"type": "null"} in schemas["Statement"]["properties"]["speaker"]["anyOf"]
    assert "null" in schemas["Figure"]["properties"]["value"]["type"]
    assert "nullable" not in COMMITTED.read_text(encoding="utf-8")

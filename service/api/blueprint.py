"""The project's Blueprint: flask-smorest's, with stricter argument parsing and a complete contract.

Unknown query parameters are an error (a typo such as ``speakr=`` must not
silently return everything), and invalid arguments are a 400, as for any
other malformed request. A query parameter given twice is an error too,
unless it is a list: ``speaker=a&speaker=b`` must not silently mean ``a``.

Every operation's documentation is completed the same way, so that a client
generated from the spec knows every answer it can get: its operationId is the
view's name; a GET may answer 304, an operation with a body 413, one behind a
key 401; and every error answer is declared as a problem document.

Each argument schema is instantiated once, when the route is declared: given a
class, webargs would build a new instance (every field copied) for every request.
"""
import http

import marshmallow as ma
import flask_smorest
from webargs.fields import DelimitedList
from webargs.flaskparser import FlaskParser
from werkzeug.datastructures import MultiDict

from schemas.common import ProblemSchema

from .errors import PROBLEM_CONTENT_TYPE

class StrictParser(FlaskParser):
    DEFAULT_UNKNOWN_BY_LOCATION = {location: ma.RAISE for location in FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION}
    DEFAULT_UNKNOWN_BY_LOCATION["headers"] = ma.EXCLUDE
    DEFAULT_UNKNOWN_BY_LOCATION["cookies"] = ma.EXCLUDE
    DEFAULT_VALIDATION_STATUS = 400

    def load_querystring(self, req, schema):
        """The query, refusing a repeated single-valued parameter.

        A list may be given comma-separated (``fields=text,speaker``) or repeated
        (``fields=text&fields=speaker``, the OpenAPI default that generated clients send).
        """
        args = MultiDict(req.args)
        repeated = []
        for name in req.args:
            values = req.args.getlist(name)
            field = next((f for key, f in schema.fields.items() if (f.data_key or key) == name), None)
            if len(values) < 2 or field is None:  # an unknown parameter is refused by name later
                continue
            if isinstance(field, DelimitedList):
                args.setlist(name, [field.delimiter.join(values)])
            elif not isinstance(field, tuple(self.KNOWN_MULTI_FIELDS)):
                repeated.append(name)
        if repeated:
            raise ma.ValidationError({name: ["give this parameter once"] for name in repeated})
        return self._makeproxy(args, schema)


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = StrictParser()

    def arguments(self, schema, **kwargs):
        return super().arguments(schema() if isinstance(schema, type) else schema, **kwargs)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._prepare_doc_cbks.append(self._prepare_contract_doc)

    def _store_endpoint_docs(self, endpoint, obj, parameters, tags, **options):
        super()._store_endpoint_docs(endpoint, obj, parameters, tags, **options)
        for method, doc_info in self._docs[endpoint].items():
            if method != "parameters":
                doc_info["operation_id"] = obj.__name__

    @staticmethod
    def _prepare_contract_doc(doc, doc_info, *, method, **kwargs):
        """operationId, and the 304/401/413 answers an operation can give, every error as a problem."""
        doc["operationId"] = doc_info["operation_id"]
        manual = doc_info.get("manual_doc", {})
        has_body = "requestBody" in manual or "requestBody" in doc
        responses = doc.setdefault("responses", {})
        for status, applies in ((304, method == "get"), (401, "security" in manual), (413, has_body)):
            if applies:
                responses.setdefault(status, http.HTTPStatus(status).name)
        for status, response in responses.items():
            if isinstance(response, dict) and str(status).isdigit() and int(status) >= 400:
                response.setdefault("content", {PROBLEM_CONTENT_TYPE: {"schema": ProblemSchema}})
        return doc

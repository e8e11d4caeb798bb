"""The project's Blueprint: flask-smorest's, with stricter argument parsing.

Unknown query parameters are an error (a typo such as ``speakr=`` must not
silently return everything), and invalid arguments are a 400, as for any
other malformed request. Each argument schema is instantiated once, when the
route is declared: given a class, webargs would build a new instance (every
field copied) for every request.
"""
import marshmallow as ma
import flask_smorest
from webargs.flaskparser import FlaskParser


class StrictParser(FlaskParser):
    DEFAULT_UNKNOWN_BY_LOCATION = {location: ma.RAISE for location in FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION}
    DEFAULT_UNKNOWN_BY_LOCATION["headers"] = ma.EXCLUDE
    DEFAULT_UNKNOWN_BY_LOCATION["cookies"] = ma.EXCLUDE
    DEFAULT_VALIDATION_STATUS = 400


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = StrictParser()

    def arguments(self, schema, **kwargs):
        return super().arguments(schema() if isinstance(schema, type) else schema, **kwargs)

"""The wire format: marshmallow schemas for every record, request and error of the API."""

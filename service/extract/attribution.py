"""Placeholder: being written."""


def attribute(doc):
    return doc

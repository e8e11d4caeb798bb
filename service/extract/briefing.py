"""Placeholder: being written."""


def describe(doc):
    return doc

"""Placeholder: being written."""


def resolve(doc):
    return doc

"""Placeholder: being written."""


def find_figures(doc):
    return doc

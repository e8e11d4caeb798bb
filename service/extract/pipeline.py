"""Stages as declared components, after spaCy's pipeline: each names what it needs and what it sets.

A ``Stage`` wraps one function ``(doc: Document) -> None`` with the ``Document``
fields it ``requires`` and the ones it ``assigns``. ``Pipeline`` checks, when it
is built (at import of ``service.extract``), that every field a stage requires
is given with the document or assigned by a stage before it, so an order that
cannot work fails at once rather than on some article. Tests and benchmarks
run the pipeline up to a stage by its name (``PIPELINE.up_to("speakers")``),
never by position.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .records import Document

# What a Document holds before any stage runs.
GIVEN = ("text", "content_hash", "published")


@dataclass(frozen=True)
class Stage:
    """One named step: ``run(doc)`` reads the ``requires`` fields and sets (or refines) the ``assigns``."""

    name: str
    run: Callable[[Document], object]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> None:
        self.run(doc)


class Pipeline:
    """Stages in order, their contracts checked when it is built."""

    def __init__(self, *stages: Stage):
        fields = set(Document.__dataclass_fields__)
        available = set(GIVEN)
        names = [s.name for s in stages]
        if len(set(names)) != len(names):
            raise ValueError(f"stage names repeat: {names}")
        for stage in stages:
            unknown = set(stage.requires + stage.assigns) - fields
            if unknown:
                raise ValueError(f"stage {stage.name!r} names no Document field {sorted(unknown)}")
            missing = set(stage.requires) - available
            if missing:
                raise ValueError(f"stage {stage.name!r} requires {sorted(missing)}, assigned by no earlier stage")
            available |= set(stage.assigns)
        self.stages = tuple(stages)

    def __iter__(self) -> Iterator[Stage]:
        return iter(self.stages)

    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def up_to(self, name: str) -> tuple[Stage, ...]:
        """The stages up to and including the one called ``name``."""
        if name not in self.names():
            raise KeyError(f"no stage {name!r}; the stages are {self.names()}")
        return self.stages[:self.names().index(name) + 1]

    def run(self, doc: Document, until: str | None = None) -> Document:
        """Run every stage over ``doc`` in order, or those up to the stage ``until``."""
        for stage in self.up_to(until) if until else self.stages:
            stage(doc)
        return doc

"""The records the extractor produces: plain dataclasses, shared by every stage.

Every stage of the pipeline (see ``service/extract/__init__.py``) reads and
fills one ``Document``. Records point at their evidence with character offsets
into ``Document.text`` and at each other by id. Ids are derived from content
(``ids.py``), so parsing the same text twice yields the same ids.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    """Words that name or refer to a possible speaker ("Baloch", "She", "The spokesperson").

    ``kind`` is one of ``name``, ``pronoun``, ``role``, ``organization``,
    ``country``, ``document``, ``group``; ``speaker_id`` is filled when the
    mention is resolved to a speaker.
    """

    start: int
    end: int
    text: str
    kind: str
    speaker_id: str | None = None


@dataclass(slots=True)
class Speaker:
    id: str
    name: str
    kind: str = "person"  # person, organization, country, document, group, other
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Quote:
    id: str
    start: int
    end: int
    text: str  # without the quote marks
    partial: bool = False  # a few words inside a sentence
    closed: bool = True  # false for a quotation that never closes
    speaker_id: str | None = None
    statement_id: str | None = None


@dataclass(slots=True)
class Statement:
    id: str
    content: Span
    type: str  # direct, indirect, mixed
    cue: Span | None = None
    speaker_id: str | None = None
    speaker_mention: Span | None = None
    quote_ids: list[str] = field(default_factory=list)
    confidence: float = 0.5
    rule: str = ""


@dataclass(slots=True)
class Figure:
    id: str
    start: int
    end: int
    text: str
    kind: str  # count, money, percent, duration, date, quantity, age, ordinal, other
    value: float | int | str | None = None  # a number; an ISO date (or month-day) for dates
    unit: str | None = None
    qualifier: str | None = None  # at_least, more_than, at_most, less_than, about, range
    subject: str | None = None
    event: str | None = None
    part_of: str | None = None  # id of the figure this one is part of
    statement_id: str | None = None


@dataclass(slots=True)
class Turn:
    """One speaker's turn in a transcript: the label ("MR PRICE"), the words to the next label, and who it is.

    ``kind`` is ``official`` (a named speaker), ``question`` (a reporter's
    turn: never a speaker) or ``other`` (an operator, a participant, an
    announcement). ``directions`` are the stage directions and interpreter
    notes inside ``text`` ("(Laughter.)", "(Via interpreter)"): not speech.
    """

    id: str
    label: Span
    text: Span
    kind: str
    speaker_id: str | None = None
    answers: str | None = None  # the id of the question turn an official's turn answers
    directions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Briefing:
    kind: str = "news_report"
    date: str | None = None
    date_text: str | None = None
    location: str | None = None
    host: str | None = None
    participants: list[str] = field(default_factory=list)  # speaker ids


@dataclass(slots=True)
class Document:
    """One article as it flows through the pipeline.

    ``text`` is the article as stored: the headline on the first line, then
    the body. Every offset of every record indexes into it.
    """

    text: str
    content_hash: str
    title: str = ""
    published: str | None = None  # ISO date of publication, when known
    body_start: int = 0  # offset of the first character after the headline
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    speakers: dict[str, Speaker] = field(default_factory=dict)  # by id
    quotes: list[Quote] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)  # a transcript's turns, in order; empty for prose
    briefing: Briefing = field(default_factory=Briefing)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

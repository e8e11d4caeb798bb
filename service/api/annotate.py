"""An article's text as a tree of nested spans: every statement part, quote and figure, for the HTML page.

Records overlap freely (a quote inside a statement's content, a figure inside
a quote, a quote that runs past the content it belongs to), but HTML elements
must nest. The text is cut at every record boundary; each piece lies inside
a set of records, and walking the pieces keeps a stack of open elements: a
record that is still open but sits above one that ends is closed and opened
again after it, as one more fragment. So each element is a fragment of
exactly one record, carrying that record's kind, id and full ``start`` and
``end``; a record's fragments, in document order, spell ``text[start:end]``.
Outer records open first: on equal extents a statement's content holds its
quote, and a quote its figure.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# kind -> nesting rank on equal extents (outermost first)
KINDS = ("content", "quote", "mention", "cue", "figure")


@dataclass(frozen=True)
class Span:
    kind: str
    id: str
    start: int
    end: int
    note: str = ""  # the hover note: who said it, what it is

    @property
    def key(self) -> tuple:
        return (self.start, -self.end, KINDS.index(self.kind), self.id)


@dataclass
class Node:
    """Text (``span`` None) or one fragment of a span holding its children."""

    span: Span | None = None
    text: str = ""
    children: list[Node] = field(default_factory=list)


def spans_of(record: dict) -> list[Span]:
    """The spans of an expanded briefing record: its statements' parts, quotes and figures."""
    spans = []
    for st in record.get("statements", []):
        who = st["speaker"]["name"] if st["speaker"] else "unattributed"
        for kind, part in (("mention", "speaker_mention"), ("cue", "cue"), ("content", "content")):
            if st[part] is not None:
                note = f"{who}: {st['type']} statement, {kind}"
                spans.append(Span(kind, st["id"], st[part]["start"], st[part]["end"], note))
    for quote in record.get("quotes", []):
        who = quote["speaker"]["name"] if quote["speaker"] else "unattributed"
        spans.append(Span("quote", quote["id"], quote["start"], quote["end"], f"{who}: quote"))
    for figure in record.get("figures", []):
        value = "" if figure["value"] is None else f" = {figure['value']}{' ' + figure['unit'] if figure['unit'] else ''}"
        spans.append(Span("figure", figure["id"], figure["start"], figure["end"], f"{figure['kind']} figure{value}"))
    return spans


def annotate(text: str, spans: list[Span]) -> list[Node]:
    """``text`` as top-level nodes with every span (empty spans are left out: nothing to mark)."""
    spans = sorted((s for s in spans if 0 <= s.start < s.end <= len(text)), key=lambda s: s.key)
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    root = Node()
    stack: list[tuple[Span, Node]] = []
    waiting = 0  # spans[waiting:] have not started yet
    open_spans: list[Span] = []  # started and not ended, in nesting order
    for left, right in zip(cuts, cuts[1:]):
        open_spans = [s for s in open_spans if s.end > left]
        while waiting < len(spans) and spans[waiting].start == left:
            open_spans.append(spans[waiting])
            waiting += 1
        open_spans.sort(key=lambda s: s.key)
        keep = 0  # the open elements to keep: the longest prefix of the stack still in nesting order
        while keep < len(stack) and keep < len(open_spans) and stack[keep][0] == open_spans[keep]:
            keep += 1
        del stack[keep:]
        for span in open_spans[keep:]:
            parent = stack[-1][1] if stack else root
            node = Node(span)
            parent.children.append(node)
            stack.append((span, node))
        (stack[-1][1] if stack else root).children.append(Node(text=text[left:right]))
    return root.children

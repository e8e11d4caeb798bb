"""Nested spans from overlapping records: every record recoverable from its fragments."""
from service.api.annotate import Span, annotate


def flatten(nodes, open_=(), out=None):
    """``{span: text}`` joined over each span's fragments, and the plain text, from the node tree."""
    out = {} if out is None else out
    text = []
    for node in nodes:
        if node.span is None:
            text.append(node.text)
            for span in open_:
                out[span] = out.get(span, "") + node.text
        else:
            out.setdefault(node.span, "")
            text.append(flatten(node.children, (*open_, node.span), out)[1])
    return out, "".join(text)


TEXT = 'The minister said "we will send 40 trucks today" and left.'


def test_a_figure_inside_a_quote_inside_content_nests():
    content = Span("content", "st_1", 18, 48)
    quote = Span("quote", "qt_1", 19, 47)
    figure = Span("figure", "fg_1", 32, 41)
    nodes = annotate(TEXT, [figure, quote, content])
    spans, text = flatten(nodes)
    assert text == TEXT
    assert spans == {s: TEXT[s.start:s.end] for s in (content, quote, figure)}
    [outer] = [n for n in nodes if n.span]
    assert outer.span == content and outer.children[1].span == quote  # one element each: no fragments


def test_crossing_spans_are_cut_into_fragments_that_join_back():
    first = Span("content", "st_1", 4, 22)
    crossing = Span("quote", "qt_1", 13, 30)
    nodes = annotate(TEXT, [crossing, first])
    spans, text = flatten(nodes)
    assert text == TEXT and spans == {s: TEXT[s.start:s.end] for s in (first, crossing)}
    fragments = [n for n in nodes if n.span == crossing] + [
        c for n in nodes if n.span == first for c in n.children if c.span == crossing]
    assert len(fragments) == 2


def test_equal_extents_nest_content_then_quote_then_figure():
    nodes = annotate("40 trucks", [Span("figure", "f", 0, 9), Span("quote", "q", 0, 9), Span("content", "c", 0, 9)])
    assert [nodes[0].span.kind, nodes[0].children[0].span.kind, nodes[0].children[0].children[0].span.kind] == \
        ["content", "quote", "figure"]


def test_spans_outside_the_text_or_empty_are_left_out():
    nodes = annotate("short", [Span("quote", "q", 2, 2), Span("figure", "f", 3, 99)])
    assert [n.text for n in nodes] == ["short"]

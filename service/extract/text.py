"""Stage 1: cut the article into headline, paragraphs and sentences.

The text is never changed: every span is an exact slice of ``doc.text``, so
later stages can report offsets the reader can check. The headline is the
first line. Each following non-blank line is a paragraph (articles here put
one paragraph per line or per blank-line block); a line of dashes only
separates. Sentences end at ``.``, ``!`` or ``?`` (with any closing quote
marks or brackets) followed by a space and a capital, a digit or an opening
mark, except after an abbreviation ("U.S.", "Mr.", "Nov.") or an initial
("Antony J. Blinken"). Sentences never cross paragraphs; a quotation, though,
may run over several sentences, so stages that work on quotations look at
quote spans, not only at sentences.
"""
import re

from .records import Span

_LINE = re.compile(r"[^\n]+")
_SEPARATOR = re.compile(r"[-=_*\s]{3,}")
# A sentence end: terminal punctuation, closing marks, then space and a likely sentence opening.
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]{0,2}[A-Z0-9])")
# Abbreviations after which a period does not end a sentence (general English, lower-cased).
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev hon pres
supt insp det amb sec atty messrs mme mlle
jan feb mar apr jun jul aug sep sept oct nov dec
no nos vol pp op cf etc vs al approx est dept univ corp inc ltd co bros assn intl natl
u.s u.k u.n e.u u.s.a d.c a.m p.m i.e e.g
""".split())


def _abbreviation_before(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial, not a sentence."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot]
    if not word:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "J." (but "I." at a sentence end is rare)
        return True
    if word.lower() in ABBREVIATIONS:
        return True
    # dotted acronyms not listed: "U.S.A", "D.C"
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))


def sentences_in(text: str, start: int, end: int) -> list[Span]:
    """The sentences of ``text[start:end]`` as spans, whitespace trimmed."""
    out, begin = [], start
    for m in _END.finditer(text, start, end):
        dot = m.start()
        if text[dot] == "." and m.end() - dot == 1 and _abbreviation_before(text, dot):
            continue
        out.append(Span(begin, m.end(), text[begin:m.end()]))
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    tail_end = end
    while tail_end > begin and text[tail_end - 1].isspace():
        tail_end -= 1
    if tail_end > begin:
        out.append(Span(begin, tail_end, text[begin:tail_end]))
    return out


def split(doc):
    text = doc.text
    newline = text.find("\n")
    doc.title = text if newline < 0 else text[:newline]
    doc.body_start = len(text) if newline < 0 else newline + 1
    doc.paragraphs, doc.sentences = [], []
    for m in _LINE.finditer(text, doc.body_start):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end or _SEPARATOR.fullmatch(text, start, end):
            continue
        doc.paragraphs.append(Span(start, end, text[start:end]))
        doc.sentences.extend(sentences_in(text, start, end))
    return doc

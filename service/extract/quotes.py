"""Stage 2: pair quotation marks into quotes.

Each paragraph is scanned once, left to right, with a stack of open marks:
curly marks say which side they are on; a straight double mark closes an open
straight double mark and otherwise opens one; single marks (curly or straight)
are quote marks only where they cannot be apostrophes — an opening single mark
follows a space, a bracket, a dash or another opening mark and precedes a
letter, a closing one follows a word and precedes a non-letter, and only while
a single quotation is open ("Pakistan’s", "don't", "'90s" and "countries' "
with no open quotation stay apostrophes). Two single marks (``''``) are one
straight double mark, and two backquotes (````````) an opening one, as older
newswire texts write them. Only the outermost pairs become
quotes: a quotation inside a quotation belongs to it. A quotation left open at
the end of a paragraph runs to that end (``closed=False``), which is also how
a quotation continued over several paragraphs comes out: one quote per
paragraph. Some texts run a multi-paragraph quotation into one line with no
closing mark (``"First part. "Second part.``): an opening-looking mark (after
sentence-final punctuation and a space, before a word) while a double quotation
is open closes that one (``closed=False``) and opens the next.

Not every quoted passage reproduces someone's words. Titles of works, names
of laws and words used as words are dropped here: inline quotations written
in title case ("signed the “Clean Water Act”"), and quoted words introduced
as a term ("the word “pandemic”", "so-called", "nicknamed", "the “X” model",
"(the “Act”)"). Passages with no letters are not quotes either.
"""
import re

from . import ids
from .records import Quote

_MARKS = re.compile(r"''|``|[\"“”‘’']")
OPENING_MARKS = ("''", "``", '"', "“", "‘", "'")
CLOSING_MARKS = ("''", '"', "”", "’", "'")
_OPEN_CONTEXT = set(" \t([{—–-/“‘\"'") | {""}
# Words that may stay lower-case inside a title-cased name ("Pride and Prejudice", "Operation of the Year").
_TITLE_LINKS = frozenset("a an and the of for in on at to by with or nor but from".split())
_WORD = re.compile(r"[^\W\d_][\w’'.-]*")


def _is_opening_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if before not in _OPEN_CONTEXT or not (after.isalpha() or after in "“\"[…."):
        return False
    # "'90s", "’tis": an elision, not a quotation.
    return not re.match(r"['’](?:\d\ds?\b|tis\b|twas\b|em\b|cause\b)", text[i:i + 7])


def _is_closing_single(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return bool(before) and not before.isspace() and not after.isalpha()


def _reopens(text: str, opened: int, i: int, after: int) -> bool:
    """A double mark at ``i`` that opens a new quotation while one is open: sentence-final punctuation and a
    space before it, a capital (or another opening mark) right after it."""
    b = i
    while b > opened and text[b - 1] in " \t":
        b -= 1
    return b < i and b > opened and text[b - 1] in ".!?" and after < len(text) and (
        text[after].isupper() or text[after].isdigit() or text[after] in "‘'")


def mark_before(text: str, start: int) -> int:
    """Where the opening mark of a quotation whose words start at ``start`` begins (``start`` if none)."""
    for mark in OPENING_MARKS:
        if text.startswith(mark, max(0, start - len(mark))) and start >= len(mark):
            return start - len(mark)
    return start


def mark_after(text: str, end: int) -> int:
    """Where the closing mark of a quotation whose words end at ``end`` ends (``end`` if none)."""
    for mark in CLOSING_MARKS:
        if text.startswith(mark, end):
            return end + len(mark)
    return end


def looks_like_title(words: str) -> bool:
    """A quoted passage that reads as a name: every major word capitalised, no sentence punctuation."""
    words = words.rstrip(",.;:")
    tokens = _WORD.findall(words)
    if not tokens or len(tokens) > 16 or re.search(r"[,;:!?]", words):
        return False
    major = [t for t in tokens if t.lower() not in _TITLE_LINKS]
    return len(major) >= 2 and all(t[0].isupper() for t in major) and tokens[0][0].isupper()


def pairs_in(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Outermost quotations in ``text[start:end]``: (start, end, closed), offsets without the marks."""
    stack: list[tuple[str, int]] = []  # (kind, offset after the opening mark); kind: d (double) or s (single)
    straight = 0  # straight double marks open on the stack, so a closing one is found without a scan
    out = []

    def close(i: int) -> None:
        nonlocal straight
        kind, a = stack.pop()
        straight -= kind == 'd"'
        if not stack:
            out.append((a, i, True))

    for m in _MARKS.finditer(text, start, end):
        i, ch = m.start(), m.group()
        if ch in ("''", "``") and not (stack and stack[-1][0] == "s" and ch == "''" and _is_closing_single(text, i)):
            # "``…''" pairs like curly marks; "''…''" like straight ones
            ch = "“" if ch == "``" else "”" if not straight and stack and stack[-1][0] == "d“" else '"'
        elif len(ch) == 2:
            ch = "'"
        after = m.end()
        if ch in '"“' and stack and stack[0][0] in ("d“", 'd"') and _reopens(text, stack[0][1], i, after):
            # "First part. "Second part.": close the open quotation where its words end, open the next one
            b = i
            while b > stack[0][1] and text[b - 1].isspace():
                b -= 1
            out.append((stack[0][1], b, False))
            stack.clear()
            straight = 0
            if ch == '"':
                straight = 1
                stack.append(('d"', after))
            else:
                stack.append(("d“", after))
            continue
        if ch == "“":
            stack.append(("d“", after))
        elif ch == "”":
            while stack and stack[-1][0] not in ("d“", 'd"'):
                stack.pop()
            if stack:
                close(i)
        elif ch == '"':
            if straight:
                while stack[-1][0] != 'd"':
                    stack.pop()
                close(i)
            else:
                stack.append(('d"', after))
                straight += 1
        elif stack and stack[-1][0] == "s" and _is_closing_single(text, i) and ch in "’'":
            close(i)
        elif ch in "‘'" and _is_opening_single(text, i):
            stack.append(("s", i + 1))
    if stack:
        # the outermost open mark runs to the end of the paragraph
        a = stack[0][1]
        out.append((a, end, False))
    return out


# Words that introduce a name or a word used as a word, not someone's words ("the term “pandemic”").
_NAMING = re.compile(r"(?:\b(?:word|term|phrase|expression|slogan|hashtag|label|name|so-called|nicknamed|dubbed|"
                     r"named|titled|entitled|known\s+as|called\s+the|the)\s*)$", re.I)


_MODIFIED_NOUN = re.compile(r"\s+(?!(?:in|of|on|for|to|and|or|as|at|by|with|from|that|which|is|was|are|were|has|"
                            r"have|had|will|would)\b)[a-z]+\b")


def _words_as_words(text: str, a: int, b: int) -> bool:
    """A quoted name or term: introduced by "the word", "so-called", "nicknamed", or "the “…” model"."""
    before = text[max(0, a - 30):a - 1]
    if not _NAMING.search(before):
        return False
    if not re.search(r"\bthe\s*$", before, re.I):
        return True
    after = text[b + 1:b + 30]
    if after.startswith(")") or re.fullmatch(r"[A-Z][\w-]*", text[a:b]):
        return True  # "(the “Act”)", "the “Grayback”": a defined term or a name
    # "the “one country, two systems” model": the quotation modifies the noun after it
    return bool(_MODIFIED_NOUN.match(after)) and len(text[a:b].split()) <= 5


def _inline(text: str, a: int) -> bool:
    """The opening mark follows a word of the same paragraph (not a clause boundary)."""
    before = text[max(0, a - 40):a - 1]
    before = before[before.rfind("\n") + 1:].rstrip()
    return bool(before) and before[-1].isalnum()


def _partial(text: str, a: int, b: int) -> bool:
    """A few quoted words inside a sentence: inline, and not reading as a sentence of its own (a capital and
    five words or more: ``he replied "I am not able to do that"``)."""
    sentence_like = text[a].isupper() and len(text[a:b].split()) >= 5
    return _inline(text, a) and not sentence_like


def find_quotes(doc):
    text = doc.text
    doc.quotes = []
    for para in doc.paragraphs:
        for a, b, closed in pairs_in(text, para.start, para.end):
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a >= b or not any(c.isalnum() for c in text[a:b]):
                continue
            if not any(c.isalpha() for c in text[a:b]) or _inline(text, a) and (
                    looks_like_title(text[a:b]) or _words_as_words(text, a, b)):
                continue
            doc.quotes.append(Quote(
                id=ids.record_id("quote", doc.content_hash, a, b), start=a, end=b, text=text[a:b],
                partial=_partial(text, a, b), closed=closed))
    return doc

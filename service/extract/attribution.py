"""Stage 4: statements — who (the words naming the source), which cue, what content.

The unit of work is a sentence, widened so that a quotation never straddles
two units ("A. B," she said: one unit). Cues found outside quotations (see
``cues.py``) are tried left to right against ordered patterns, most precise
first:

1. ``quote-cue`` — a quotation right before the cue: ``"…," X said`` or
   ``"…," said X``; a quotation that resumes after the attribution
   (``"A," she said, "B."``) is a quote of the same statement.
2. ``cue-quote`` — ``X said: "…"``: the content is the quotation.
3. ``according-to`` — "According to X, …" and "…, according to X".
4. ``participle`` — "…, saying that …", "…, adding …": the source is the
   subject of the clause the participle hangs on.
5. ``content-cue`` — "…, the spokesperson said." with the content first.
6. ``cue-content`` — ``X said (that) …``, allowing up to about ten words
   ("during a weekly briefing", "in a statement on Friday") between the
   cue and "that".

Then quotations that nobody has claimed are settled: a paragraph that is only
a quotation, after a quoted speaker, continues that speaker (``continued``);
a few quoted words inside a statement's content belong to it.

The source is recorded as ``speaker_mention``, the words actually written
("She", "the spokesperson"); ``speakers.py`` resolves them to entities.
"""
import bisect
import re

from . import cues, ids
from .records import Span, Statement

# Words that may sit between a subject and its cue, or lead a clause, and are not the subject.
_PREPOSITIONS = frozenset("""
of in on at by for from to with about regarding over against between among during after before under
into upon through toward towards via per than like including
""".split())
_DETERMINERS = ("the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "some",
                "several", "many", "other", "two", "three", "both", "one", "another")
# Words that show a run of words is a clause or an adverbial, not a noun phrase naming a source.
_NOT_IN_SUBJECT = frozenset("""
is are was were be been being am has have had do does did and or as if it i we you there not no to when while
because although though since until what which who whom whose where how why worth also however
""".split())
_OPEN = "\"“‘'"
_CLOSE = "\"”’'"
_MAX_GAP_WORDS = 10


def _units(doc) -> list[Span]:
    """Sentences, merged where a quotation runs across a sentence end."""
    units: list[Span] = []
    for s in doc.sentences:
        if units and any(q.start < units[-1].end < q.end for q in doc.quotes) \
                and _same_paragraph(doc, units[-1].start, s.start):
            units[-1] = doc.span(units[-1].start, s.end)
        else:
            units.append(s)
    return units


def _same_paragraph(doc, a: int, b: int) -> bool:
    return "\n" not in doc.text[a:b]


def _trim(doc, a: int, b: int) -> tuple[int, int]:
    """Strip spaces, a leading "that"/":"/",", and the sentence's final punctuation from text[a:b]."""
    text = doc.text
    while a < b and (text[a].isspace() or text[a] in ",:;—–-"):
        a += 1
    m = re.match(r"that\s+", text[a:b])
    if m:
        a += m.end()
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:!?—–-"):
        b -= 1
    return a, b


class _Index:
    """Quotes and mentions sorted by start, to pick those of one sentence without scanning them all."""

    def __init__(self, doc):
        self.quotes = sorted(doc.quotes, key=lambda q: q.start)
        self.mentions = sorted(doc.mentions, key=lambda m: m.start)
        self.starts = {id(self.quotes): [q.start for q in self.quotes],
                       id(self.mentions): [m.start for m in self.mentions]}

    def within(self, items: list, start: int, end: int) -> list:
        starts = self.starts[id(items)]
        return items[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end + 1)]


class _Sentence:
    """One unit with its quotes, mentions and the statements found so far."""

    def __init__(self, doc, unit: Span, index: "_Index"):
        self.doc, self.unit = doc, unit
        self.quotes = [q for q in index.within(index.quotes, unit.start, unit.end) if q.end <= unit.end + 1]
        self.mentions = [m for m in index.within(index.mentions, unit.start, unit.end) if m.end <= unit.end]
        self.found: list[Statement] = []
        self.pending: tuple[Span, Span] | None = None  # a cue with a source but no content yet, and its source

    def quoted(self, pos: int) -> bool:
        return any(q.start - 1 <= pos < q.end + 1 for q in self.quotes)

    def mark_start(self, q) -> int:
        return q.start - 1 if q.start > 0 and self.doc.text[q.start - 1] in _OPEN else q.start

    def mark_end(self, q) -> int:
        return q.end + 1 if q.closed and q.end < len(self.doc.text) and self.doc.text[q.end] in _CLOSE else q.end


def _mention_ending_at(sent: _Sentence, end: int):
    for m in reversed(sent.mentions):
        if m.end == end:
            return m
    return None


def _strip_trailing(text: str, lo: int, hi: int) -> int:
    """Move hi back over spaces, auxiliaries and adverbs that stand between a subject and its cue."""
    while True:
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        m = re.search(r"(?:^|\s)(\w+)$", text[lo:hi])
        if m and m.group(1).lower() in cues.AUX_WORDS | {"not", "never", "also", "further"}:
            hi = lo + m.start(1)
            continue
        return hi


def subject_before(sent: _Sentence, lo: int, hi: int) -> Span | None:
    """The words naming the source that end just before a cue at ``hi`` (searching no further back than ``lo``).

    Parentheticals set off by commas are skipped when they are not names ("Robert Wood, deputy ambassador to
    the United Nations, said"; "X, during a weekly briefing, stated").
    """
    text, doc = sent.doc.text, sent.doc
    hi = _strip_trailing(text, lo, hi)
    for _ in range(3):
        if hi > lo and text[hi - 1] == ",":
            inner_end = hi - 1
            comma = text.rfind(",", lo, inner_end)
            seg_start = comma + 1 if comma >= 0 else lo
            segment = text[seg_start:inner_end].strip()
            if comma < 0 or not segment:
                return None
            first = segment.split()[0]
            before_comma = _strip_trailing(text, lo, comma)
            named_before = _mention_ending_at(sent, before_comma)
            if first[0].islower() or first.lower() in _PREPOSITIONS or first.lower() in ("who", "which") or (
                    named_before is not None and named_before.kind == "name"
                    and not _mention_ending_at(sent, seg_start + len(text[seg_start:inner_end].rstrip()))):
                # an adjunct ("during a weekly briefing") or an appositive after a name ("Republican from Texas")
                hi = before_comma
                continue
            hi = _strip_trailing(text, lo, inner_end)
        break
    if hi > lo and text[hi - 1] == "]":  # an editorial insertion names the source: "[Secretary Blinken] said"
        opening = text.rfind("[", max(lo, hi - 80), hi)
        if opening >= 0:
            return doc.span(opening, hi)
    m = _mention_ending_at(sent, hi)
    if m is not None:
        # a name right after a role set off by a comma belongs with it ("Foreign Office spokesperson, Baloch")
        before = text[lo:m.start].split()
        if m.kind == "pronoun" or not before or before[-1].lower() not in _PREPOSITIONS:
            if m.kind == "group":  # "law enforcement leaders": the whole phrase
                np = _noun_phrase_before(sent, lo, hi)
                if np is not None and np.start < m.start:
                    return np
            return doc.span(m.start, m.end)
    # "Hong Kong director of Amnesty International Man-kei Tam", "a statement from the State Department"
    return _noun_phrase_before(sent, lo, hi)


def _noun_phrase_before(sent: _Sentence, lo: int, hi: int) -> Span | None:
    """A short noun phrase ending at ``hi`` that opens its clause ("The resolution", "a Pakistani statement")."""
    text = sent.doc.text
    seg = text[lo:hi]
    cut = max(seg.rfind(","), seg.rfind(";"), seg.rfind(":"), seg.rfind("\""), seg.rfind("”"),
              seg.rfind(" that "), seg.rfind(" and "), seg.rfind(" but "))
    start = lo + cut + 1 if cut >= 0 else lo
    for word in (" that ", " and ", " but "):
        if cut >= 0 and seg[cut:cut + len(word)] == word:
            start = lo + cut + len(word)
    a, b = start, hi
    while a < b and text[a].isspace():
        a += 1
    words = text[a:b].split()
    if not words or len(words) > 8:
        return None
    first = words[0]
    if not (first[0].isupper() or first.lower() in _DETERMINERS):
        return None
    if any(w.lower().strip(",") in _NOT_IN_SUBJECT for w in words):
        return None
    if any(w.lower() in _PREPOSITIONS for w in words[:1]):
        return None
    # the head of the phrase is its last word: it must be a noun-like word, not a verb or an adverb
    last = words[-1].lower()
    if last.endswith(("ed", "ing")) and not words[-1][0].isupper():
        return None
    return sent.doc.span(a, b)


def subject_after(sent: _Sentence, pos: int) -> Span | None:
    """The source named right after a cue ("said Robert Wood", "according to The Guardian")."""
    text, end = sent.doc.text, sent.unit.end
    a = pos
    while a < end and text[a].isspace():
        a += 1
    for i, m in enumerate(sent.mentions):
        if m.start == a:
            b = m.end
            # "Saudi Arabia's Civil Defense Authority": the possessor is only the affiliation
            nxt = sent.mentions[i + 1] if i + 1 < len(sent.mentions) else None
            if nxt is not None and re.fullmatch(r"['’]s\s+", text[b:nxt.start]):
                b = nxt.end
            return sent.doc.span(a, b)
    m = re.match(r"[^,;:.!?\"“”]{1,120}", text[a:end])
    if not m:
        return None
    words = m.group().split()
    if not words or len(words) > 12:
        return None
    b = a + m.end()
    while b > a and text[b - 1].isspace():
        b -= 1
    return sent.doc.span(a, b)


def _content_type(sent: _Sentence, a: int, b: int) -> tuple[str, list]:
    inside = [q for q in sent.quotes if a <= sent.mark_start(q) and sent.mark_end(q) <= b + 1 and q.start < b]
    if not inside:
        return "indirect", []
    if len(inside) == 1 and sent.mark_start(inside[0]) == a and sent.mark_end(inside[0]) >= b:
        return "direct", inside
    return "mixed", inside


def _statement(sent, cue: Span | None, content: tuple[int, int], mention: Span | None, rule: str,
               confidence: float, quotes=None) -> Statement | None:
    doc = sent.doc
    a, b = content
    if b <= a or len(doc.text[a:b].split()) < 3 and not quotes and not any(
            q.start >= a and q.end <= b for q in sent.quotes):
        return None
    kind, inside = _content_type(sent, a, b)
    if quotes is not None:
        inside, kind = quotes, "direct"
    st = Statement(id=ids.record_id("statement", doc.content_hash, a, b), content=doc.span(a, b), type=kind,
                   cue=cue, speaker_mention=mention, quote_ids=[q.id for q in inside], confidence=confidence,
                   rule=rule)
    for q in inside:
        q.statement_id = st.id
    sent.found.append(st)
    return st


# A later cue that starts a new statement: after a comma ("…, adding that"), after "and" with the same subject
# ("… and warned that"), or with its own short subject after a conjunction ("…, but he replied").
_NEXT_VERB = re.compile(r"(?:,|\s+and|,\s+and)\s*$")
_NEXT_CLAUSE = re.compile(r"(?:,|;)?\s+(?:but|and|while|whereas|although|as)\s+(?:[\w'’.-]+\s+){0,5}$")


def _content_end(sent: _Sentence, start: int, stop_at: list) -> int:
    """Where a reported clause that starts at ``start`` ends: the unit's end, a ";", or the start of the next
    statement in the same sentence."""
    text = sent.doc.text
    end = sent.unit.end
    for c in stop_at:
        if c.start() <= start or c.lastgroup == "according" or sent.quoted(c.start()):
            continue
        lead = text[start:c.start()]
        m = _NEXT_VERB.search(lead) or _NEXT_CLAUSE.search(lead)
        if m:
            end = min(end, start + m.start())
            break
    semi = text.find(";", start, end)
    if semi >= 0 and not sent.quoted(semi):
        end = semi
    return end


def _quote_after(sent: _Sentence, pos: int, gap: str = r"\s*[:,]?\s*"):
    """The first quotation after ``pos`` whose opening mark is reached through text matching ``gap``."""
    for q in sent.quotes:
        if q.start > pos and re.fullmatch(gap, sent.doc.text[pos:sent.mark_start(q)]):
            return q
    return None


# Between a cue and the quotation it introduces: a few words of setting, then ":" or "," ("wrote on Twitter, ").
_INTRO_GAP = r"(?:\s+(?!that\b)[^\"“”.;:,]{1,60})?\s*[:,]\s*|\s+"


def _rule_quote_cue(sent, c, cue, clause_start, claimed):
    """``"…," X said`` and ``"…," said X``."""
    text = sent.doc.text
    if c.lastgroup not in ("say", "tell", "read"):
        return None
    prev = [q for q in sent.quotes if sent.mark_end(q) <= c.start() and q.closed and q.id not in claimed
            and q.start >= clause_start - 1 and not q.partial]
    if not prev:
        return None
    q = prev[-1]
    gap = text[sent.mark_end(q):c.start()]
    if re.fullmatch(r"\s*[,.!?—–-]?\s*", gap):
        mention = subject_after(sent, c.end()) if c.lastgroup != "tell" else None
        return _attribution_of_quote(sent, q, cue, mention, "quote-cue said-X", claimed)
    if re.fullmatch(r"\s*[,.!?—–-]?\s*[^;:\"“”]{1,120}", gap) and len(gap.split()) <= 2 * _MAX_GAP_WORDS:
        mention = subject_before(sent, sent.mark_end(q), c.start())
        return _attribution_of_quote(sent, q, cue, mention, "quote-cue X-said", claimed)
    return None


def _rule_cue_quote(sent, c, cue, clause_start, claimed):
    """``X said: "…"``, ``X wrote on Twitter, "…"``: the content is the quotation."""
    if c.lastgroup not in ("say", "tell", "issued"):
        return None
    q = _quote_after(sent, c.end(), _INTRO_GAP)
    if q is None or q.id in claimed or q.partial:
        return None
    mention = subject_before(sent, clause_start, c.start())
    if mention is None:
        return None
    st = _statement(sent, cue, (sent.mark_start(q), sent.mark_end(q)), mention, "cue-quote", 0.9, [q])
    claimed.add(q.id)
    return st


def _rule_according(sent, c, cue, clause_start, claimed, later):
    """"According to X, …" and "…, according to X"."""
    if c.lastgroup != "according":
        return None
    doc, text = sent.doc, sent.doc.text
    mention = subject_after(sent, c.end())
    if mention is None:
        return None
    if not text[clause_start:c.start()].strip(" ,\"“"):
        a, b = _trim(doc, mention.end, _content_end(sent, mention.end, later))
    else:
        a, b = _trim(doc, clause_start, c.start())
    return _statement(sent, cue, (a, b), mention, "according-to", 0.85)


def _rule_participle(sent, c, cue, clause_start, claimed, later):
    """"…, saying that …" and "… and warned that …": the source is the subject of the clause the participle
    or the second verb hangs on."""
    text = sent.doc.text
    lead = text[sent.unit.start:c.start()]
    if cues.is_participle(c.group()):
        if not sent.found and not re.search(r",\s*$", lead) and c.lastgroup != "say":
            return None
    elif not (sent.found and _NEXT_VERB.search(lead) and sent.found[-1].content.end <= c.start()):
        return None  # "…, and warned that": a second verb of the same subject
    mention = sent.found[-1].speaker_mention if sent.found else _clause_subject(sent)
    q = _quote_after(sent, c.end(), _INTRO_GAP)
    if q is not None and q.id not in claimed and not q.partial:
        st = _statement(sent, cue, (sent.mark_start(q), sent.mark_end(q)), mention, "participle", 0.75, [q])
        claimed.add(q.id)
        return st
    a, b = _trim(sent.doc, c.end(), _content_end(sent, c.end(), later))
    return _statement(sent, cue, (a, b), mention, "participle", 0.75) if mention else None


def _rule_cue_content(sent, c, cue, clause_start, claimed, later):
    """``X said (that) …``, with up to about ten words between the cue and "that"."""
    doc, text = sent.doc, sent.doc.text
    mention = subject_before(sent, clause_start, c.start())
    if mention is None:
        return None
    start = c.end()
    that = re.match(r"(?:[^,.;:\"“”]*?\s)?that\s", text[start:sent.unit.end])
    if that and len(text[start:start + that.end()].split()) <= _MAX_GAP_WORDS + 1:
        start += that.end()
    elif re.match(r"\s*(?:by|to|with|from|at|of|in|on|as|about|out|against|into|after|before|during|over)\b",
                  text[start:start + 12]) and c.lastgroup != "tell":
        return None  # "written by", "spoke with", "mentioned in": no reported content
    a, b = _trim(doc, start, _content_end(sent, start, later))
    confidence = 0.6 if cues.is_topic(c.group()) else 0.8
    return _statement(sent, cue, (a, b), mention, "cue-content", confidence)


def _rule_content_cue(sent, c, cue, clause_start, claimed, later):
    """"…, the spokesperson said." and "…, said the spokesperson.": the content comes first."""
    doc, text = sent.doc, sent.doc.text
    if c.lastgroup not in ("say", "tell"):
        return None
    tail = text[c.end():_content_end(sent, c.end(), later)]
    if len(tail.split()) > 8 or re.search(r"\bthat\b", tail) or any(q.start > c.end() for q in sent.quotes):
        return None
    comma = text.rfind(",", clause_start, c.start())
    if comma <= clause_start or sent.quoted(comma):
        return None
    between = text[comma + 1:c.start()]
    if not between.strip():
        mention = subject_after(sent, c.end())
        if mention is None or len(text[mention.end:sent.unit.end].split()) > 5 or not _is_mention(sent, mention):
            return None
    elif len(between.split()) <= 8:
        mention = subject_before(sent, comma + 1, c.start())
    else:
        return None
    a, b = _trim(doc, clause_start, comma)
    if mention is None or len(text[a:b].split()) < 3:
        return None
    return _statement(sent, cue, (a, b), mention, "content-cue", 0.8)


def _is_mention(sent, span) -> bool:
    return any(m.start >= span.start and m.end <= span.end for m in sent.mentions)


_RULES = (_rule_quote_cue, _rule_cue_quote)
_CLAUSE_RULES = (_rule_according, _rule_participle, _rule_cue_content, _rule_content_cue)


def _attribute_sentence(sent: _Sentence, claimed: set):
    doc, text = sent.doc, sent.doc.text
    found = [c for c in cues.find(text, sent.unit.start, sent.unit.end) if not sent.quoted(c.start())]
    clause_start = sent.unit.start
    for i, c in enumerate(found):
        if c.start() < clause_start:
            continue
        cue = doc.span(c.start(), c.end())
        st = None
        for rule in _RULES:
            st = rule(sent, c, cue, clause_start, claimed)
            if st:
                break
        else:
            for rule in _CLAUSE_RULES:
                st = rule(sent, c, cue, clause_start, claimed, found[i + 1:])
                if st:
                    break
        if st:
            mention = st.speaker_mention
            clause_start = max(st.content.end, c.end(), mention.end if mention else 0)
            sent.pending = None
        elif c.lastgroup in ("say", "tell", "issued"):
            mention = subject_before(sent, clause_start, c.start())
            if mention is not None:
                sent.pending = (cue, mention)


def _cue_then_quote(previous: _Sentence, sent: _Sentence, claimed: set):
    """``X issued a statement. "…"`` / ``X tweeted:¶"…"`` — a sentence that opens with a quotation takes the
    source of a cue in the sentence before that found no content of its own."""
    if previous is None or previous.pending is None or not sent.quotes:
        return
    q = sent.quotes[0]
    if q.id in claimed or q.partial or sent.mark_start(q) != sent.unit.start:
        return
    if sent.doc.text[previous.unit.end:sent.unit.start].count("\n") > 2:
        return
    cue, mention = previous.pending
    _statement(sent, cue, (sent.mark_start(q), sent.mark_end(q)), mention, "cue-then-quote", 0.8, [q])
    claimed.add(q.id)


def quote_sources(doc) -> dict:
    """For each quotation no statement claims, the words naming whoever its sentence makes the source: the
    subject of the clause that holds it ("Khosla talked of Munk's “countless discoveries”"), by quote id."""
    index, out = _Index(doc), {}
    starts = [s.start for s in doc.sentences]
    for q in doc.quotes:
        if q.statement_id is None and doc.sentences:
            unit = doc.sentences[max(0, bisect.bisect_right(starts, q.start - 1) - 1)]
            source = _clause_subject(_Sentence(doc, unit, index), q.start)
            if source is not None:
                out[q.id] = source
    return out


def _clause_subject(sent: _Sentence, before_pos: int | None = None) -> Span | None:
    """The subject of the unit's main clause: its first mention not governed by a preposition (and, when
    ``before_pos`` is given, before it and outside quotations)."""
    text = sent.doc.text
    for m in sent.mentions:
        if before_pos is not None and m.start >= before_pos:
            break
        if before_pos is not None and sent.quoted(m.start):
            continue
        before = text[sent.unit.start:m.start].split()
        if before and before[-1].lower() in _PREPOSITIONS or text[m.end:m.end + 2] in ("'s", "’s"):
            continue
        return sent.doc.span(m.start, m.end)
    return None


def _attribution_of_quote(sent, q, cue, mention, rule, claimed) -> Statement | None:
    """``"A," X said`` — and ``"A," X said, "B."``: one statement (A), B a quote of the same speaker."""
    if mention is None:
        return None
    st = _statement(sent, cue, (sent.mark_start(q), sent.mark_end(q)), mention, rule, 0.95, [q])
    if st is None:
        return None
    claimed.add(q.id)
    after = max(cue.end, mention.end)
    nxt = _quote_after(sent, after, r"(?:\s+[^\"“”,.;:]{0,60})?\s*[,:]\s*")
    if nxt is not None and nxt.id not in claimed:
        nxt.statement_id = st.id
        claimed.add(nxt.id)
    return st


def _continued_quotations(doc, claimed: set):
    """A quotation that nobody claimed and that opens its sentence, in the same paragraph as the latest
    statement or the next one, continues that statement's source (cue null; the speaker is inherited)."""
    statements = sorted(doc.statements, key=lambda st: st.content.start)
    openings = {s.start for s in doc.sentences}
    for q in doc.quotes:
        if q.id in claimed or q.partial or q.start - 1 not in openings:
            continue
        before = [st for st in statements if st.content.end <= q.start]
        if not before:
            continue
        last = before[-1]
        if sum(last.content.end < p.start < q.start for p in doc.paragraphs) > 1:
            continue
        end = q.end + 1 if q.closed else q.end
        st = Statement(id=ids.record_id("statement", doc.content_hash, q.start - 1, end),
                       content=doc.span(q.start - 1, end), type="direct", cue=None, speaker_mention=None,
                       quote_ids=[q.id], confidence=0.5, rule="continued")
        q.statement_id = st.id
        claimed.add(q.id)
        statements.insert(len(before), st)
        doc.statements.append(st)


def attribute(doc):
    doc.statements = []
    claimed: set = set()
    previous = None
    index = _Index(doc)
    for unit in _units(doc):
        sent = _Sentence(doc, unit, index)
        _cue_then_quote(previous, sent, claimed)
        _attribute_sentence(sent, claimed)
        previous = sent
        doc.statements.extend(sent.found)
        for st in sent.found:
            claimed.update(st.quote_ids)
    _continued_quotations(doc, claimed)
    doc.statements.sort(key=lambda s: (s.content.start, s.content.end))
    return doc

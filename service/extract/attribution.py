"""Stage 4: statements — who (the words naming the source), which cue, what content.

The unit of work is a sentence, widened so that a quotation never straddles
two units ("A. B," she said: one unit). Cues found outside quotations (see
``cues.py``) are tried left to right against ordered patterns, most precise
first:

1. ``quote-cue`` — a quotation right before the cue: ``"…," X said`` or
   ``"…," said X``; a quotation that resumes after the attribution
   (``"A," she said, "B."``) is a quote of the same statement.
2. ``cue-quote`` — ``X said: "…"``, ``X wrote on Twitter, "…"``: the content
   is the quotation.
3. ``according-to`` — "According to X, …", "…, according to X" and "A,
   according to X, B".
4. ``as-cue`` — "As X has made clear, …", "As announced by X, …".
5. ``participle`` — "…, saying that …", "… and warned that …": the source is
   the subject of the clause the participle or second verb hangs on.
6. ``cue-content`` — ``X said (that) …``, allowing up to about ten words
   ("during a weekly briefing", "in a statement on Friday") between the
   cue and "that"; verbs that mostly take a noun phrase ("stressed the
   importance of") need a clause (``cues.reports_a_clause``), since content
   that is only a noun phrase is never more than optional.
7. ``content-cue`` — "…, the spokesperson said." with the content first, and
   ``aside`` — "a step whose timing, Reuters noted, raised questions".

A reported clause ends at the sentence end, a ";" or ": ", a trailing
participial or concessive phrase, the end of a subordinate clause, or where
the next statement of the sentence starts. A cue that finds a source but no
content hands it to a quotation opening the next sentence (``cue-then-quote``).
Then quotations that nobody has claimed are settled: one that opens its
sentence after a quoted speaker continues that speaker (``continued``).
``quote_sources`` tells ``speakers.py`` where the source of any quotation
still unclaimed is to be found (a legal citation after it, the statement of
its sentence, the agent of a naming verb, the subject of the cue before it,
the agent of a passive, the subject of its clause), and where a claimed
partial quotation has a source of its own ("According to X, quoting Y, …").

Every scan is bounded to a few words around its anchor, so a long or hostile
sentence costs linear time.

The source is recorded as ``speaker_mention``, the words actually written
("She", "the spokesperson"); ``speakers.py`` resolves them to entities.
"""
import bisect
import re

from . import cues, dates, ids, numbers
from .quotes import mark_after, mark_before
from .mentions import ORG_HEADS, PRONOUNS, ROLE_HEADS, describe
from .records import Span, Statement

# A name right after one of these is governed by it, not the subject of a clause (shared with speakers.py).
PREPOSITIONS = frozenset("""
of in on at by for from to with about regarding over against between among during under
into upon through toward towards via per including
""".split())
_DETERMINERS = ("the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "some",
                "several", "many", "other", "two", "three", "both", "one", "another")
# Words that show a run of words is a clause or an adverbial, not a noun phrase naming a source.
_NOT_IN_SUBJECT = frozenset("""
is are was were be been being am has have had do does did and or as if it i we you there not no to when while
because although though since until what which who whom whose where how why worth also however
after before despite following they he she you today yesterday therefore thus moreover furthermore
""".split())
_NAME_PARTICLES = frozenset("of the de da del di van von der den bin ibn al el la le du y".split())
_MAX_GAP_WORDS = 10
_MAX_CUES = 40
_ISSUED_RELEASE = re.compile(r"\b(?:released|issued|published|sent|posted|put\s+out)\s+"
                             r"(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+)?(?:" + "|".join(cues.RELEASES) + r")$")
# Words that open the few words allowed between a cue and "that" ("said in a statement on Friday that");
# anything else there makes "that" a relative pronoun ("ordered the aid that had been").
_GAP_OPENERS = PREPOSITIONS | frozenset("""
last this next yesterday today tonight earlier later again also repeatedly publicly previously once separately
privately recently then further both
""".split())
_THAT = re.compile(r"that\s+")
_WHEN_BEHIND = re.compile(rf"\s(?:on\s+(?:{dates.WEEKDAY_NAMES})|yesterday|today|"
                          r"last\s+(?:week|month|year|night)|earlier\s+this\s+(?:week|month|year))$")
_DATELINE = re.compile(r"\s+[–—-]\s")
_LAST_WORD = re.compile(r"(?:^|\s)(\w+)$")
# A share of people as a subject: "46 percent of voters", "about 4 in 10", "nearly half of those polled", "most".
_SHARE = (rf"(?:{numbers.DIGITS})\s*(?:%|percent|per\s+cent)|(?:{numbers.DIGITS}|{numbers.CARDINAL_WORD})"
          rf"(?:\s+(?:in|out\s+of)\s+(?:{numbers.DIGITS}|{numbers.CARDINAL_WORD}))?|[Hh]alf|[Mm]ost|[Mm]any|[Ff]ew"
          r"|[Aa]\s+(?:majority|minority|third|quarter|fifth)|[Tt]he\s+majority|[Tt]wo-thirds|[Tt]hree-quarters")
_SHARE_SUBJECT = re.compile(
    rf"(?:\b(?:[Aa]bout|[Aa]round|[Nn]early|[Aa]lmost|[Ss]ome|[Jj]ust|[Oo]nly|[Rr]oughly|[Oo]ver|[Aa]t\s+least|"
    rf"[Mm]ore\s+than|[Ff]ewer\s+than|[Ll]ess\s+than)\s+)?(?<![\w.,])(?:{_SHARE})"
    r"(?:\s+of\s+(?:the\s+|those\s+|these\s+|all\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?"
    r"(?:\s+(?:polled|surveyed|asked|interviewed|questioned))?$")
_RELATIVE_WHO = re.compile(r",\s*who\s+(?:\w+\s+)?$")
# A time or setting between a cue and a that-less clause: "said on Friday he met", "said in a statement the …".
_ADJUNCT_THEN_CLAUSE = re.compile(
    rf"\s+(?:on\s+(?:{dates.WEEKDAY_NAMES})|yesterday|today|last\s+(?:week|month|year|night)"
    rf"|in\s+an?\s+(?:interview|statement)(?:\s+on\s+(?:{dates.WEEKDAY_NAMES}))?)"
    r",?\s+(?=(?:he|she|they|it|we|I|the|a|an|his|her|their|its|[A-Z][a-z]+)\s)")
_TRANSPARENT = cues.AUX_WORDS | {"not", "never", "also", "further"}
# After a cue, a preposition shows there is no reported content ("written by", "spoke with", "regarding").
_NO_CONTENT = re.compile(r"\s*(?:by|to(?!\s+\w+ing\b)|with|from|at|of|in|on|as|about|out|against|into|after|"
                         r"before|during|over|regarding|concerning)\b")


def _units(doc) -> list[Span]:
    """Sentences, merged where a quotation runs across a sentence end."""
    units: list[Span] = []
    inside = bytearray(len(doc.text) + 1)  # 1 strictly inside a quotation
    for q in doc.quotes:
        inside[q.start + 1:q.end] = b"\x01" * max(0, q.end - q.start - 1)
    for s in doc.sentences:
        if units and inside[units[-1].end] and _same_paragraph(doc, units[-1].start, s.start):
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
    m = _THAT.match(text, a, b)
    if m:
        a = m.end()
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".,;:!?—–-"):
        b -= 1
    return a, b


class _Index:
    """What the sentences of one document share: quotes and mentions sorted by start (to pick those of one
    sentence without scanning them all), where the quotations are, and the statement ids given so far."""

    def __init__(self, doc):
        self.quotes = sorted(doc.quotes, key=lambda q: q.start)
        self.mentions = sorted(doc.mentions, key=lambda m: m.start)
        self.starts = {id(self.quotes): [q.start for q in self.quotes],
                       id(self.mentions): [m.start for m in self.mentions]}
        self.statement_ids: set[str] = set()  # ids are primary keys: one statement per content span
        self.quoted = bytearray(len(doc.text) + 2)  # 1 from a quotation's opening mark to its closing one
        for q in doc.quotes:
            a, b = mark_before(doc.text, q.start), max(q.end + 1, mark_after(doc.text, q.end))
            self.quoted[a:b] = b"\x01" * (b - a)

    def within(self, items: list, start: int, end: int) -> list:
        starts = self.starts[id(items)]
        return items[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end + 1)]


class _Sentence:
    """One unit with its quotes, mentions and the statements found so far."""

    def __init__(self, doc, unit: Span, index: "_Index"):
        self.doc, self.unit, self.index = doc, unit, index
        self.quotes = [q for q in index.within(index.quotes, unit.start, unit.end) if q.end <= unit.end + 1]
        self.mentions = [m for m in index.within(index.mentions, unit.start, unit.end) if m.end <= unit.end]
        self.found: list[Statement] = []
        self.pending: tuple[Span, Span] | None = None  # a cue with a source but no content yet, and its source
        self.subject: Span | None = None  # the source of the latest cue, even one that made no statement
        self.cues: list[re.Match] = []
        self.ends: dict | None = None  # mentions by end offset, built when first needed
        self.quote_starts = [q.start for q in self.quotes]
        self._stops: list[int] | None = None

    def stops(self) -> list[int]:
        """Offsets where a reported clause stops (outside quotations), found once per sentence."""
        if self._stops is None:
            self._stops = [m.start() for m in _CLAUSE_STOP.finditer(self.doc.text, self.unit.start, self.unit.end)
                           if not self.quoted(m.start())]
        return self._stops

    def quoted(self, pos: int) -> bool:
        return bool(self.index.quoted[pos])

    def mark_start(self, q) -> int:
        return mark_before(self.doc.text, q.start)

    def mark_end(self, q) -> int:
        return mark_after(self.doc.text, q.end) if q.closed else q.end


def _mention_ending_at(sent: _Sentence, end: int):
    if sent.ends is None:
        sent.ends = {m.end: m for m in sent.mentions}
    return sent.ends.get(end)


def _strip_trailing(text: str, lo: int, hi: int) -> int:
    """Move hi back over spaces, auxiliaries and adverbs that stand between a subject and its cue."""
    while True:
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        window = max(lo, hi - 40)  # only the last word matters: never scan the whole sentence
        m = _LAST_WORD.search(text, window, hi)
        if m and m.group(1).lower() in _TRANSPARENT:
            hi = m.start(1)
            continue
        when = _WHEN_BEHIND.search(text, window, hi)
        if when:  # "The Ministry on Thursday rejected": the time belongs to the verb
            hi = when.start()
            continue
        if hi > lo and text[hi - 1] == ")" and text.rfind("(", max(lo, hi - 40), hi) >= 0:
            hi = text.rfind("(", max(lo, hi - 40), hi)  # "the Agency (IAEA) said": the name before it
            continue
        if m and m.group(1) in ("who", "which"):  # "Jane Doe, who denounced": the name before
            hi = m.start(1)
            while hi > lo and (text[hi - 1].isspace() or text[hi - 1] == ","):
                hi -= 1
            continue
        return hi


def subject_before(sent: _Sentence, lo: int, hi: int) -> Span | None:
    """The words naming the source that end just before a cue at ``hi`` (searching no further back than ``lo``).

    Parentheticals set off by commas are skipped when they are not names ("Robert Wood, deputy ambassador to
    the United Nations, said"; "X, during a weekly briefing, stated").
    """
    text, doc = sent.doc.text, sent.doc
    relative = _RELATIVE_WHO.search(text, max(lo, hi - 30), hi) is not None  # "help from Ann Hall, who said"
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
            if first[0].islower() or first[0].isdigit() or first.lower() in PREPOSITIONS or first.lower() in ("who", "which") or (
                    named_before is not None and named_before.kind == "name"
                    and any(w[0].islower() and w not in _NAME_PARTICLES for w in segment.split())):
                # an adjunct ("during a weekly briefing") or an appositive after a name ("Republican from Texas")
                hi = before_comma
                earlier = text.rfind(",", lo, hi)
                if earlier >= 0 and text[earlier + 1:hi].strip()[:1].isdigit():
                    hi = _strip_trailing(text, lo, earlier)  # "Ann Hall, 42, a retired nurse, said": the age too
                continue
            hi = _strip_trailing(text, lo, inner_end)
        break
    issued = _ISSUED_RELEASE.search(text, max(lo, hi - 80), hi)
    if issued:  # "They released a statement which said": whoever released it
        return subject_before(sent, lo, issued.start())
    if hi > lo and text[hi - 1] == "]":  # an editorial insertion names the source: "[Secretary Blinken] said"
        opening = text.rfind("[", max(lo, hi - 80), hi)
        if opening >= 0:
            return doc.span(opening, hi)
    m = _mention_ending_at(sent, hi)
    if m is not None:
        # a name right after a role set off by a comma belongs with it ("Foreign Office spokesperson, Baloch")
        before = text[max(lo, m.start - 30):m.start].split()
        if m.kind == "pronoun" or not before or before[-1].lower() not in PREPOSITIONS or relative:
            if m.kind == "group":  # "law enforcement leaders", "Legal and religious groups": the whole phrase
                np = _noun_phrase_before(sent, lo, hi)
                if np is not None and np.start < m.start:
                    return np
                return doc.span(_modifiers_before(text, max(lo, m.start - 60), m.start), m.end)
            return doc.span(m.start, m.end)
    # "Paris director of Oxfam International Lea Martin", "a statement from the State Department"
    np = _noun_phrase_before(sent, lo, hi)
    return _named_before_apposition(sent, lo, np) or np or _share_before(sent, lo, hi)


def _share_before(sent: _Sentence, lo: int, hi: int) -> Span | None:
    """"46 percent of voters said", "About 4 in 10 say", "most of them said": a share of people as the subject
    (not one governed by a preposition: "in 2015 said")."""
    text = sent.doc.text
    window = max(lo, hi - 80)
    m = _SHARE_SUBJECT.search(text, window, hi)
    if m is None or m.start() == window and window > lo:
        return None
    before = text[max(lo, m.start() - 30):m.start()].split()
    if before and (before[-1].lower() in PREPOSITIONS or before[-1].lower() in _DETERMINERS):
        return None
    if not re.search(r"%|\bper\s*cent|\b(?:in|out\s+of|of)\s", m.group()):
        return None  # a bare number or "most": the cue is more likely a noun ("five states", "most recently")
    return sent.doc.span(m.start(), m.end())


def _named_before_apposition(sent: _Sentence, lo: int, np: Span | None) -> Span | None:
    """"Ann Hall, Lady Reed, the President of the court decided": the person the role after the commas is in
    apposition to (the first of a chain of names), else None."""
    if np is None or not any(w.lower() in ROLE_HEADS for w in np.text.split()):
        return None
    text, named, pos = sent.doc.text, None, np.start
    for _ in range(3):
        comma = pos
        while comma > lo and text[comma - 1].isspace():
            comma -= 1
        if comma <= lo or text[comma - 1] != ",":
            break
        m = _mention_ending_at(sent, comma - 1)
        if m is None or m.kind != "name" or describe(m.text)[3] != "person":
            break
        named, pos = m, m.start
    return sent.doc.span(named.start, named.end) if named is not None else None


def _modifiers_before(text: str, lo: int, a: int) -> int:
    """Move ``a`` back over the adjectives (and "and"/"or" between them) that modify a group noun."""
    words = list(re.finditer(r"[\w-]+", text[lo:a]))
    start = a
    for w in reversed(words[-4:]):
        word = w.group().lower()
        if text[lo + w.end():start].strip() or word in _NOT_IN_SUBJECT - {"and"} or word in PREPOSITIONS \
                or word.endswith(("ed", "ing")) or word in _DETERMINERS:
            break
        start = lo + w.start()
    while text[start:a].lower().startswith(("and ", "or ", "but ")):
        start += text[start:a].find(" ") + 1
    return start


def _noun_phrase_before(sent: _Sentence, lo: int, hi: int) -> Span | None:
    """A short noun phrase ending at ``hi`` that opens its clause ("The resolution", "a Pakistani statement")."""
    text = sent.doc.text
    lo = max(lo, hi - 200)  # a subject is a few words: never scan the whole sentence
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
    lead = re.match(r"(?:with|as|while|because|since|when|although|if|after|before)\s+", text[a:b])
    if lead:  # "…, with Tom Reed of Ohio calling it …", "…, as the network claims …"
        a += lead.end()
    words = text[a:b].split()
    if not words or len(words) > 8:
        return None
    first = words[0]
    if not (first[0].isupper() or first.lower() in _DETERMINERS):
        return None
    if any(w.lower() in _DETERMINERS and words[k - 1].lower() not in PREPOSITIONS for k, w in enumerate(words) if k):
        return None  # "The last time the government …": a second determiner starts a new phrase
    if any(w.lower().strip(",") in _NOT_IN_SUBJECT for w in words) or first.lower() in PREPOSITIONS \
            or first.lower().endswith("ing") or len(words) == 1 and first.lower() in _DETERMINERS \
            or any(w.endswith("ed") and w.islower() for w in words):
        return None
    # the head of the phrase is its last word before any preposition ("A person familiar with the plan"): a
    # noun-like word, not a verb or an adverb
    head = next((k for k, w in enumerate(words) if k and w.lower() in PREPOSITIONS), len(words))
    last = words[head - 1].lower()
    if last.endswith(("ed", "ing")) and not words[head - 1][0].isupper():
        return None
    return sent.doc.span(a, b)


def subject_after(sent: _Sentence, pos: int) -> Span | None:
    """The source named right after a cue ("said Robert Wood", "according to The Guardian")."""
    text, end = sent.doc.text, sent.unit.end
    a = pos
    while a < end and text[a].isspace():
        a += 1
    if text.startswith(("the ", "The "), a) and any(m.start == a + 4 for m in sent.mentions):
        a += 4  # "according to the U.S. embassy": the mention, without its article
    for i, m in enumerate(sent.mentions):
        if m.start == a:
            b = m.end
            head = re.match(r"\s+(?:news\s+agency|[a-z]+)\b", text[b:end])
            if head and (head.group().split()[-1] in ORG_HEADS or head.group().split()[-1] in ROLE_HEADS):
                b += head.end()  # "Xinhua news agency", "the U.S. embassy", "the Crown prosecutor"
            after = next((n for n in sent.mentions[i + 1:] if n.start >= b), None)
            if after is not None and after.kind == "name" and re.fullmatch(r",\s+", text[b:after.start]) \
                    and describe(after.text)[3] == "person" and re.match(r"\s*(?:[,.;:\"“”]|$)", text[after.end:end]):
                b = after.end  # "the Crown prosecutor, Ann Hall": the name in apposition
            # "Saudi Arabia's Civil Defense Authority": the possessor is only the affiliation
            nxt = sent.mentions[i + 1] if i + 1 < len(sent.mentions) else None
            if nxt is not None and re.fullmatch(r"['’]s\s+", text[b:nxt.start]):
                b = nxt.end
            # "University of Leeds's chancellor, Omar Aziz.": the person closing the sentence
            last = sent.mentions[-1]
            if last.start > b and last.kind == "name" and describe(last.text)[3] == "person" \
                    and text[b:b + 1] == "," and last.start - b < 80 and len(text[b:last.start].split()) <= 6 \
                    and not text[last.end:end].strip(" .,!?\"”’"):
                b = last.end
            return sent.doc.span(a, b)
    m = re.match(r"(?:[^,;:.!?\"“”]|(?<=[A-Z])\.){1,120}", text[a:end])
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
    lo, hi = bisect.bisect_left(sent.quote_starts, a), bisect.bisect_left(sent.quote_starts, b)
    inside = [q for q in sent.quotes[lo:hi] if a <= sent.mark_start(q) and sent.mark_end(q) <= b + 1]
    if not inside:
        return "indirect", []
    if len(inside) == 1 and sent.mark_start(inside[0]) == a and sent.mark_end(inside[0]) >= b:
        return "direct", inside
    return "mixed", inside


def _statement(sent, cue: Span | None, content: tuple[int, int], mention: Span | None, rule: str,
               confidence: float, quotes=None) -> Statement | None:
    doc = sent.doc
    a, b = content
    if b <= a or len(doc.text[a:min(b, a + 60)].split()) < 3 and not quotes and not any(
            q.start >= a and q.end <= b for q in sent.quotes):
        return None
    sid = ids.record_id("statement", doc.content_hash, a, b)
    if sid in sent.index.statement_ids:  # two cues claiming the same content: the first one holds it
        return None
    sent.index.statement_ids.add(sid)
    kind, inside = _content_type(sent, a, b)
    if quotes is not None:
        inside, kind = quotes, "direct"
    st = Statement(id=sid, content=doc.span(a, b), type=kind,
                   cue=cue, speaker_mention=mention, quote_ids=[q.id for q in inside], confidence=confidence,
                   rule=rule)
    for q in inside:
        q.statement_id = st.id
    sent.found.append(st)
    return st


# A later cue that starts a new statement: after a comma ("…, adding that"), after "and" with the same subject
# ("… and warned that"), or with its own short subject after a conjunction ("…, but he replied").
_AND_VERB = re.compile(r",?\s+(?:and|but)\s*$")
_COMMA = re.compile(r",\s*$")
# Where a reported clause ends: ";", ": ", or a trailing participial ("…, pointing to the attack", not
# "including") or concessive phrase.
_CLAUSE_STOP = re.compile(r";|:\s|,\s+(?!including\b|according\b)[a-z]+ing\b"
                          r"|,\s+(?:although|though|whereas|even\s+though|such\s+as|who)\b|,?\s+despite\b")
_SUBORDINATE = re.compile(r"[\"“]?(?:Even\s+though|Although|Though|While|Because|Since|After|When|If|Whereas|Once)\s")
_NEXT_CLAUSE = re.compile(r"(?:[,;]\s+(?:but|and|while|whereas|although|as)\s+(?:[\w'’.-]+\s+){0,5}"
                          r"|\s+(?:and|but)\s+[A-Z][\w'’.-]*\s+(?:[\w'’.-]+\s+){0,4})$")


def _content_end(sent: _Sentence, start: int, stop_at: list) -> int:
    """Where a reported clause that starts at ``start`` ends: the unit's end, a ";", or the start of the next
    statement in the same sentence."""
    text = sent.doc.text
    end = sent.unit.end
    for c in stop_at[:8]:  # a reported clause holds few cues: looking further only costs time
        if c.start() <= start or c.lastgroup == "according" or sent.quoted(c.start()) or cues.is_passive(c.group()):
            continue
        lead_start = max(start, c.start() - 120)
        lead = text[lead_start:c.start()]
        m = _AND_VERB.search(lead) or cues.is_participle(c.group()) and _COMMA.search(lead) \
            or _NEXT_CLAUSE.search(lead)
        if m:
            end = min(end, lead_start + m.start())
            break
    # "Even though the suspect admitted acting alone, two others were charged": the subordinate clause ends
    opening = _SUBORDINATE.match(text, sent.unit.start)
    if opening and start >= opening.end():
        comma = text.find(", ", start, end)
        if comma > 0 and not sent.quoted(comma):
            end = comma
    stops = sent.stops()
    for k in range(bisect.bisect_left(stops, start), len(stops)):
        if stops[k] >= end:
            break
        # a phrase after a comma closes the clause, unless the clause so far is only a few words (a list)
        if text[stops[k]] in ";:" or len(text[start:stops[k]].split()) >= 5:
            end = stops[k]
            break
    return end


def _quote_after(sent: _Sentence, pos: int, gap: str = r"\s*[:,]?\s*"):
    """The first quotation after ``pos`` whose opening mark is reached through text matching ``gap``."""
    for q in sent.quotes[bisect.bisect_right(sent.quote_starts, pos):]:
        if q.start - pos > 200:  # every gap allowed here is a few words long
            break
        if re.fullmatch(gap, sent.doc.text[pos:sent.mark_start(q)]):
            return q
    return None


# Between a cue and the quotation it introduces: a few words of setting, then ":" or "," ("wrote on Twitter, ").
_INTRO_GAP = r"(?:,?\s+(?!that\b)[^\"“”.;:,]{1,60})?\s*[:,]\s*|\s+"


def _rule_quote_cue(sent, c, cue, clause_start, claimed):
    """``"…," X said`` and ``"…," said X``."""
    text = sent.doc.text
    if c.lastgroup not in ("say", "tell"):
        return None
    q = None
    for candidate in reversed(sent.quotes[:bisect.bisect_left(sent.quote_starts, c.start())]):
        if candidate.start < clause_start - 1:
            break
        if sent.mark_end(candidate) <= c.start() and candidate.closed and candidate.id not in claimed:
            q = candidate
            break
    if q is None:
        return None
    gap = text[sent.mark_end(q):c.start()]
    if q.partial:  # 'The plan "will not work," she said': the clause around the quotation is the content
        return _mixed_before_cue(sent, q, c, cue, clause_start, gap)
    if re.fullmatch(r"\s*[,.!?—–-]?\s*", gap):
        mention = subject_after(sent, c.end()) if c.lastgroup != "tell" else None
        return _attribution_of_quote(sent, q, cue, mention, "quote-cue said-X", claimed)
    if re.fullmatch(r"\s*[,.!?—–-]?\s*[^;:\"“”]{1,120}", gap) and len(gap.split()) <= 2 * _MAX_GAP_WORDS:
        mention = subject_before(sent, sent.mark_end(q), c.start())
        return _attribution_of_quote(sent, q, cue, mention, "quote-cue X-said", claimed)
    return None


def _mixed_before_cue(sent, q, c, cue, clause_start, gap):
    """``The plan “will not work,” she said``: a clause that ends in a quotation, then the cue and its source."""
    text = sent.doc.text
    if c.lastgroup != "tell" and not cues.closes_a_sentence(c.group()) or cues.is_participle(c.group()):
        return None
    a, _ = _trim(sent.doc, clause_start, sent.mark_start(q))
    if any(m.start() < sent.mark_start(q) for m in cues.find(text, a, sent.mark_start(q))):
        return None  # the clause before the quotation has a cue of its own
    if re.fullmatch(r"\s*[,.!?—–-]?\s*", gap):
        mention = subject_after(sent, c.end()) if c.lastgroup != "tell" else None
    elif re.fullmatch(r"\s*[,.!?—–-]?\s*[^;:\"“”,]{1,60}(?:,[^;:\"“”,]{1,60},\s*)?", gap):
        mention = subject_before(sent, sent.mark_end(q), c.start())
    else:
        return None
    if mention is None:
        return None
    return _statement(sent, cue, (a, sent.mark_end(q)), mention, "quote-cue mixed", 0.85)


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
    q = _quote_after(sent, mention.end, r"[,:]?\s*(?:[A-Z]{2,4}|Jr\.?|Sr\.?)?[,:]?\s*")  # post-nominals: QC, MP
    if q is not None and q.id not in claimed and not q.partial:
        # "in the words of the prosecutor, Ann Hall, QC, “…”": the quotation is the content
        st = _statement(sent, cue, (sent.mark_start(q), sent.mark_end(q)), mention, "according-to", 0.85, [q])
        claimed.add(q.id)
        return st
    if not text[max(clause_start, c.start() - 10):c.start()].strip(" ,\"“") and c.start() - clause_start < 10:
        start = mention.end
        # "According to Dr. Ann Hall, formerly the head of the agency, the outbreak is …": skip the apposition
        apposition = re.match(r",\s+(?:formerly|former|a|an|the|who|which|now|currently|then|quoting|citing)\b"
                              r"[^,;:\"“”]*,",
                              text[start:min(sent.unit.end, start + 200)])
        if apposition:
            start += apposition.end()
        a, b = _trim(doc, start, _content_end(sent, start, later))
    elif re.match(r",\s*\S+(?:\s+\S+){2}", text[mention.end:mention.end + 80]) \
            and text[max(0, c.start() - 5):c.start()].rstrip()[-1:] == ",":
        # "The group then led, according to Reuters, the largest …": the sentence around it is the content
        a, b = _trim(doc, clause_start, _content_end(sent, c.start(), later))
    else:
        a, b = _trim(doc, clause_start, c.start())
    return _statement(sent, cue, (a, b), mention, "according-to", 0.85)


def _rule_as_cue(sent, c, cue, clause_start, claimed, later):
    """"As the President has made clear, …" and "As announced by Secretary Blinken, …": the clause after."""
    doc, text = sent.doc, sent.doc.text
    if c.lastgroup != "say" or not re.match(r"\s*As\s", text[clause_start:clause_start + 8]) \
            or "," in text[clause_start:c.start()] or cues.core(c.group()) in cues.QUOTE_VERBS:
        return None
    by = re.match(r"\s+by\s+", text[c.end():c.end() + 10])
    mention = subject_after(sent, c.end() + by.end()) if by else subject_before(sent, clause_start + 3, c.start())
    after = re.compile(r",\s").search(text, mention.end if mention else c.end(), sent.unit.end)
    comma = after.start() if after else -1
    if mention is None or comma < 0 or comma - c.end() > 150 or len(text[c.end():comma].split()) > 12:
        return None
    a, b = _trim(doc, comma + 1, _content_end(sent, comma + 1, later))
    return _statement(sent, cue, (a, b), mention, "as-cue", 0.8)


def _rule_participle(sent, c, cue, clause_start, claimed, later):
    """"…, saying that …" and "… and warned that …": the source is the subject of the clause the participle
    or the second verb hangs on."""
    text = sent.doc.text
    lead = text[max(sent.unit.start, c.start() - 60):c.start()]
    if cues.is_participle(c.group()):
        if not sent.found and not re.search(r",\s*$", lead) and c.lastgroup != "say":
            return None
    elif not _AND_VERB.search(lead) or sent.found and sent.found[-1].content.end > c.start():
        return None  # "…, and warned that": a second verb of the same subject
    mention = sent.found[-1].speaker_mention if sent.found else sent.subject or _clause_subject(sent)
    if cues.is_participle(c.group()) and re.search(r"\b(?:by|while|after|before|when|in)\s*$", lead):
        mention = _clause_subject(sent)  # "the parents tried to have him released by saying …"
        if mention is None:
            return None
    elif cues.is_participle(c.group()) and not re.search(r",\s*$", lead) and not _AND_VERB.search(lead):
        # "with Tom Reed of Ohio calling the inquiry …": the name right before it
        own = subject_before(sent, sent.found[-1].content.end if sent.found else sent.unit.start, c.start())
        if own is None:
            return None  # "It is worth noting that …": no one is named
        mention = own
    q = _quote_after(sent, c.end(), _INTRO_GAP)
    if q is not None and q.id not in claimed and not q.partial:
        st = _statement(sent, cue, (sent.mark_start(q), sent.mark_end(q)), mention, "participle", 0.75, [q])
        claimed.add(q.id)
        return st
    start = c.end()
    that = re.match(r"\s*that\s", text[start:start + 10])
    if that is None and _NO_CONTENT.match(text, start) and c.lastgroup != "tell" \
            and not cues.takes_infinitive(c.group()):
        return None  # "claiming to represent …": no reported content
    a, b = _trim(sent.doc, start, _content_end(sent, start, later))
    if mention is None or not cues.reports_a_clause(c.group(), text[a:b], that is not None):
        return None
    return _statement(sent, cue, (a, b), mention, "participle", 0.75)


def _rule_cue_content(sent, c, cue, clause_start, claimed, later):
    """``X said (that) …``, with up to about ten words between the cue and "that"."""
    doc, text = sent.doc, sent.doc.text
    mention = subject_before(sent, clause_start, c.start())
    if mention is None:
        return None
    start = c.end()
    that = re.match(r"(?:[^,.;:\"“”]*?\s)?that\s", text[start:min(sent.unit.end, start + 120)])
    gap = text[start:start + that.start() + that.group().rfind("that")].split() if that else []
    if that and len(gap) <= _MAX_GAP_WORDS and (
            not gap or c.lastgroup == "tell" or gap[0].lower().strip(",") in _GAP_OPENERS):
        start += that.end()
    else:
        that = None
        if c.lastgroup == "issued":  # "issued a statement agreeing (that) …", "… saying …"
            lead = re.match(r"\s+([a-z]+ing)\s+(?:that\s+)?", text[start:start + 40])
            if lead and cues.is_participle(lead.group(1)):
                start += lead.end()
    adjunct = _ADJUNCT_THEN_CLAUSE.match(text, start) if that is None else None
    if adjunct:
        start = adjunct.end()
    elif that is None and _NO_CONTENT.match(text, start) and c.lastgroup != "tell" \
            and not (cues.takes_infinitive(c.group()) and text.startswith(" to ", start)):
        return None  # "written by", "spoke with", "mentioned in": no reported content
    a, b = _trim(doc, start, _content_end(sent, start, later))
    if not cues.reports_a_clause(c.group(), text[a:b], that is not None):
        return None
    confidence = 0.6 if cues.is_topic(c.group()) else 0.8
    return _statement(sent, cue, (a, b), mention, "cue-content", confidence)


def _rule_content_cue(sent, c, cue, clause_start, claimed, later):
    """"…, the spokesperson said." and "…, said the spokesperson.": the content comes first."""
    doc, text = sent.doc, sent.doc.text
    if c.lastgroup not in ("say", "tell") or not cues.closes_a_sentence(c.group()):
        return None
    tail = text[c.end():min(_content_end(sent, c.end(), later), c.end() + 120)]
    aside = _rule_aside(sent, c, cue, clause_start, later)
    if aside is not None:
        return aside
    if len(tail.split()) > 8 or re.search(r"\bthat\b", tail) or any(q.start > c.end() for q in sent.quotes):
        return None
    comma = text.rfind(",", clause_start, c.start())
    if comma <= clause_start or sent.quoted(comma):
        return None
    between = text[comma + 1:c.start()]
    if not between.strip():
        mention = subject_after(sent, c.end())
        if mention is None or len(text[mention.end:mention.end + 80].split()) > 5 or not _is_mention(sent, mention):
            return None
    elif len(between.split()) <= 8:
        mention = subject_before(sent, comma + 1, c.start())
    else:
        return None
    a, b = _trim(doc, clause_start, comma)
    opening = text[a:min(b, a + 80)].split()  # enough to see the first words; never the whole sentence
    if mention is None or len(opening) < 4 or opening[0].lower() in PREPOSITIONS \
            or opening[0].lower() in _NOT_IN_SUBJECT:
        return None
    return _statement(sent, cue, (a, b), mention, "content-cue", 0.8)


def _rule_aside(sent, c, cue, clause_start, later):
    """"a step whose timing, Reuters noted, raised questions": a source set off by commas inside its
    content; the content runs from the clause before it to the end of the clause after it."""
    text = sent.doc.text
    if not re.match(r",\s+(?![a-z]+ing\b)[a-z]\S*\s+\S+", text[c.end():c.end() + 80]):
        return None
    comma = text.rfind(",", clause_start, c.start())
    if comma <= clause_start or len(text[comma + 1:c.start()].split()) > 4:
        return None
    mention = subject_before(sent, comma + 1, c.start())
    if mention is None:
        return None
    before = text.rfind(",", clause_start, comma)
    a, b = _trim(sent.doc, before + 1 if before > clause_start else clause_start,
                 _content_end(sent, c.end() + 1, later))
    return _statement(sent, cue, (a, b), mention, "aside", 0.7)


def _is_mention(sent, span) -> bool:
    return _mention_ending_at(sent, span.end) is not None or any(
        m.start >= span.start and m.end <= span.end for m in sent.mentions)


_RULES = (_rule_quote_cue, _rule_cue_quote)
_CLAUSE_RULES = (_rule_according, _rule_as_cue, _rule_participle, _rule_cue_content, _rule_content_cue)


def _attribute_sentence(sent: _Sentence, claimed: set):
    doc = sent.doc
    # a sentence with more reporting verbs than this is not prose (a list, a table): the rest are not tried
    found = [c for c in sent.cues if not sent.quoted(c.start())][:_MAX_CUES]
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
                sent.subject = mention


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


# A legal citation right after a quotation names the text it quotes: "“…” (Doe v. Roe)", "“…,” 50 U.S.C. 3091".
CITATION = re.compile(r"(?:[A-Z][\w.'’-]*\s+)+v\.\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*|\d+\s+U\.S\.C\.\s+§?\s*\d+\w*")
_CITED_AFTER = re.compile(rf"[\"”’']?[,.]?[\"”’']?\s*\(?({CITATION.pattern})")
# A reporter citing the source it quotes: "According to the agency, quoting the ministry, …".
_QUOTING = re.compile(r",\s+(?:quoting|citing)\s+")
_PASSIVE_AUX = frozenset("is are was were be been being".split())
# Naming verbs whose object a quotation names ("refer to the protests as “riots”"): their agent is its source.
_NAMING = re.compile(r"\b(?:refer(?:s|red|ring)?\s+to|call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|"
                     r"label(?:s|led|ling|ed|ing)?|brand(?:s|ed|ing)?|dub(?:s|bed|bing)?|credit(?:s|ed|ing)?)\b")


SOURCE_WINDOW = 400


def quote_sources(doc) -> dict:
    """For each quotation, where its source is to be found, by quote id. A quotation a statement claims has
    one only when the statement's words name another source for it (``_cited_source``). For one no statement
    claims: a legal citation
    right after it, else a statement of the same sentence (its id), else the agent of a naming verb before it
    ("the government cease referring to the protests as “riots”"), else the words naming the subject of the
    nearest cue before it in the sentence, else the subject of the sentence ("The dean talked of her
    “countless discoveries”")."""
    index, out = _Index(doc), {}
    starts = [s.start for s in doc.sentences]

    def sentence_of(q):
        """The quotation's sentence, cut to SOURCE_WINDOW characters either side of it: a source is named near
        its quotation, and no scan may grow with the sentence (a text with no full stop is one sentence)."""
        unit = doc.sentences[max(0, bisect.bisect_right(starts, q.start - 1) - 1)]
        return doc.span(max(unit.start, q.start - SOURCE_WINDOW), min(unit.end, q.end + SOURCE_WINDOW))

    statements = sorted(doc.statements, key=lambda st: st.content.start)
    statement_starts = [st.content.start for st in statements]
    by_id = {st.id: st for st in statements}
    for q in doc.quotes:
        if not doc.sentences:
            break
        if q.statement_id is not None:  # claimed: only a source named inside the statement's words overrides it
            st = by_id.get(q.statement_id)
            if st is not None and q.partial and st.type == "mixed":
                source = _cited_source(_Sentence(doc, sentence_of(q), index), st, q)
                if source is not None:
                    out[q.id] = source
            continue
        cited = _CITED_AFTER.match(doc.text, q.end)
        if cited:
            out[q.id] = doc.span(cited.start(1), cited.end(1))
            continue
        unit = sentence_of(q)
        near = [st for st in statements[bisect.bisect_left(statement_starts, unit.start):
                                        bisect.bisect_left(statement_starts, unit.end)] if st.speaker_mention]
        if near:
            out[q.id] = min(near, key=lambda st: abs(st.content.start - q.start))
            continue
        sent = _Sentence(doc, unit, index)
        found = [c for c in cues.find(doc.text, unit.start, q.start) if not sent.quoted(c.start())]
        source = _naming_agent(sent, q)
        if source is None and found and cues.is_passive(found[-1].group()):  # "announced … by the WHO"
            agent = re.compile(r"\bby\s+").search(doc.text, q.end, unit.end)
            source = subject_after(sent, agent.end()) if agent else None
        if found and source is None:
            source = subject_before(sent, unit.start, found[-1].start())
        source = source or _clause_subject(sent, q.start)
        if source is not None:
            out[q.id] = source
    return out


def _cited_source(sent: _Sentence, st: Statement, q) -> Span | None:
    """Who a quotation inside a reported clause really quotes: the source its reporter cites ("According to
    the agency, quoting the ministry, …“…”": the ministry), else the agent of a naming verb inside the clause
    ("demands that the government stop calling them “riots”": the government)."""
    text = sent.doc.text
    mention = st.speaker_mention
    if mention is not None and mention.end < q.start:
        quoting = _QUOTING.search(text, mention.end, min(q.start, mention.end + 40))
        if quoting:
            cited = [m for m in sent.mentions if quoting.end() <= m.start and m.end <= q.start
                     and "," not in text[quoting.end():m.start] and m.kind in ("name", "organization", "country")]
            if cited:
                return sent.doc.span(cited[-1].start, cited[-1].end)
    agent = _naming_agent(sent, q)
    if agent is None or mention is not None and agent.start == mention.start or agent.text.lower() in PRONOUNS:
        return None  # the statement's own source (resolved in its place), or a pronoun: the statement holds
    return agent


def _naming_agent(sent: _Sentence, q) -> Span | None:
    """"… that the government cease referring to the protests as “riots”": the mention standing at most two
    words before the naming verb that the quotation completes (within a few words of it)."""
    text = sent.doc.text
    verb = None
    for verb in _NAMING.finditer(text, max(sent.unit.start, q.start - 80), q.start):
        pass
    if verb is None or sent.quoted(verb.start()):
        return None
    for m in reversed(sent.mentions):
        if m.end <= verb.start() and not sent.quoted(m.start):
            gap = text[m.end:verb.start()].split()
            before = text[max(sent.unit.start, m.start - 30):m.start].split()
            if len(gap) <= 2 and not any(g[-1] in ",;:" or g.lower() in _PASSIVE_AUX for g in gap) \
                    and not (before and before[-1].lower() in PREPOSITIONS):
                return sent.doc.span(m.start, m.end)
            return None
    return None


def _clause_subject(sent: _Sentence, before_pos: int | None = None) -> Span | None:
    """The subject of the unit's main clause: its first mention not governed by a preposition (and, when
    ``before_pos`` is given, before it and outside quotations)."""
    text = sent.doc.text
    for m in sent.mentions:
        if before_pos is not None and m.start >= before_pos:
            break
        if before_pos is not None and sent.quoted(m.start):
            continue
        before = text[max(sent.unit.start, m.start - 30):m.start].split()
        if before and before[-1].lower() in PREPOSITIONS or text[m.end:m.end + 2] in ("'s", "’s") \
                or _DATELINE.match(text, m.end):  # "Valletta – The ministry said": a dateline, not a subject
            continue
        following = next((n for n in sent.mentions if n.start >= m.end), None)
        if m.kind in ("group", "role") and following is not None \
                and re.fullmatch(r",\s+(?:the\s+)?", text[m.end:following.start]):
            m = following  # "One of these groups, the Syrian Democratic Forces, said": the name in apposition
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


# A picture caption between the paragraphs of a long quotation ("Atlantis at the pad. Image: NASA.").
_CAPTION = re.compile(r"\b(?:Image|Photo|Picture|Photograph|Credit)s?:\s*[^\"“”\n]{0,80}$")


def _continued_quotations(doc, claimed: set):
    """A quotation that nobody claimed and that opens its sentence (or follows a colon), in the same paragraph
    as the latest statement or the next one (picture captions between them aside), continues that statement's
    source (cue null; the speaker and the words naming it are inherited)."""
    statements = sorted(doc.statements, key=lambda st: st.content.end)
    ends = [st.content.end for st in statements]
    paragraph_starts = [p.start for p in doc.paragraphs]
    openings = {s.start for s in doc.sentences}
    taken = {st.id for st in statements}
    for q in doc.quotes:
        opening = mark_before(doc.text, q.start)
        if q.id in claimed or q.partial or (opening not in openings
                                            and not doc.text[max(0, opening - 3):opening].rstrip().endswith(":")):
            continue
        k = bisect.bisect_right(ends, q.start)
        if not k:
            continue
        last_end = ends[k - 1]
        between = doc.paragraphs[bisect.bisect_right(paragraph_starts, last_end):
                                 bisect.bisect_left(paragraph_starts, q.start)]
        if len(between) > 1 and sum(not _CAPTION.search(p.text) for p in between) > 1:
            continue  # more than one paragraph between them, not counting picture captions
        end = mark_after(doc.text, q.end) if q.closed else q.end
        sid = ids.record_id("statement", doc.content_hash, opening, end)
        if sid in taken:
            continue
        # the words naming its source are those of the statement it continues ("…," he said. "…")
        st = Statement(id=sid, content=doc.span(opening, end), type="direct", cue=None,
                       speaker_mention=statements[k - 1].speaker_mention,
                       quote_ids=[q.id], confidence=0.5, rule="continued")
        q.statement_id = st.id
        claimed.add(q.id)
        taken.add(sid)
        statements.insert(k, st)
        ends.insert(k, st.content.end)
        doc.statements.append(st)


def attribute(doc):
    doc.statements = []
    claimed: set = set()
    previous = None
    index = _Index(doc)
    found = cues.find(doc.text, doc.body_start, len(doc.text))
    starts = [c.start() for c in found]
    for unit in _units(doc):
        sent = _Sentence(doc, unit, index)
        sent.cues = [c for c in found[bisect.bisect_left(starts, unit.start):bisect.bisect_left(starts, unit.end)]
                     if c.end() <= unit.end]
        _attribute_sentence(sent, claimed)
        _cue_then_quote(previous, sent, claimed)
        previous = sent
        doc.statements.extend(sent.found)
        for st in sent.found:
            claimed.update(st.quote_ids)
    _continued_quotations(doc, claimed)
    doc.statements.sort(key=lambda s: (s.content.start, s.content.end))
    return doc

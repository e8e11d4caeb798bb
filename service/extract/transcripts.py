"""Transcripts: a briefing recorded as turns ("MR PRICE: …", "QUESTION: …") rather than told as prose.

Two stages, around the prose ones:

1. ``read_turns`` (after ``speakers.resolve``; it needs only the paragraphs) finds the turns. A turn starts at a
   paragraph that opens with an upper-case label and a colon ("MR PRICE:",
   "QUESTION:", "Q:", "SECRETARY BLINKEN:", also bold in Markdown) and runs
   to the next such paragraph. A text is a transcript when at least two
   paragraphs open so, the first among the lines right after the headline.
   The lines before the first turn are the header: "Name, Role" lines name
   the briefers ("Ned Price, Department Spokesperson"), others give the
   place and time. A label's name is matched by surname against the header's
   names, else against the fullest name the text gives with that surname
   ("Dr. Kari Johnstone" for "MS JOHNSTONE"), else it is the surname alone;
   honorifics ("MR", "MS") are dropped and titles ("AMBASSADOR") kept as the
   role. ``QUESTION``/``Q`` are reporters, never speakers; a few general
   labels (operator, moderator, participant …) are nobody in particular.
   Parenthesised stage directions and interpreter notes ("(Laughter.)",
   "(Via interpreter)") are kept apart from the speech.
2. ``attribute_turns`` (after ``speakers.resolve``) makes the turns' speakers
   and, for every paragraph an official speaks, a statement of type ``turn``
   whose mention is the label and whose content is the paragraph less its
   stage directions. In an official's turn "we" is the speaker's
   organisation (the one the role or the headline names, "Department" read
   as the fullest department the text names) and "I" the speaker; prose
   statements whose source is a label, a stage direction or a reporter's
   pronoun are dropped, and speakers nobody speaks for go with them.

Every label word list here is general English (honorifics, generic roles),
never a name.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from . import dates, ids
from .mentions import ORG_HEADS, ROLE_HEADS, STOP, TITLES
from .names import fold
from .records import Document, Span, Speaker, Statement, Turn

# "MR PRICE:", "SECRETARY BLINKEN:", "QUESTION:", "Q:", "**MS PORTER:**", "ANNOUNCEMENT*:"
LABEL = re.compile(
    r"[ \t]*(?P<open>\*\*|__)?(?P<label>[A-ZÀ-Þ][A-ZÀ-Þ.'’*-]*(?:[ \t][A-ZÀ-Þ][A-ZÀ-Þ.'’*-]*){0,4})"
    r"(?P<mid>\*\*|__)?[ \t]*:(?P<close>\*\*|__)?[ \t]*")
QUESTION_LABELS = frozenset("q question questions reporter journalist".split())
# Labels that name a function in the room, not a person (general English).
GENERIC_LABELS = frozenset("""
operator moderator participant participants announcement announcer interpreter translator staff audience
voice voices crowd narrator host all note editor update correction
""".split())
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame madam".split())
_VOCATIVE = re.compile(r",\s+(?:you|your|I|we)\b")
_PARTICLES = frozenset("of the de da del di van von der den bin ibn al el la le du y".split())
HEADER_LINES = 12  # the first turn starts within this many lines of the headline
# "(Laughter.)", "(Via interpreter)", "(Off-mike.)", "(The briefing was concluded at 3:11 p.m.)"
_PARENTHETICAL = re.compile(r"\((?P<words>[A-Z][a-z][^()\n]{0,118})\)")
_BRIEFER = re.compile(r"^(?P<name>(?:[A-Z][\w’'-]*\.?\s{1,3}){1,4}[A-Z][\w’'-]+),\s{1,3}(?P<role>[^,\n]{3,100})$")
# "Washington, DC", "WASHINGTON, D.C.", "Geneva": a header line that is a place
_PLACE = re.compile(r"^(?P<place>[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2})(?:,\s{1,3}(?P<region>(?:[A-Z]\.?){1,3}|[A-Z][a-z]+))?$")
# "we", "We’ve", "But I’ll": a source named by a first- or second-person pronoun
_FIRST_PERSON = re.compile(r"\b(?:(?P<we>we|our|us)|(?P<i>I|my|me))(?:['’](?:m|ve|ll|re|d))?(?!\w)", re.I)
_SECOND_PERSON = re.compile(r"\byou(?:['’](?:ve|ll|re|d))?(?!\w)", re.I)


def _label(text: str, start: int, end: int) -> re.Match | None:
    """The speaker label opening the paragraph [start, end), if any (bold in Markdown only when closed)."""
    m = LABEL.match(text, start, end)
    if m is None or bool(m.group("open")) != bool(m.group("mid") or m.group("close")):
        return None
    return m if _words(m.group("label")) else None


def _words(label: str) -> list[str]:
    return [w for w in fold(label.replace("*", "")).split() if w]


def label_kind(label: str) -> str:
    """``question`` for a reporter's label, ``other`` for a generic one, ``official`` for a person's."""
    words = _words(label)
    if len(words) == 1 and words[0] in QUESTION_LABELS:
        return "question"
    if len(words) == 1 and words[0] in GENERIC_LABELS or words and words[-1] in GENERIC_LABELS:
        return "other"
    return "official"


def _labelled(doc: Document) -> list[tuple[Span, re.Match]]:
    """The paragraphs that open with a speaker label, with the label match."""
    out = []
    for p in doc.paragraphs:
        m = _label(doc.text, p.start, p.end)
        if m is not None:
            out.append((p, m))
    return out


def is_transcript(doc: Document) -> bool:
    """At least two labelled paragraphs, the first right after the header."""
    labelled = _labelled(doc)
    if len(labelled) < 2:
        return False
    first = labelled[0][0]
    return sum(1 for p in doc.paragraphs if p.start < first.start) <= HEADER_LINES


def directions_in(text: str, start: int, end: int) -> list[Span]:
    """Stage directions in ``text[start:end]``: parentheticals of words (not acronyms) that stand between
    sentences: at a paragraph's start or end, or after a sentence's end ("… to do. (Laughter.)")."""
    out = []
    for m in _PARENTHETICAL.finditer(text, start, end):
        before = text[start:m.start()].rstrip()
        after = text[m.end():end].strip()
        if not before or before[-1] in ".?!:—–-\"”" or not after:
            out.append(Span(m.start(), m.end(), m.group()))
    return out


def _header_person(line: str) -> tuple[str, str] | None:
    """The (name, role) of a "Name, Role" header line whose role names an office."""
    m = _BRIEFER.match(line)
    if m and any(w in ROLE_HEADS for w in fold(m.group("role")).split()):
        return m.group("name"), m.group("role").strip()
    return None


def header_lines(doc: Document) -> list[Span]:
    """The header's lines: the paragraphs after the headline and before the first turn."""
    first = doc.turns[0].label.start if doc.turns else doc.body_start
    return [p for p in doc.paragraphs if doc.body_start <= p.start < first]


def header_people(doc: Document) -> list[tuple[str, str]]:
    """The briefers the header names, in order."""
    return [person for p in header_lines(doc) if (person := _header_person(p.text.strip()))]


def _full_name(doc: Document, surname: str) -> str | None:
    """The fullest name the text gives a person of this surname ("Dr. Kari Johnstone" -> "Kari Johnstone");
    None when it gives none, or two different ones equally often."""
    if not surname:
        return None
    found: Counter = Counter()
    pattern = re.compile(rf"\b((?:(?:[A-Z]\.|[A-Z][\w’'-]+)\s{{1,2}}){{1,4}}){re.escape(surname)}\b")
    for m in pattern.finditer(doc.text, doc.body_start):
        words = [w for w in m.group(1).split() if fold(w) not in TITLES]
        if words and not any(fold(w) in ORG_HEADS or fold(w) in STOP for w in words):
            found[" ".join(words + [surname])] += 1
    if not found:
        return None
    ranked = found.most_common()
    best = max(ranked, key=lambda kv: (kv[1], len(kv[0])))
    rivals = [n for n, c in ranked if c == best[1] and n != best[0] and n.split()[0] != best[0].split()[0]
              and not best[0].startswith(n.rsplit(" ", 1)[0])]
    return None if rivals else best[0]


def _person(doc: Document, label: str, header: list[tuple[str, str]]) -> tuple[str, str | None]:
    """The name and role a person's label stands for."""
    words = label.replace("*", "").split()
    titles = [w for w in words[:-1] if fold(w) in TITLES]
    surname = words[-1]
    for name, role in header:
        if fold(name).split()[-1:] == fold(surname).split():
            return name, role
    title = " ".join(w.title() for w in titles if fold(w) not in HONORIFICS) or None
    rest = [w for w in words[:-1] if fold(w) not in TITLES]
    if rest:  # "JOHN KIRBY": the label is the full name
        return " ".join(w.title() for w in rest + [surname]), title
    full = _full_name(doc, surname.title())
    return (full or surname.title()), title


def read_turns(doc: Document) -> Document:
    """Fill ``doc.turns`` when the text is a transcript (speakers are named by ``attribute_turns``)."""
    doc.turns = []
    if not is_transcript(doc):
        return doc
    labelled = _labelled(doc)
    ends = [p.start for p, _ in labelled[1:]] + [None]
    last_question = None
    for (p, m), next_start in zip(labelled, ends):
        stop = p.end
        if next_start is None:
            stop = doc.paragraphs[-1].end
        else:
            stop = max((q.end for q in doc.paragraphs if p.start <= q.start < next_start), default=p.end)
        label = doc.span(m.start("label"), m.start("label") + len(m.group("label").rstrip("*")))
        start = m.end()
        directions = directions_in(doc.text, start, stop)
        kind = label_kind(label.text)
        turn = Turn(id=ids.record_id("turn", doc.content_hash, label.start, stop), label=label,
                    text=doc.span(start, stop), kind=kind, directions=directions)
        if kind == "question":
            last_question = turn.id
        elif kind == "official":
            turn.answers = last_question
        doc.turns.append(turn)
    return doc


def _organisation(doc: Document, words: str) -> str | None:
    """The organisation a role or headline names ("Department Spokesperson" -> "Department"), read as the
    fullest organisation with that head the text names most ("Department of State")."""
    heads = [w for w in fold(words).split() if w in ORG_HEADS]
    if not heads:
        return None
    named: Counter = Counter()
    for m in doc.mentions:
        words = fold(m.text).split()
        if m.kind == "organization" and heads[0] in words and len(words) > 1 and words[-1] not in TITLES:
            named[re.sub(r"^(?:the|The)\s+", "", m.text)] += 1
    if not named:
        return None
    return max(named, key=lambda n: (named[n], len(n)))


def _speaker_for(doc: Document, name: str, kind: str, role: str | None = None, affiliation: str | None = None,
                 alias: str | None = None) -> Speaker:
    sid = ids.speaker_id(name)
    sp = doc.speakers.get(sid)
    if sp is None:
        sp = doc.speakers[sid] = Speaker(id=sid, name=name, kind=kind, role=role, affiliation=affiliation,
                                         aliases=[name])
    sp.role = role or sp.role
    sp.affiliation = affiliation or sp.affiliation
    if alias and alias not in sp.aliases:
        sp.aliases.append(alias)
    return sp


def _official_speakers(doc: Document) -> dict[str, Speaker]:
    """The speaker of each label an official speaks under, by label text."""
    header = header_people(doc)
    headline_org = _organisation(doc, doc.title)
    out: dict[str, Speaker] = {}
    for turn in doc.turns:
        if turn.kind != "official" or turn.label.text in out:
            continue
        name, role = _person(doc, turn.label.text, header)
        org = _organisation(doc, role or "") or headline_org
        if org:
            _speaker_for(doc, org, "organization")
        out[turn.label.text] = _speaker_for(doc, name, "person", role, org, alias=turn.label.text.title())
    return out


def _turn_at(doc: Document, starts: list[int], position: int) -> Turn | None:
    k = bisect.bisect_right(starts, position) - 1
    if k < 0:
        return None
    turn = doc.turns[k]
    return turn if position < turn.text.end else None


def _outside(directions: list[Span], start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) less the stage directions in it, as trimmed pieces."""
    pieces, at = [], start
    for d in directions:
        if d.end <= start or d.start >= end:
            continue
        pieces.append((at, max(at, d.start)))
        at = max(at, d.end)
    pieces.append((at, end))
    return pieces


def _turn_statements(doc: Document, turn: Turn, speaker: Speaker, taken: set[str]) -> list[Statement]:
    """One ``turn`` statement per paragraph the official speaks, less its stage directions."""
    out = []
    for p in doc.paragraphs:
        if p.end <= turn.text.start or p.start >= turn.text.end:
            continue
        for a, b in _outside(turn.directions, max(p.start, turn.text.start), p.end):
            while a < b and doc.text[a].isspace():
                a += 1
            while b > a and doc.text[b - 1].isspace():
                b -= 1
            if b - a < 2 or not any(c.isalpha() for c in doc.text[a:b]):
                continue
            sid = ids.record_id("statement", doc.content_hash, a, b)
            if sid in taken:
                continue
            taken.add(sid)
            out.append(Statement(id=sid, content=doc.span(a, b), type="turn", speaker_id=speaker.id,
                                 speaker_mention=turn.label, confidence=0.9, rule="transcript-turn"))
    return out


def attribute_turns(doc: Document) -> Document:
    """Speakers and statements of a transcript's turns; prose statements corrected to what the turns show."""
    if not doc.turns:
        return doc
    officials = _official_speakers(doc)
    starts = [t.label.start for t in doc.turns]
    labels = [(t.label.start, t.text.start) for t in doc.turns]
    directions = [d for t in doc.turns for d in t.directions]
    kept = []
    for st in doc.statements:
        mention = st.speaker_mention
        if mention is not None and (any(a <= mention.start < b for a, b in labels)
                                    or any(d.start <= mention.start < d.end for d in directions)):
            continue  # a label or a stage direction read as prose
        turn = _turn_at(doc, starts, st.content.start)
        if turn is not None and mention is not None:
            first = _FIRST_PERSON.search(mention.text)
            if turn.kind == "official" and first:
                sp = officials[turn.label.text]
                org = doc.speakers.get(ids.speaker_id(sp.affiliation)) if sp.affiliation else None
                st.speaker_id = (org or sp).id if first.group("we") else sp.id
            elif first or _SECOND_PERSON.search(mention.text):
                continue  # a reporter's "I" or "you", an operator's "we": no one to attribute to
        if mention is not None and _VOCATIVE.match(doc.text, mention.end):
            continue  # "Matt, you know that …": the one addressed, not a source
        st.speaker_id = _checked(doc, officials, st.speaker_id)
        if st.speaker_id is not None:
            kept.append(st)
    for q in doc.quotes:
        q.speaker_id = _checked(doc, officials, q.speaker_id)
    taken = {st.id for st in kept}
    for turn in doc.turns:
        sp = officials.get(turn.label.text) if turn.kind == "official" else None
        if sp is not None:
            turn.speaker_id = sp.id
            kept.extend(_turn_statements(doc, turn, sp, taken))
    doc.statements = sorted(kept, key=lambda s: (s.content.start, s.content.end))
    _drop_unspoken(doc)
    return doc


def _checked(doc: Document, officials: dict[str, Speaker], speaker_id: str | None) -> str | None:
    """A prose source as the turns show it: a one-word name of an official is that official ("as Ned
    said"); talk read as a name ("Yes", "Outside", "This year") or a place ("in Doha") is no one."""
    sp = doc.speakers.get(speaker_id) if speaker_id else None
    if sp is None or sp.kind not in ("person", "other"):
        return speaker_id
    same = _official_named(officials, sp.name)
    if same is not None:
        return same.id
    return speaker_id if _name_like(doc, sp.name) else None


def _official_named(officials: dict[str, Speaker], name: str) -> Speaker | None:
    """The one official whose first name or surname is the one-word ``name``."""
    if len(name.split()) != 1:
        return None
    found = {sp.id: sp for sp in officials.values() if fold(name) in (fold(sp.name).split()[0], fold(sp.name).split()[-1])}
    return next(iter(found.values())) if len(found) == 1 else None


def _name_like(doc: Document, name: str) -> bool:
    """Whether ``name`` reads as a person's name in this text: capitalised words only; a single word must
    be written capitalised inside a sentence somewhere ("Yeah", "Thank" only open sentences), never in
    lower case ("Yes", "Outside"), and never as a place ("in Doha")."""
    words = name.split()
    if not words or not all(w[0].isupper() or w in _PARTICLES for w in words):
        return False
    if len(words) > 1:
        return True
    word = re.escape(words[0])
    if re.search(rf"\b{words[0].lower()}\b", doc.text) or re.search(rf"\b(?:in|from|to)\s+{word}\b", doc.text):
        return False
    return bool(re.search(rf"[a-z,;]\s+{word}\b", doc.text))


def _drop_unspoken(doc: Document) -> None:
    """Speakers no statement, quote or turn points at any more (a label read as a name) leave the article."""
    used = {st.speaker_id for st in doc.statements} | {q.speaker_id for q in doc.quotes} | {
        t.speaker_id for t in doc.turns} | set(doc.briefing.participants)
    used |= {sp.id for sp in doc.speakers.values() if sp.kind == "organization" and any(
        o.affiliation == sp.name for o in doc.speakers.values())}
    for sid in [s for s in doc.speakers if s not in used]:
        del doc.speakers[sid]
    for m in doc.mentions:
        if m.speaker_id not in doc.speakers:
            m.speaker_id = None
    by_id = {st.id for st in doc.statements}
    for q in doc.quotes:
        if q.statement_id not in by_id:
            q.statement_id = None


def describe_transcript(doc: Document) -> Document:
    """A transcript's briefing from its header: the briefer is the host; the date is the headline's
    ("Department Press Briefing – April 26, 2022"); the place a header line ("Washington, DC"); every
    official who speaks takes part."""
    if not doc.turns:
        return doc
    b = doc.briefing
    header = header_people(doc)
    officials = [t.speaker_id for t in doc.turns if t.kind == "official" and t.speaker_id]
    people = [ids.speaker_id(name) for name, _ in header if ids.speaker_id(name) in doc.speakers]
    b.participants = list(dict.fromkeys(people + officials))
    host = header[0][0] if header else (doc.speakers[officials[0]].name if officials else None)
    b.host = host
    lines = header_lines(doc)
    for span in [doc.span(0, doc.body_start)] + lines:
        m = dates.DATE.search(span.text)
        value = dates.date_value(m, None) if m else None
        if value and len(value) == 10:
            b.date, b.date_text = value, m.group()
            break
    for span in lines:
        m = _PLACE.match(span.text.strip())
        if m and not _header_person(span.text.strip()):
            place = m.group("place")
            b.location = place.title() if place.isupper() else place
            break
    return doc

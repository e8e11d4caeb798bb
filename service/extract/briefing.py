"""Stage 7: the event the article reports on — its kind, date, place, host and participants.

The order of things:

1. Release or report? An official release shows itself in its first lines: a
   headline that names its genre ("Statement by ...", "Readout of ...",
   "Remarks ...", "Fact Sheet") or an issuing-office line under the headline
   ("Office of the Spokesperson", "Name, Secretary of State"). A release is a
   ``statement`` unless its headline or lead names another event.
2. The kind is read from the headline and the lead (the first sentences of the
   body, after the dateline), most specific event first: a press briefing
   ("weekly briefing", "press conference", "told reporters"), a call ("by
   telephone", "phone call"), an interview, a vote, a speech, a meeting, a
   statement; an article with none of these is a ``news_report``.
3. The date is the reference date (``dates.reference_date``) moved to the
   weekday or the "yesterday" the lead sentence names; ``date_text`` keeps
   those words as written.
4. The location is the dateline ("Islamabad, Pakistan –" → "Islamabad") or
   the place named right after the event ("met today in Jeddah").
5. The host is the organisation whose spokesperson gives a briefing
   ("Foreign Office spokesperson" → "Pakistan Foreign Office", the country
   taken from the article when the office does not name one).
6. Participants are the speakers mentioned in the sentence that names the event.

All cue words are general English about events, never names from articles.
"""
import datetime
import re

from . import countries, dates
from .ids import speaker_id
from .mentions import describe as describe_mention
from .names import fold
from .records import Speaker


def _cue(pattern: str) -> re.Pattern:
    """Compile a cue pattern written with plain spaces: each space stands for a short run of whitespace."""
    return re.compile(pattern.replace(" ", r"\s{1,4}"), re.I)


# (kind, keywords, pattern) in order of precedence: the first kind whose pattern the lead matches wins.
# Every match of a pattern contains one of its keywords, a cheap test that spares most regex scans.
LEAD_CUES = (
    ("press_briefing", ("briefing", "conference", "told", "gaggle"),
     r"\b(?:press|news|media|weekly|daily|regular|special|virtual) (?:briefing|conference)s?\b"
     r"|\bbriefing (?:for|with|to) (?:the )?(?:press|reporters|journalists|media)\b"
     r"|\b(?:during|at|in) (?:a|the|his|her|their) (?:\w+ )?briefing\b"
     r"|\btold (?:reporters|journalists|the press)\b|\bgaggle\b"),
    ("call", ("phone", "call", "video"),
     r"\b(?:tele)?phone call\b|\bvideo (?:call|conference)\b|\bby (?:tele)?phone\b"
     r"|\bover the (?:tele)?phone\b|\bspoke on the (?:tele)?phone\b|\bcall with\b"),
    ("interview", ("interview", "talk", "live"),
     r"\binterview(?:ed)?\b|\btalk show\b|\blive on (?:television|TV|radio)\b"),
    ("vote", ("vot", "passed", "adopted", "veto"),
     r"(?<!\bto\s)\bvot(?:e|ed|es|ing) (?:on|for|against|to|in favou?r)\b"
     r"|\bpassed (?:a|the) (?:resolution|bill|motion)\b|\badopted (?:a|the) resolution\b|\bvetoe?d?\b"),
    ("speech", ("speech", "remarks", "address", "televised", "speaking", "event", "ceremony", "congress",
                "parliament", "assembly"),
     r"\b(?:deliver(?:ed|s)?|gave|give|giving) (?:(?:a|his|her|the) )?(?:\w+ )?(?:speech|remarks|address)\b"
     r"|\b(?:a|his|her|their) (?:\w+ )?speech\b|\btelevised (?:announcement|address|statement)\b"
     r"|\b(?:was|were) speaking (?:at|to|in)\b|\baddressed (?:the|a)\b"
     r"|\b(?:during|at) (?:an?|the) (?:\w+ )?(?:event|ceremony)\b"
     r"|\b(?:in|before) (?:the |\w+'s )?(?:National )?(?:Congress|Parliament|National Assembly)\b"),
    ("meeting", ("met", "meeting", "summit", "talks", "convened"),
     r"\bmet (?:with|today|yesterday|on|in|at|for)\b"
     r"|\b(?:chaired|held|hosted|convened) (?:a|an|the) (?:\w+ )?(?:meeting|summit|talks)\b"
     r"|\bconvened (?!by\b)|\bmeeting (?:with|between)\b"),
    ("statement", ("statement", "release", "letter", "declared", "post", "tweet", "twitter", " x"),
     r"\b(?:in|issued|released|published) (?:a|an|the) (?:\w+ )?(?:statement|release|letter)\b"
     r"|\bstatement (?:said|says|read|stated)\b|\b(?:a|the) (?:\w+ )?statement (?:from|by)\b"
     r"|\bsent (?:a|an) letter\b|\bdeclared\b|\b(?:said|wrote) (?:in a|on) (?:post|tweet|Twitter|X)\b"),
)
_LEAD_CUES = tuple((kind, keys, _cue(pattern)) for kind, keys, pattern in LEAD_CUES)
# Headlines of releases name their genre.
TITLE_CUES = (
    ("call", r"\bcalls? with\b|\b(?:phone|telephone|video) call\b|\bread-?out\b.*\b(?:call|phone)\b"),
    ("meeting", r"\bmeeting\b|\bmeets\b|\bread-?out\b|\bsummit\b|\btalks with\b"),
    ("press_briefing", r"\bpress (?:briefing|conference|availability|gaggle)\b|\bbriefing\b"
                       r"|\bremarks to (?:the )?(?:press|media|reporters)\b"),
    ("interview", r"\binterview\b"),
    ("speech", r"\bremarks\b|\bspeech\b|\baddress (?:to|at|by)\b"),
    ("statement", r"\bstatement\b|\bfact sheet\b|\bpress release\b|\bproclamation\b|\bmemorandum\b"),
)
_TITLE_CUES = tuple((kind, _cue(pattern)) for kind, pattern in TITLE_CUES)
_RELEASE_TITLE = _cue(r"^\s{0,4}(?:(?:Joint )?Statement|Readout|Remarks|Fact Sheet|Press Release|Media Note"
                      r"|Proclamation|Memorandum|Message)\b")
# A byline under the headline: an issuing office ("Office of the Spokesperson", "Press Office") or
# "Name, Title" ("Antony J. Blinken, Secretary of State").
_ISSUER_LINE = re.compile(
    r"^(?:(?:The\s{1,4})?Office\s{1,4}of\s{1,4}the\s{1,4}[A-Z][\w ]+"
    r"|[A-Z][\w ]*\b(?:Office|Bureau|Press\s{1,4}Secretary))$"
    r"|^[A-Z][\w.'’ -]+,\s{1,4}[A-Z][\w’'-]*(?:\s{1,4}[A-Z][\w’'-]*)*(?:\s{1,4}of\s{1,4}(?:the\s{1,4})?[A-Z][\w ]+)?$")
_TURN = re.compile(r"^(?:[A-Z][A-Z.'’-]+ ){0,3}[A-Z][A-Z.'’-]+:[ \t]", re.M)
TRANSCRIPT_WINDOW = 3000
_NAME = r"[A-Z][\w.'’-]*(?:\s{1,4}[A-Z][\w.'’-]*){0,3}"
# "Islamabad, Pakistan –", "WASHINGTON —", "Geneva, Switzerland, March 3 –"
_DATELINE = re.compile(
    rf"(?P<place>{_NAME})(?:,\s{{1,4}}{_NAME})?(?:,\s{{1,4}}[^–—\n]{{3,30}})?\s{{1,4}}(?:–|—|--|-)\s{{1,4}}")
_EVENT_PLACE = re.compile(
    r"\b(?:met|meeting|spoke|speaking|held|took\s{1,4}place|gathered|ceremony|event|conference|rally)"
    r"\b[^.\n]{0,60}?\b(?:in|at)\s{1,4}(?:the\s{1,4})?"
    r"(?P<place>[A-Z][\w'’-]*(?:\s{1,4}(?:of\s{1,4})?[A-Z][\w'’-]*){0,4})")
_SPOKESPERSON = re.compile(
    r"(?P<org>(?:[A-Z][\w'’&-]*\s{1,4}){0,4}?(?:Office|Ministry|Department|Council|Agency|Commission|House"
    r"|Government|Embassy|Mission|Secretariat|Presidency|Cabinet|Army|Police|Military|Forces)"
    r"(?:\s{1,4}of(?:\s{1,4}the)?(?:\s{1,4}[A-Z][\w'’-]*)+)?)"
    r"\s{1,4}(?:spokesperson|spokesman|spokeswoman|spokespeople|press\s{1,4}secretary)\b")
_LEADING_THE = re.compile(r"^The\s{1,4}")
_WHEN = re.compile(
    rf"\b(?:(?:late|early)\s{{1,4}})?(?:on\s{{1,4}})?(?P<day>{dates.WEEKDAY_NAMES})"
    r"(?:\s{1,4}(?:morning|afternoon|evening|night))?\b"
    r"|\b(?P<rel>yesterday|today|tonight|this\s{1,4}(?:morning|afternoon|evening))\b", re.I)
_COUNTRY = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in countries.NAMES) + r")\b")
LEAD_SENTENCES = 3
LEAD_CHARS = 600  # of each lead sentence: an event is named early, and a runaway "sentence" costs no more


def describe(doc):
    """Fill ``doc.briefing``: kind, date, date_text, location, host, participants."""
    lead = _lead(doc)
    kind, cue_sentence = _kind(doc, lead)
    b = doc.briefing
    b.kind = kind
    b.date, b.date_text = _date(doc, lead)
    b.location = _location(doc, lead)
    b.host = _host(doc, lead) if kind == "press_briefing" else None
    b.participants = _participants(doc, cue_sentence)
    return doc


def _body_lines(doc):
    """The body's non-empty lines, as (start, end), skipping separator lines."""
    for m in re.finditer(r"[^\n]+", doc.text[doc.body_start:]):
        line = m.group().strip()
        if line and not re.fullmatch(r"[-=_*\s]{3,}", line):
            yield doc.body_start + m.start(), doc.body_start + m.end()


def _lead(doc):
    """The first sentences of the body, after the dateline and any byline: (start, end) spans."""
    lines = []
    for start, end in _body_lines(doc):
        line = doc.text[start:end].strip()
        if len(line) <= 80 and (dates.dateline(doc.text, start) and len(line) <= 40 or _ISSUER_LINE.match(line)
                                or line.endswith(":")):
            continue  # a dateline or a byline
        lines.append((start, end))
        if len(lines) >= LEAD_SENTENCES:
            break
    sentences = lines
    if doc.sentences and lines:
        sentences = []
        for s in doc.sentences:
            if s.start >= lines[-1][1] or len(sentences) >= LEAD_SENTENCES:
                break
            if any(a <= s.start < b for a, b in lines):
                sentences.append((s.start, s.end))
    return [(start, min(end, start + LEAD_CHARS)) for start, end in sentences[:LEAD_SENTENCES]]


def _is_transcript(doc):
    """Question-and-answer turns ("QUESTION: ...", "MR PRICE: ..."): the record of a briefing."""
    return len(_TURN.findall(doc.text, doc.body_start, doc.body_start + TRANSCRIPT_WINDOW)) >= 2


def _is_release(doc):
    if _RELEASE_TITLE.match(doc.title or doc.text[:doc.body_start]) or _is_transcript(doc):
        return True
    for start, end in _body_lines(doc):
        return bool(_ISSUER_LINE.match(doc.text[start:end].strip()))
    return False


def _kind(doc, lead):
    """The briefing kind and the sentence that showed it (None when nothing did)."""
    title = doc.title or doc.text[:doc.body_start]
    release = _is_release(doc)
    if release:  # a release's headline names its genre
        for kind, pattern in _TITLE_CUES:
            if pattern.search(title):
                return kind, lead[0] if lead else None
    lowered = [doc.text[start:end].lower() for start, end in lead]
    for kind, keys, pattern in _LEAD_CUES:
        for (start, end), low in zip(lead, lowered):
            if any(k in low for k in keys) and pattern.search(doc.text, start, end):
                return kind, (start, end)
    if release:
        return ("press_briefing" if _is_transcript(doc) else "statement"), lead[0] if lead else None
    return "news_report", None


def _date(doc, lead):
    """The event's date (ISO, when the article fixes it) and the words that give it."""
    reference = dates.reference_date(doc.text, doc.body_start, doc.published)
    for start, end in lead[:2]:
        m = dates.DATE.search(doc.text, start, end)
        if m and (m.group("y1") or m.group("y2") or reference):
            value = dates.date_value(m, reference)
            if value and len(value) == 10:
                return value, m.group()
        m = _WHEN.search(doc.text, start, end)
        if m:
            return _resolve(m, reference), m.group()
    return None, None


def _resolve(m, reference):
    if reference is None:
        return None
    if m.group("day"):
        back = (reference.weekday() - dates.WEEKDAYS.index(m.group("day").lower())) % 7
        return (reference - datetime.timedelta(days=back)).isoformat()
    if m.group("rel").lower() == "yesterday":
        return (reference - datetime.timedelta(days=1)).isoformat()
    return reference.isoformat()


def _location(doc, lead):
    for start, end in _body_lines(doc):
        m = _DATELINE.match(doc.text, start, end)
        if m:
            place = m.group("place")
            return place.title() if place.isupper() else place
        break
    for start, end in lead[:2]:
        m = _EVENT_PLACE.search(doc.text, start, end)
        if m:
            return m.group("place")
    return None


def _host(doc, lead):
    """The organisation whose spokesperson briefs ("Foreign Office spokesperson" → "Pakistan Foreign Office")."""
    for start, end in lead:
        m = _SPOKESPERSON.search(doc.text, start, end)
        if not m:
            continue
        org = _LEADING_THE.sub("", m.group("org"))
        if _COUNTRY.match(org):
            return org
        country = _COUNTRY.search(doc.text, doc.body_start)
        return f"{countries.canonical(country.group())} {org}" if country else org
    return None


def _participants(doc, sentence):
    """Ids of the speakers named in the sentence that names the event, outside what anyone is reported to
    have said ("the spokesperson stated that Pakistan condemns ..." has the spokesperson take part, not
    Pakistan); a sentence attributed after the fact ("Doe spoke with Roe, according to a statement") is the
    event itself, not words inside it. A person named there who said nothing quotable still took part, and
    becomes a speaker of the article."""
    if sentence is None:
        return []
    start, end = sentence
    said = [(st.content.start, st.content.end) for st in doc.statements
            if st.cue is None or st.cue.start < st.content.start]
    out = []
    for mention in doc.mentions:
        if not start <= mention.start < end or any(a <= mention.start < b for a, b in said):
            continue
        sid = mention.speaker_id
        if sid is None and mention.kind == "name":
            sid = _person_named(doc, mention.text)
        if sid and sid in doc.speakers and sid not in out:
            out.append(sid)
    return out


def _person_named(doc, text: str) -> str | None:
    """The id of the person a name mention names: a speaker of the article by that name or alias, else a new one."""
    name, role, affiliation, kind = describe_mention(text)
    if kind != "person":
        return None
    key = fold(name)
    for sp in doc.speakers.values():
        if sp.kind == "person" and (fold(sp.name) == key or any(fold(a) == key for a in sp.aliases)):
            return sp.id
    sp = Speaker(id=speaker_id(name), name=name, kind="person", role=role, affiliation=affiliation, aliases=[name])
    doc.speakers.setdefault(sp.id, sp)
    return sp.id

"""Stage 5: resolve the words naming each statement's source to one speaker per entity.

Within one article, in reading order:

* names are taken without titles and editorial brackets ("[Secretary
  Blinken]" -> "Blinken") and mapped to the fullest form of the same person
  the article gives anywhere ("Blinken" -> "Antony J. Blinken"): same last
  word, compatible first word;
* countries and demonyms take their canonical name ("U.S." -> "United
  States"), with every form seen kept as an alias;
* a release or statement "of"/"from" an actor, or qualified by a demonym ("a
  Pakistani statement", "the statement from the US State Department"), is
  that actor;
* pronouns go to the nearest earlier speaker of a compatible kind ("she",
  "he" -> a person; "it", "they", "we" -> an organisation, country or group;
  "they" may also be a group);
* role nouns ("the spokesperson", "the Secretary") go to the latest person
  whose role contains that noun, else to the latest person speaker;
* a statement with no words of its own (a continued quotation) has the
  speaker of the statement before it.

Quotes take the speaker of their statement. Across articles, speakers are
merged by ``ids.speaker_id`` of the folded full name.
"""
import re

from . import countries, ids
from .attribution import quote_sources
from .mentions import ORG_HEADS, PRONOUNS, TITLES, describe
from .names import fold
from .records import Speaker

_DOCUMENT_WORDS = frozenset("statement release report letter post tweet resolution readout communique "
                            "communiqué declaration study survey memo message notice poll analysis website "
                            "summary ruling order filing".split())
_GROUP_HEADS = frozenset("officials sources residents protesters protestors experts analysts witnesses critics "
                         "authorities participants leaders lawmakers legislators senators activists researchers "
                         "scientists doctors investigators prosecutors diplomats ministers members organizers "
                         "organisers observers officers spokespeople students workers parents reporters media "
                         "supporters opponents demonstrators campaigners rescuers militants rebels troops "
                         "people police".split())
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
_PERSON_PRONOUNS = frozenset("he she".split())


def _clean(words: str) -> str:
    words = re.sub(r"\s*\([^)]*\)", "", words)  # "World Health Organization (WHO)"
    words = re.sub(r"[\[\]]", "", words).strip(" ,.;:\"“”'’")
    words = re.sub(r"['’]s$", "", words)
    return re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I)


def _surname(name: str) -> str:
    words = [w for w in fold(name).split() if w not in _SUFFIXES and w not in ("jr", "sr")]
    return words[-1] if words else ""


class _Resolver:
    def __init__(self, doc):
        self.doc = doc
        self.speakers: dict[str, Speaker] = {}
        self.order: list[Speaker] = []  # speakers in the order they last spoke
        self.people = self._people()

    def _people(self) -> list[tuple[str, list[str], str]]:
        """Every person name the article gives (with its folded words and surname), fullest first."""
        out = []
        for m in self.doc.mentions:
            if m.kind == "name":
                name, _, _, kind = describe(_clean(m.text))
                if kind == "person":
                    out.append(name)
        return [(full, fold(full).split(), _surname(full)) for full in sorted(set(out), key=len, reverse=True)]

    def fullest(self, name: str) -> str:
        words = fold(name).split()
        if not words:
            return name
        last, first = _surname(name), words[0]
        for full, fw, surname in self.people:
            if surname == last and (len(words) == 1 or fw[0] == first or fw[0][0] == first[0]):
                return full
        return name

    def add(self, name: str, kind: str, surface: str, role: str | None = None, affiliation: str | None = None):
        sid = ids.speaker_id(name)
        sp = self.speakers.get(sid)
        if sp is None:
            sp = self.speakers[sid] = Speaker(id=sid, name=name, kind=kind, role=role, affiliation=affiliation)
        sp.role = sp.role or role
        sp.affiliation = sp.affiliation or affiliation
        if surface and surface not in sp.aliases:
            sp.aliases.append(surface)
        if sp in self.order:
            self.order.remove(sp)
        self.order.append(sp)
        return sp

    def latest(self, kinds: tuple[str, ...], role_word: str | None = None) -> Speaker | None:
        for sp in reversed(self.order):
            if sp.kind in kinds and (role_word is None or role_word in fold(sp.role or "").split()):
                return sp
        return None

    def resolve(self, words: str, position: int) -> Speaker | None:
        surface = words
        text = _clean(words)
        if not text:
            return None
        low = text.lower()
        if low in PRONOUNS:
            if low in _PERSON_PRONOUNS:
                return self.touch(self.subject_before(position) or self.latest(("person",))
                                  or self.person_before(position), surface)
            return self.touch(self.latest(("organization", "country", "group")) or self.latest(("person",)),
                              surface)
        actor = self.actor_of_document(text)
        if actor == text:
            return self.add(text, "document", surface)
        if actor:
            return self.resolve(actor, position)
        country = countries.canonical(text)
        if country:
            return self.add(country, "country", surface)
        name, role, affiliation, kind = describe(text)
        if kind == "person":
            return self.add(self.fullest(name), "person", surface, role, affiliation)
        if kind == "role" or fold(text).split()[-1:] and fold(text).split()[-1] in TITLES:
            word = fold(text).split()[-1]
            sp = self.latest(("person",), word) or self.titled_before(word, position) or self.latest(("person",))
            if sp is not None:
                return self.touch(sp, surface)
            return self.add(text, "person", surface, role=text)
        if kind == "organization":
            return self.add(text, "organization", surface, affiliation=affiliation)
        head = fold(text).split()[-1] if fold(text) else ""
        if head in _GROUP_HEADS:
            return self.add(text, "group", surface)
        if head in ORG_HEADS:
            return self.add(text, "organization", surface)
        if text[0].isupper():
            return self.add(self.fullest(text) if len(text.split()) <= 4 else text, "person"
                            if len(text.split()) <= 4 else "other", surface)
        return self.add(text, "other", surface)

    def touch(self, sp: Speaker | None, surface: str) -> Speaker | None:
        if sp is not None:
            self.add(sp.name, sp.kind, surface)
        return sp

    def titled_before(self, word: str, position: int) -> Speaker | None:
        """The latest person named before ``position`` with ``word`` in their title ("President Joe Biden",
        "archbishop Jorge Scheinig")."""
        for m in reversed(self.doc.mentions):
            if m.start < position and m.kind == "name":
                name, role, aff, kind = describe(_clean(m.text))
                title = (role or "") + " " + self.doc.text[max(0, m.start - 30):m.start]
                if kind == "person" and word in fold(title).split()[-4:]:
                    return self.add(self.fullest(name), "person", m.text, role, aff)
        return None

    def subject_before(self, position: int) -> Speaker | None:
        """For "he"/"she": the person who is the subject of the nearest earlier sentence that has one, when
        that sentence comes after the latest statement ("Bloomberg endorsed Joe Biden. “…,” he said")."""
        last_said = max((st.content.start for st in self.doc.statements
                         if st.speaker_id and st.content.end <= position), default=-1)
        for s in reversed(self.doc.sentences):
            if s.end > position:
                continue
            if s.end <= last_said or position - s.end > 600:
                return None
            for m in self.doc.mentions:
                if s.start <= m.start < s.end:
                    if m.kind == "name" and describe(_clean(m.text))[3] == "person":
                        name, role, aff, _ = describe(_clean(m.text))
                        return self.add(self.fullest(name), "person", m.text, role, aff)
                    if m.kind in ("pronoun", "role"):
                        break
        return None

    def person_before(self, position: int) -> Speaker | None:
        """The latest person named before ``position``, for a pronoun with no earlier speaker."""
        for m in reversed(self.doc.mentions):
            if m.start < position and m.kind == "name":
                name, role, aff, kind = describe(_clean(m.text))
                if kind == "person":
                    return self.add(self.fullest(name), "person", m.text, role, aff)
        return None

    def actor_of_document(self, text: str) -> str | None:
        """"a Pakistani statement" -> "Pakistan"; "statement from the US State Department" -> that department."""
        words = fold(text).split()
        if not any(w in _DOCUMENT_WORDS for w in words):
            return None
        m = re.search(r"\b(?:from|of|by)\s+(?:the\s+)?([A-Z].*?[\w.)])(?:\s+[a-z][\w\s]*)?$", text)
        if m:
            return m.group(1)
        for token in re.findall(r"[A-Z][\w.’'-]*", text):
            c = countries.canonical(re.sub(r"['’]s$", "", token))
            if c:
                return c
        m = re.match(r"(.+?)['’]s\s", text)
        if m:
            return m.group(1)
        return text


def resolve(doc):
    r = _Resolver(doc)
    previous = None
    for st in sorted(doc.statements, key=lambda s: s.content.start):
        if st.speaker_mention is not None:
            sp = r.resolve(st.speaker_mention.text, st.speaker_mention.start)
        else:
            sp = r.speakers.get(previous.speaker_id) if previous is not None and previous.speaker_id else None
        st.speaker_id = sp.id if sp else None
        previous = st
    by_id = {st.id: st for st in doc.statements}
    sources = quote_sources(doc)
    for q in doc.quotes:
        st = by_id.get(q.statement_id)
        if st is not None:
            q.speaker_id = st.speaker_id
        elif q.id in sources:  # a quotation no statement claims: the subject of its clause
            sp = r.resolve(sources[q.id].text, sources[q.id].start)
            q.speaker_id = sp.id if sp else None
    for m in doc.mentions:
        if m.kind != "pronoun":
            sid = ids.speaker_id(_clean(describe(_clean(m.text))[0]))
            if sid in r.speakers:
                m.speaker_id = sid
    doc.speakers = r.speakers
    return doc

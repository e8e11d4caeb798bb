"""Stage 5: resolve the words naming each statement's source to one speaker per entity.

Within one article, in reading order:

* names are taken without titles and editorial brackets ("[Secretary
  Blinken]" -> "Blinken") and mapped to the fullest form of the same person
  the article gives anywhere ("Blinken" -> "Antony J. Blinken"): same last
  word, compatible first word; a person's role and affiliation are the
  longest the article gives them anywhere (``mentions.role_of``);
* countries and demonyms take their canonical name ("U.S." -> "United
  States"), with every form seen kept as an alias;
* a release or statement "of"/"from" an actor, or qualified by a demonym ("a
  Pakistani statement", "the statement from the US State Department"), is
  that actor;
* "he"/"she" go to the person who is the subject of the nearest earlier
  sentence when that sentence comes after the latest statement ("Smith
  endorsed John Brown. “…,” he said"), else to the latest person speaker;
  "they" to the latest group, "it"/"we" to the latest organisation or
  country, else to the latest organisation named;
* role nouns ("the spokesperson", "the Secretary") go to the latest person
  whose role contains that noun, else to a person titled so anywhere in the
  article, else to the latest person speaker; institution nouns ("the
  ministry", "the court") to the latest organisation with that head word;
* a bare release ("the statement also said") speaks for the latest speaker;
* a continued quotation (its words naming the source are those of the
  statement it continues) has the speaker of the statement before it;
* a release of several actors ("statements from both governments") has no
  single speaker; a bare document noun ("the resolution") takes the name the
  article gave it before ("a UN Security Council resolution").

Aliases are the names a speaker is called by, never pronouns or bare role
nouns (the API matches ``speaker=`` against them). Countries and
organisations collect every form the article uses ("US", "U.S.", "United
States"), and one organisation named two ways ("State Department", "US
Department of State") is one speaker.

Quotes take the speaker of their statement, unless ``attribution.quote_sources``
points at another source named for them (a reporter's cited source, the agent
of a naming verb); a quotation no statement claims takes the source it points
at. Across articles, speakers are merged by ``ids.speaker_id`` of the name's
identity; an unnamed role ("the minister" that no name in the article claims)
is a speaker of its own article only (``ids.unnamed_speaker_id``).
"""
import bisect
import re
from functools import lru_cache

from . import countries, ids
from .attribution import CITATION, PREPOSITIONS, quote_sources
from .cues import RELEASES
from .mentions import (GROUP_NOUNS, ORG_HEADS, PORTFOLIOS, PRONOUNS, ROLE_HEADS, STOP, TITLES, describe, role_of,
                       role_text)
from .names import fold
from .records import Mention, Speaker, Statement

# Documents that can be the source of a statement ("the report", "a Pakistani statement").
_DOCUMENT_WORDS = frozenset(RELEASES) | frozenset("""
report resolution communique communiqué declaration study survey memo notice poll analysis website summary
ruling order filing
""".split())
_GROUP_HEADS = frozenset(GROUP_NOUNS.split("|")) | {"people"}
_ISSUED_BY = re.compile(r"\b(?:from|by)\s+(?:the\s+)?([A-Z].*?[\w.)])(?:\s+[a-z]+)*$")
_OF_ACTOR = re.compile(r"\bof\s+(?:the\s+)?([A-Z].*?[\w.)])(?:\s+[a-z]+)*$")
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# "statements from both governments": a release of several actors has no single speaker.
_SEVERAL = re.compile(r"\b(?:from|by|of)\s+(?:both|all|several|many|the\s+(?:two|three|four|several))\b", re.I)
_PERSON_PRONOUNS = frozenset("he she".split())
# "her office", "Khan's office", "a statement from the Prime Minister's office": the office speaks for its holder
_OFFICE_OF = re.compile(r"\b(?:(his|her)|([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)['’]s)\s+office\b")
_POSSESSIVE_PRONOUN = {"his": "he", "her": "she"}
_POSSESSIVES = frozenset("his her its their our my your".split())


@lru_cache(maxsize=4096)
def _clean(words: str) -> str:
    words = re.sub(r"\s*\([^)]*\)", "", words)  # "World Health Organization (WHO)"
    words = re.sub(r"[\[\]]", "", words).strip(" ,.;:\"“”'’")
    words = re.sub(r"['’]s$", "", words)
    return re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I)


def _alias(surface: str) -> str | None:
    """The surface form as an alias of its speaker, or None for words that are not a name of it: pronouns,
    bare role or institution nouns ("She", "the spokesperson", "The resolution", "the Secretary"), and the
    releases it issued ("Their statement", "a statement released by Doe's office")."""
    text = re.sub(r"^(?:the|a|an)\s+", "", re.sub(r"[\[\]]", "", surface).strip(" ,;:\"“”'’"), flags=re.I)
    words = text.split()
    if words and (words[0].lower() in _POSSESSIVES or any(w in _DOCUMENT_WORDS for w in words[:-1])):
        return None  # "Their statement", "statement released by …" (a document named as one keeps its name)
    if not words or not any(w[0].isupper() for w in words) or all(
            w.lower() in ROLE_HEADS or w.lower() in ORG_HEADS or w.lower() in TITLES or w.lower() in PORTFOLIOS
            or w.lower() in _DOCUMENT_WORDS or w.lower() in PRONOUNS or w.lower() in ("of", "for", "and")
            for w in words):
        return None
    return text


@lru_cache(maxsize=4096)
def _body_key(name: str) -> str | None:
    """What makes two names of a country or an organisation the same body: the country's canonical name, or
    the organisation's words without the country that qualifies it and with "X of Y" read as "Y X"
    ("US Department of State", "the State Department" -> "state department"); None for a bare head noun."""
    country = countries.canonical(name)
    if country:
        return country
    words = fold(name).split()
    while len(words) > 1 and countries.canonical(words[0].upper() if len(words[0]) <= 3 else words[0].title()):
        words = words[1:]
    if len(words) == 3 and words[1] == "of" and words[0] in ORG_HEADS:
        words = [words[2], words[0]]
    if not words or len(words) == 1 and words[0] in ORG_HEADS:
        return None
    return " ".join(words)


def _surname(name: str) -> str:
    words = [w for w in fold(name).split() if w not in _SUFFIXES and w not in ("jr", "sr")]
    return words[-1] if words else ""


class _LatestSaid:
    """The start of the latest statement given a speaker that ends by a position, as ``subject_before`` asks
    for each pronoun: a prefix-maximum (Fenwick) tree over statement ends, so that each question takes
    logarithmic time instead of a scan over every statement."""

    def __init__(self, statements: list[Statement]):
        self.ends = sorted({st.content.end for st in statements})
        self.tree = [-1] * (len(self.ends) + 1)

    def add(self, st: Statement) -> None:
        i = bisect.bisect_left(self.ends, st.content.end) + 1
        while i < len(self.tree):
            self.tree[i] = max(self.tree[i], st.content.start)
            i += i & -i

    def before(self, position: int) -> int:
        i, best = bisect.bisect_right(self.ends, position), -1
        while i > 0:
            best = max(best, self.tree[i])
            i -= i & -i
        return best


class _Resolver:
    def __init__(self, doc):
        self.doc = doc
        self.speakers: dict[str, Speaker] = {}
        self.unnamed: dict[str, str] = {}  # an unnamed role ("the minister") by its words: a speaker of this article
        self.order: dict[str, Speaker] = {}  # by id, in the order they last spoke
        self.said = _LatestSaid(doc.statements)
        self.people = self._people()
        self.sentence_starts = [s.start for s in doc.sentences]
        self.quoted = bytearray(len(doc.text) + 1)  # 1 inside a quotation: names there are not subjects
        for q in doc.quotes:
            self.quoted[q.start:q.end] = b"\x01" * (q.end - q.start)
        self.mention_starts = [m.start for m in doc.mentions]
        self._titles: dict[str, tuple[str | None, str | None]] = {}  # by person name, found when first needed
        self._named_by_word: dict[str, list] | None = None
        self._roles: dict[int, tuple[str | None, str | None]] = {}  # role_of by mention start
        # mentions of one sort in reading order (and their starts), each list built when first needed
        self._person_names: list[Mention] | None = None
        self._person_name_starts: list[int] = []
        self._bodies: list[Mention] | None = None
        self._body_starts: list[int] = []
        self._titled: dict[str, tuple[list[Mention], list[int]]] = {}
        self._orgs_by_head: dict[str, tuple[list[Mention], list[int]]] = {}
        self._named_before: dict[str, tuple[list[int], list[str | None]]] = {}

    def _people(self) -> list[tuple[str, list[str], str]]:
        """Every person name the article gives (with its folded words and surname), fullest first; names of the
        same length in the order the article gives them, so no run of the process decides differently."""
        out = []
        for m in self.doc.mentions:
            if m.kind == "name":
                name, _, _, kind = describe(_clean(m.text))
                if kind == "person":
                    out.append(name)
        return [(full, fold(full).split(), _surname(full)) for full in sorted(dict.fromkeys(out), key=len, reverse=True)]

    def fullest(self, name: str) -> str:
        words = fold(name).split()
        if not words:
            return name
        last, first = _surname(name), words[0]
        for full, fw, surname in self.people:
            if surname == last and (len(words) == 1 or fw[0] == first or fw[0][0] == first[0]):
                return full
        return name

    def title(self, name: str) -> tuple[str | None, str | None]:
        """The role and affiliation the article gives the person ``name`` where it names them with one (the
        longest such role: "former US President" over "President")."""
        if name not in self._titles:
            if self._named_by_word is None:  # name mentions by each of their words, built once
                self._named_by_word = {}
                for m in self.doc.mentions:
                    if m.kind == "name":
                        for word in set(re.findall(r"[\w'’-]+", m.text.lower())):
                            self._named_by_word.setdefault(word, []).append(m)
            last, best = name.split()[-1].lower(), (None, None)
            for m in self._named_by_word.get(last, ()):
                if m.start not in self._roles:  # each mention's role is read once, whoever asks
                    self._roles[m.start] = role_of(self.doc.text, m.start, m.end)
                role, affiliation = self._roles[m.start]
                if role and len(role) > len(best[0] or "") and self.fullest(describe(_clean(m.text))[0]) == name:
                    best = (role, affiliation)
            self._titles[name] = best
        return self._titles[name]

    def add(self, name: str, kind: str, surface: str, role: str | None = None, affiliation: str | None = None):
        sid = self.unnamed.get(name) or ids.speaker_id(name)
        sp = self.speakers.get(sid)
        if sp is None:
            if kind == "person":  # the title the article gives them anywhere, else the one written here
                titled = self.title(name)
                role, affiliation = titled if titled[0] else (role_text(role), affiliation)
            sp = self.speakers[sid] = Speaker(id=sid, name=name, kind=kind, role=role, affiliation=affiliation,
                                              aliases=[name] if _alias(name) else [])
        sp.role = sp.role or role
        sp.affiliation = sp.affiliation or affiliation
        alias = _alias(surface) if surface else None
        if alias and alias not in sp.aliases:
            sp.aliases.append(alias)
        self.order.pop(sid, None)
        self.order[sid] = sp
        return sp

    def latest(self, kinds: tuple[str, ...], role_word: str | None = None) -> Speaker | None:
        for sp in reversed(self.order.values()):
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
            first = ("group",) if low == "they" else ("organization", "country")
            return self.touch(self.latest(first) or self.latest(("organization", "country", "group"))
                              or self.body_before(position) or self.latest(("person",)), surface)
        if _SEVERAL.search(text):
            return None
        if CITATION.fullmatch(text):  # "Doe v. Roe", "50 U.S.C. 3091": the text a quotation is cited from
            return self.add(text, "document", surface)
        office = _OFFICE_OF.search(text)
        if office:
            holder = self.holder_of_office(office.group(1) or office.group(2), position)
            if holder is not None and holder.kind == "person":
                return self.touch(holder, surface)
        actor = self.actor_of_document(text)
        if actor == text:
            if low.split()[-1] in RELEASES and len(low.split()) <= 2:  # "the statement": its issuer (reports and
                # resolutions speak for themselves)
                sp = self.latest(("person", "organization", "country", "group"))
                if sp is not None:
                    return self.touch(sp, surface)
            return self.add(self.document_named(text, position), "document", surface)
        if actor:
            return self.resolve(actor, position)
        country = countries.canonical(text)
        if country:
            return self.add(country, "country", surface)
        name, role, affiliation, kind = describe(text)
        if fold(text).split()[-1:] and fold(text).split()[-1] in _GROUP_HEADS and kind != "person":
            return self.add(text, "group", surface)  # "Japanese officials", "the protesters"
        if kind == "person":
            return self.add(self.fullest(name), "person", surface, role, affiliation)
        if kind == "document":
            return self.add(text, "document", surface)
        if kind == "role" or kind == "other" and fold(text).split()[-1:] and fold(text).split()[-1] in TITLES:
            word = fold(text).split()[-1]
            sp = self.latest(("person",), word) or self.titled_before(word, position) or self.latest(("person",))
            if sp is not None:
                return self.touch(sp, surface)
            self.unnamed.setdefault(text, ids.unnamed_speaker_id(text, self.doc.content_hash))
            return self.add(text, "person", surface, role=text)
        head = low.split()[-1]
        if kind == "organization" or head in ORG_HEADS:
            if text.islower() and head in ORG_HEADS:  # "the ministry", "the three-judge court": the one named before
                sp = self.organization_before(head, position)
                if sp is not None:
                    return self.touch(sp, surface)
            return self.add(text, "organization", surface, affiliation=affiliation)
        if head in _GROUP_HEADS:
            return self.add(text, "group", surface)
        if text[0].isupper():
            return self.add(self.fullest(text) if len(text.split()) <= 4 else text, "person"
                            if len(text.split()) <= 4 else "other", surface)
        return self.add(text, "other", surface)

    def merge_bodies(self):
        """Give each country and organisation every form the article names it by ("US", "U.S.", "United
        States"; "State Department", "US Department of State"), and make one speaker of an organisation the
        article names two ways: the fullest name stays, statements and quotes follow it."""
        bodies: dict[str, Speaker] = {}
        moved: dict[str, str] = {}
        for sp in sorted(self.speakers.values(), key=lambda sp: -len(sp.name)):
            key = _body_key(sp.name) if sp.kind in ("organization", "country") else None
            if key is None:
                continue
            if key in bodies:
                keep = bodies[key]
                keep.aliases += [a for a in [sp.name, *sp.aliases] if a not in keep.aliases]
                moved[sp.id] = keep.id
                del self.speakers[sp.id]
            else:
                bodies[key] = sp
        for m in self.doc.mentions if bodies else ():
            sp = bodies.get(_body_key(_clean(m.text))) if m.kind in ("organization", "country") else None
            alias = _alias(m.text) if sp is not None else None
            if alias and alias not in sp.aliases:
                sp.aliases.append(alias)
        if moved:
            for record in (*self.doc.statements, *self.doc.quotes):
                record.speaker_id = moved.get(record.speaker_id, record.speaker_id)

    def document_named(self, text: str, position: int) -> str:
        """"the resolution" -> the fullest name the article gave it before ("a UN Security Council
        resolution"): the latest capitalised words written right before the same noun."""
        if not text.islower() or " " in text:
            return text
        doc = self.doc
        pattern = re.compile(rf"((?:[A-Z][\w.-]*[ \t]+)+){re.escape(text)}\b")
        if text not in self._named_before:  # every naming in the body, read once per noun
            ends, names = [], []
            for found in pattern.finditer(doc.text, doc.body_start):
                ends.append(found.end())
                names.append(self._document_name(found, text))
            self._named_before[text] = (ends, names)
        ends, names = self._named_before[text]
        k = bisect.bisect_left(ends, position)  # the namings that end before ``position`` ...
        seen = names[:k]
        if doc.text.endswith(text, doc.body_start, position):  # ... and one that ends right at it, read alone
            lo = max(ends[k - 1] if k else doc.body_start, self._run_start(position))
            seen += [self._document_name(found, text) for found in pattern.finditer(doc.text, lo, position)]
        return next((name for name in reversed(seen) if name), text)

    @staticmethod
    def _document_name(found: re.Match, text: str) -> str | None:
        """The name a naming gives the noun ``text``, without leading function words; None for none."""
        words = found.group(1).split()
        while words and words[0].lower() in STOP:
            words = words[1:]
        if words and not any(w.endswith(".") and w.count(".") < 2 for w in words):
            return " ".join(words) + " " + text
        return None

    def _run_start(self, position: int) -> int:
        """Where the run of word characters, dots, hyphens, spaces and tabs that ends at ``position`` starts:
        a naming that ends at ``position`` lies inside it."""
        start = position
        while start > self.doc.body_start and (self.doc.text[start - 1] in "._- \t" or self.doc.text[start - 1].isalnum()):
            start -= 1
        return start

    def touch(self, sp: Speaker | None, surface: str) -> Speaker | None:
        if sp is not None:
            self.add(sp.name, sp.kind, surface)
        return sp

    def titled_before(self, word: str, position: int) -> Speaker | None:
        """The latest person named before ``position`` with ``word`` in their title ("President Ana Reyes",
        "archbishop Luis Gomez"), else the first one named after it."""
        if word not in self._titled:  # the people titled so, in reading order, found once per title word
            found = []
            for m in self.doc.mentions:
                if m.kind == "name":
                    name, role, aff, kind = describe(_clean(m.text))
                    title = (role or "") + " " + self.doc.text[max(0, m.start - 30):m.start]
                    if kind == "person" and word in fold(title).split()[-4:]:
                        found.append(m)
            self._titled[word] = (found, [m.start for m in found])
        found, starts = self._titled[word]
        if not found:
            return None
        k = bisect.bisect_left(starts, position)
        m = found[k - 1] if k else found[0]
        name, role, aff, _ = describe(_clean(m.text))
        return self.add(self.fullest(name), "person", m.text, role, aff)

    def subject_before(self, position: int) -> Speaker | None:
        """For "he"/"she": the first person named (not after a preposition) in the nearest earlier sentence that
        names one, when that sentence comes after the latest statement ("Smith endorsed John Brown. “…,” he
        said")."""
        doc = self.doc
        last_said = self.said.before(position)
        k = bisect.bisect_right(self.sentence_starts, position) - 2  # the sentence before the pronoun's
        while k >= 0:
            s = doc.sentences[k]
            if s.end <= last_said or s.start <= last_said or position - s.end > 600:
                return None  # the latest statement is here or later: its speaker stands
            found = self.first_subject(s.start, s.end)
            if found is not None:
                return found or None
            k -= 1
        return None

    def first_subject(self, start: int, end: int) -> Speaker | bool | None:
        """The first person named in [start, end), not after a preposition; False when a pronoun or role noun
        opens the sentence ("She …": the speaker before stands); None when there is neither."""
        doc = self.doc
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end)
        for m in doc.mentions[lo:hi]:
            before = doc.text[max(start, m.start - 30):m.start].split()
            if self.quoted[m.start] or before and before[-1].lower() in PREPOSITIONS:
                continue
            name, role, aff, kind = describe(_clean(m.text))
            if m.kind == "name" and kind == "person":
                return self.add(self.fullest(name), "person", m.text, role, aff)
            if m.kind in ("pronoun", "role") and not before:
                return False
        return None

    def holder_of_office(self, pronoun_or_name: str, position: int) -> Speaker | None:
        """Whose office "her office" / "Khan's office" is: for a pronoun, the subject of the same sentence
        first ("Okafor spoke with Brandt, according to her office"), else as any pronoun."""
        if pronoun_or_name in _POSSESSIVE_PRONOUN:
            k = bisect.bisect_right(self.sentence_starts, position) - 1
            here = self.first_subject(self.doc.sentences[k].start, position) if k >= 0 else None
            return here or self.resolve(_POSSESSIVE_PRONOUN[pronoun_or_name], position)
        return self.resolve(pronoun_or_name, position)

    def organization_before(self, head: str, position: int) -> Speaker | None:
        """"the office", "the court": the latest organisation with that head word that spoke, else the one the
        article names most often before (the fullest name of equals), else the latest organisation that spoke."""
        for sp in reversed(self.order.values()):
            if sp.kind == "organization" and head in fold(sp.name).split():
                return sp
        if head not in self._orgs_by_head:  # organisations named with this head word, found once per head
            found = [m for m in self.doc.mentions if m.kind == "organization"
                     and head in fold(m.text).split() and len(fold(m.text).split()) > 1]
            self._orgs_by_head[head] = (found, [m.start for m in found])
        found, starts = self._orgs_by_head[head]
        named: dict[str, int] = {}
        for m in found[:bisect.bisect_left(starts, position)]:
            named[_clean(m.text)] = named.get(_clean(m.text), 0) + 1
        if named:
            name = max(named, key=lambda n: (named[n], len(n)))  # most named, then the fullest name
            return self.add(name, "organization", name)
        return self.latest(("organization",))

    def body_before(self, position: int) -> Speaker | None:
        """For "it"/"they" with no earlier collective speaker: the latest organisation named before them."""
        if self._bodies is None:  # organisations named outside quotations, found once
            self._bodies = [m for m in self.doc.mentions if m.kind == "organization" and not self.quoted[m.start]]
            self._body_starts = [m.start for m in self._bodies]
        k = bisect.bisect_left(self._body_starts, position)
        return self.add(_clean(self._bodies[k - 1].text), "organization", self._bodies[k - 1].text) if k else None

    def person_before(self, position: int) -> Speaker | None:
        """The latest person named before ``position``, for a pronoun with no earlier speaker."""
        if self._person_names is None:  # mentions that name a person, found once
            self._person_names = [m for m in self.doc.mentions
                                  if m.kind == "name" and describe(_clean(m.text))[3] == "person"]
            self._person_name_starts = [m.start for m in self._person_names]
        k = bisect.bisect_left(self._person_name_starts, position)
        if not k:
            return None
        m = self._person_names[k - 1]
        name, role, aff, _ = describe(_clean(m.text))
        return self.add(self.fullest(name), "person", m.text, role, aff)

    def actor_of_document(self, text: str) -> str | None:
        """"a Pakistani statement" -> "Pakistan"; "statement from the US State Department" -> that department."""
        words = fold(text).split()
        if not any(w in _DOCUMENT_WORDS or w.rstrip("s") in _DOCUMENT_WORDS for w in words):
            return None
        m = _ISSUED_BY.search(text)
        if m:
            return m.group(1)
        m = _OF_ACTOR.search(text)  # "the report of the Ministry": an actor only if it names one, not a topic
        if m and describe(m.group(1))[3] in ("organization", "country"):
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
        if st.speaker_mention is not None and st.rule != "continued":
            sp = r.resolve(st.speaker_mention.text, st.speaker_mention.start)
        else:
            sp = r.speakers.get(previous.speaker_id) if previous is not None and previous.speaker_id else None
        st.speaker_id = sp.id if sp else None
        if sp:
            r.said.add(st)
        previous = st
    by_id = {st.id: st for st in doc.statements}
    sources = quote_sources(doc)
    for q in doc.quotes:
        st = by_id.get(q.statement_id)
        if isinstance(sources.get(q.id), Statement):  # a statement of the same sentence
            q.speaker_id = sources[q.id].speaker_id
        elif q.id in sources:  # the words naming its source: a citation, an agent, the subject of its clause
            sp = r.resolve(sources[q.id].text, sources[q.id].start)
            q.speaker_id = sp.id if sp else (st.speaker_id if st is not None else None)
        elif st is not None:
            q.speaker_id = st.speaker_id
    r.merge_bodies()
    by_name = {sp.name: sp.id for sp in r.speakers.values()}
    for m in doc.mentions:
        if m.kind != "pronoun":
            m.speaker_id = by_name.get(describe(_clean(m.text))[0])
    doc.speakers = r.speakers
    return doc

"""Stage 3: find the words that can name a speaker.

Kinds, in the order they are looked for:

* ``name``, ``organization``, ``country``, ``role`` — runs of capitalised
  words ("US Secretary of State Antony Blinken", "Pakistan Foreign Office",
  "Pakistani", "the Secretary"), joined by "of", "the", "for" and name
  particles. A run is split into a leading role (titles, offices, countries,
  organisations: "US Secretary of State") and a trailing proper name
  ("Antony Blinken"); with no name left it is an organisation (it has a head
  noun such as Ministry, Department, Office, or is an acronym), a country or
  demonym, or a bare title (a ``role``). A role written before the name and
  set off by a comma ("Foreign Office spokesperson, Mumtaz Zahra Baloch,") is
  part of the mention.
* ``role`` — "the spokesperson", "the minister", "the foreign secretary".
* ``group`` — unnamed collectives: "officials", "Japanese officials", "the protesters".
* ``pronoun`` — he, she, they, it, we.

``describe(text)`` splits a mention's words into name, role and affiliation
for the speakers stage; the mention itself keeps the exact words written.
"""
import re
from functools import lru_cache

from . import countries
from .records import Mention

# Words that are offices and honorifics, not names (general English).
TITLES = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady madam
president vice deputy prime minister ministers secretary under assistant acting senior chief special
spokesperson spokesman spokeswoman spokespeople ambassador envoy representative rep rep. senator sen sen.
governor gov gov. mayor chancellor premier king queen prince princess crown emir sheikh sultan pope
cardinal bishop archbishop rev rev. reverend imam rabbi general gen gen. admiral colonel col col.
lieutenant lt lt. major maj maj. captain capt capt. commander sergeant sgt officer inspector detective
superintendent constable chairman chairwoman chairperson chair director commissioner counselor counsellor
attorney judge justice leader speaker president-elect secretary-general director-general undersecretary
foreign defense defence interior finance home state h.e. honorable honourable excellency his her
congressman congresswoman councilman councillor councilor lawmaker mp executive officer head
coordinator administrator adviser advisor spokesperson's press white house
""".split())
# Portfolios that follow "Secretary of" / "Minister for" and are not names.
PORTFOLIOS = frozenset("""
state affairs defense defence justice health treasury commerce interior energy education agriculture
labor labour transportation transport homeland security housing veterans trade finance economy
environment information communications culture tourism
""".split())
# Head nouns that make a capitalised run an organisation (general English).
ORG_HEADS = frozenset("""
ministry department office council commission committee agency administration government police party
court parliament assembly senate congress house union organization organisation bank fund corporation
company corp inc ltd group institute university college association federation league army navy
force forces service bureau authority board embassy consulate mission foundation network news times
post press journal tribune guardian herald telegraph gazette daily radio television tv channel
international watch movement front alliance coalition academy center centre society secretariat
cabinet command corps ministries nations relations project program programme initiative conference
""".split())
# Capitalised words that start sentences or name times, never speakers.
STOP = frozenset("""
the a an this that these those it its he she they we i you his her their our my your there here
in on at by for from to of with without about after before during since until as if when while where
but and or so yet however meanwhile also although though because according regarding following
speaking asked earlier later today yesterday tomorrow tonight last next what which who how why
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
begin end text read
""".split())
PRONOUNS = frozenset("he she they it we".split())
ROLE_NOUNS = ("spokesperson|spokesman|spokeswoman|minister|secretary|president|ambassador|envoy|official|"
              "chairman|chair|director|governor|mayor|senator|premier|chancellor|leader|commissioner|"
              "department|ministry|office|government|administration|embassy|statement|report|agency|"
              "company|police|court|council|committee|organisation|organization|group|party")
GROUP_NOUNS = ("officials|sources|residents|protesters|protestors|experts|analysts|witnesses|critics|"
               "authorities|participants|leaders|lawmakers|legislators|senators|activists|researchers|"
               "scientists|doctors|investigators|prosecutors|diplomats|ministers|members|organizers|"
               "organisers|observers|officers|spokespeople|students|workers|parents|police|media|"
               "reporters|supporters|opponents|demonstrators|campaigners|rescuers|militants|rebels|"
               "troops|forces")

_UP = "A-ZÀ-ÖØ-Þ"
# Every alternative starts with a capital (the lookahead lets the regex engine skip other characters fast).
_TOKEN = (rf"(?:(?:[{_UP}]\.){{2,}}|(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Gen|Sen|Rep|Gov|Lt|Col|Prof|Rev|Hon|Capt|Sgt|Maj|Adm)\."
          rf"|[{_UP}]\.(?=\s[{_UP}])|[{_UP}][\w]*(?:-\w+|['’](?!s\b)[A-Za-z]\w*)*)")
_JOIN = (r"(?:[ \t]+(?:(?:of|the|for|to|de|da|del|di|van|von|der|den|bin|ibn|al|el|la|le|du|y|on|and)[ \t]+)*"
         r"(?:(?:al|el)-)?)")
_RUN = re.compile(rf"(?=[{_UP}]){_TOKEN}(?:{_JOIN}{_TOKEN})*")
_SPLIT_TOKENS = re.compile(rf"{_TOKEN}")
# Role and group nouns are found first, then the words before them are taken on (cheaper than one big pattern).
_ROLE_NOUN = re.compile(rf"(?=[{''.join(sorted(set(w[0] for w in ROLE_NOUNS.split('|'))))}])\b(?:{ROLE_NOUNS})\b")
_ROLE_MODIFIERS = frozenset("foreign prime deputy vice chief senior top state assistant press defence defense "
                            "interior finance home acting former".split())
_GROUP_NOUN = re.compile(r"(?=[" + "".join(sorted({w[0] + w[0].upper() for w in GROUP_NOUNS.split("|")})) + r"])\b(?:"
                         + "|".join(f"[{w[0]}{w[0].upper()}]{w[1:]}" for w in GROUP_NOUNS.split("|")) + r")\b")
_GROUP_MODIFIERS = frozenset("the some several many other senior local state".split())
_PRONOUN = re.compile(r"(?=[HhSsTtIiWw])\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e)\b")
_PREVIOUS_WORD = re.compile(r"([\w-]+)[ \t]+$")

def _word(token: str) -> str:
    return token.lower().rstrip(",")


def _is_title(token: str) -> bool:
    w = _word(token)
    return w in TITLES or w.rstrip(".") in TITLES or w.split("-")[0] in TITLES


def _is_org_head(token: str) -> bool:
    return _word(token) in ORG_HEADS


def _is_acronym(token: str) -> bool:
    core = token.replace(".", "")
    return len(core) >= 2 and core.isupper() and core.isalpha()


@lru_cache(maxsize=4096)
def describe(text: str) -> tuple[str, str | None, str | None, str]:
    """Split a mention's words into (name, role, affiliation, kind).

    "US Secretary of State Antony Blinken" -> ("Antony Blinken", "US Secretary of State", "United States", "person");
    "Pakistani Foreign Office" -> ("Pakistani Foreign Office", None, "Pakistan", "organization").
    """
    text = re.sub(r"^[Tt]he\s+", "", text.strip().rstrip(","))
    if "," in text:  # "Foreign Office spokesperson, Mumtaz Zahra Baloch"
        role, _, name = text.rpartition(",")
        n, r, aff, kind = describe(name)
        return n, (role.strip() + (" " + r if r else "")).strip(), aff or _affiliation(role), kind
    country = countries.canonical(text)
    if country:
        return country, None, None, "country"
    # "President Hassan Rouhani of Iran", "Joshua Wong on Twitter": a person, then where they are from or wrote
    for m in re.finditer(r"\s+(?:of|from|on|in|at|via)\s+", text):
        left = describe(text[:m.start()])
        if left[3] == "person" and left[0][-1:].isalpha() and left[0].split()[-1][0].isupper():
            return left[0], left[1], left[2] or _affiliation(text[m.end():]), "person"
        if left[3] == "organization" and m.group().strip() != "of":  # "The Aam Aadmi Party in Goa"
            return left[0], None, left[2] or _affiliation(text[m.end():]), "organization"
    found = list(_SPLIT_TOKENS.finditer(text))
    tokens = [t.group() for t in found]
    if not tokens:
        return text, None, None, "other"
    # the trailing proper name: tokens that are not titles, portfolios, organisation heads, countries or ages
    k = len(tokens)
    while k > 0 and not _not_name(tokens[k - 1]):
        k -= 1
    if k < len(tokens):
        join = text[found[k - 1].end():found[k].start()] if k else ""
        heads = [i for i in range(k) if _is_org_head(tokens[i])]
        if heads and re.search(r"\b(?:of|for)\b", text[found[heads[-1]].end():found[k].start()]):
            return text, None, _affiliation(text), "organization"  # "University of California", "Government of Goa"
        if k and re.search(r"\b(?:of|for|to)\b", join):
            if len(tokens) - k >= 2:  # "Governor of Washington Chris Gregoire": the place belongs to the role
                k += 1
        name = text[found[k].start():]
        role = text[:found[k].start()].strip() or None
        return name, role, _affiliation(role), "person"
    if any(_is_org_head(t) for t in tokens) or all(_is_acronym(t) for t in tokens):
        return text, None, _affiliation(text), "organization"
    if all(_is_title(t) or _word(t) in PORTFOLIOS or countries.canonical(t) for t in tokens):
        return text, text, _affiliation(text), "role"
    return text, None, None, "other"


def _not_name(token: str) -> bool:
    return (_is_title(token) or _is_org_head(token) or _word(token) in PORTFOLIOS or bool(countries.canonical(token))
            or _is_acronym(token) or bool(re.search(r"\d|-year-old", token)))


def _affiliation(words: str | None) -> str | None:
    """The country named in a role ("US Secretary of State" -> "United States")."""
    if not words:
        return None
    for m in _SPLIT_TOKENS.finditer(words):
        c = countries.canonical(m.group())
        if c:
            return c
    return None


@lru_cache(maxsize=4096)
def _kind(text: str) -> str:
    kind = describe(text)[3]
    return {"person": "name", "other": "name"}.get(kind, kind)


def _runs(text: str, start: int, end: int, common: set[str]):
    """Capitalised runs in text[start:end], with sentence-initial function words trimmed."""
    for m in _RUN.finditer(text, start, end):
        a, b = m.start(), m.end()
        tokens = list(_SPLIT_TOKENS.finditer(text, a, b))
        # trim leading words that are not part of a name ("The", "On", "Regarding")
        i = 0
        while i < len(tokens) and (_word(tokens[i].group()) in STOP or (
                i == 0 and _sentence_initial(text, tokens[0].start()) and tokens[0].group().lower() in common
                and not _is_title(tokens[0].group()) and not countries.canonical(tokens[0].group())
                and not _is_org_head(tokens[0].group()))):
            i += 1
        j = len(tokens)
        while j > i and _word(tokens[j - 1].group()) in STOP:
            j -= 1
        if i < j:
            yield tokens[i].start(), tokens[j - 1].end()


def _sentence_initial(text: str, i: int) -> bool:
    before = text[max(0, i - 3):i].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:\n"


def _extend_left(text: str, a: int, modifiers: frozenset, most: int, capitals: bool) -> int:
    """Move ``a`` back over up to ``most`` words that modify the noun at ``a`` ("the foreign minister")."""
    for _ in range(most):
        m = _PREVIOUS_WORD.search(text, max(0, a - 40), a)
        if m is None:
            break
        word = m.group(1)
        if word.lower() in modifiers or capitals and word[0].isupper() and word.lower() not in STOP:
            a = m.start(1)
        else:
            break
    return a


def find_mentions(doc):
    text, start = doc.text, doc.body_start
    # words also written in lower case: capitalised at a sentence start they are ordinary words ("Regarding")
    common = set(re.findall(r"[a-z]+", text))
    found: list[Mention] = []
    taken = bytearray(len(text))  # 1 where a mention already covers the character
    for a, b in _runs(text, start, len(text), common):
        for part_a, part_b in _parts(text, a, b):
            kind = _kind(text[part_a:part_b])
            if kind == "role" and text[max(0, part_a - 4):part_a] in ("the ", "The "):
                part_a -= 4  # "The Secretary"
            found.append(Mention(part_a, part_b, text[part_a:part_b], kind))
            taken[part_a:part_b] = b"\x01" * (part_b - part_a)
    groups = []
    for m in _GROUP_NOUN.finditer(text, start):
        # "Japanese officials", "the protesters": a group takes the capitalised words and modifiers before it
        a = _extend_left(text, m.start(), _GROUP_MODIFIERS, 3, True)
        groups.append(Mention(a, m.end(), text[a:m.end()], "group"))
    if groups:
        covered = bytearray(len(text))
        for g in groups:
            covered[g.start:g.end] = b"\x01" * (g.end - g.start)
        found = [f for f in found if 1 not in covered[f.start:f.end]] + groups
        for g in groups:
            taken[g.start:g.end] = b"\x01" * (g.end - g.start)
    for m in _ROLE_NOUN.finditer(text, start):
        a = _extend_left(text, m.start(), _ROLE_MODIFIERS, 3, False)
        if text[max(0, a - 4):a].lower() not in ("the ",) or 1 in taken[a:m.end()]:
            continue
        found.append(Mention(a - 4, m.end(), text[a - 4:m.end()], "role"))
        taken[a - 4:m.end()] = b"\x01" * (m.end() - a + 4)
    for m in _PRONOUN.finditer(text, start):
        if not taken[m.start()]:
            found.append(Mention(m.start(), m.end(), m.group(), "pronoun"))
    found.sort(key=lambda x: (x.start, -x.end))
    doc.mentions = _drop_nested(found)
    return doc


def _drop_nested(found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _parts(text: str, a: int, b: int):
    """Split a run at "and", unless it reads as one organisation ("Ministry of Trade and Industry")."""
    if " and " not in text[a:b] and _word(text[a:b].split()[0]) not in ("the", "of", "for"):
        return [(a, b)]
    pieces, last = [], a
    for m in re.finditer(r"\s+and\s+", text[a:b]):
        pieces.append((last, a + m.start()))
        last = a + m.end()
    pieces.append((last, b))
    if len(pieces) > 1 and _kind(text[a:b]) == "organization" and _kind(text[pieces[-1][0]:b]) != "person":
        return [(a, b)]
    out = []
    for x, y in pieces:
        while x < y and _word(text[x:y].split()[0]) in ("the", "and", "of", "for"):
            x += len(text[x:y].split()[0]) + 1
            while x < y and text[x].isspace():
                x += 1
        if x < y:
            out.append((x, y))
    return out

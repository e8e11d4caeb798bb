"""Stage 3: find the words that can name a speaker.

Kinds, in the order they are looked for:

* ``name``, ``organization``, ``country``, ``role`` — runs of capitalised
  words ("US Secretary of State Antony Blinken", "Pakistan Foreign Office",
  "Pakistani", "the Secretary"), joined by "of", "the", "for" and name
  particles. A run is split into a leading role (titles, offices, countries,
  organisations: "US Secretary of State") and a trailing proper name
  ("Antony Blinken"); with no name left it is an organisation (it has a head
  noun such as Ministry, Department, Office, or is an acronym), a country or
  demonym, or a bare title (a ``role``). A run with a document head ("Act",
  "Resolution", "Treaty") is a ``document``. A capitalised word opening a
  sentence that the article also writes in lower case ("Regarding"), or a
  participle opening it ("Speaking at …"), is not a name.
* ``role`` — "the spokesperson", "the minister", "the foreign secretary".
* ``group`` — unnamed collectives: "officials", "Japanese officials", "the protesters".
* ``pronoun`` — he, she, they, it, we.

The headline is scanned too: it often gives the fullest name and title.
``describe(text)`` splits a source's words into name, role, affiliation and
kind for the speakers stage, also across a comma ("Foreign Office
spokesperson, Mumtaz Zahra Baloch") and a trailing "of"/"from"/"on"
("President Ana Reyes of Chile"); the mention keeps the words written.
``role_of(text, start, end)`` reads the role the article gives the person a
name mention names: the title the mention holds, widened by the role written
before it, across a comma too ("Opposition leader Farhan Khan", "The Foreign
Ministry spokesperson, Qadir,"), else an appositive after it ("Robert Doe,
deputy ambassador to the United Nations,"), with the country or body the role
names as the affiliation. It runs only for the speakers that need it, so the
scan of every article stays cheap.
"""
import re
from functools import lru_cache

from . import countries
from .cues import trie
from .records import Mention

# Words that are offices and honorifics, not names (general English).
TITLES = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady madam
president vice deputy prime minister ministers secretary under assistant acting senior chief special
spokesperson spokesman spokeswoman spokespeople ambassador envoy representative rep rep. senator sen sen.
governor gov gov. mayor chancellor premier king queen prince princess crown emir sheikh sultan pope
cardinal bishop archbishop monsignor monseñor monsenor msgr ayatollah mufti rev rev. reverend imam rabbi
general gen gen. admiral colonel col col.
lieutenant lt lt. major maj maj. captain capt capt. commander sergeant sgt officer inspector detective
superintendent constable chairman chairwoman chairperson chair director commissioner counselor counsellor
attorney judge justice leader speaker president-elect secretary-general director-general undersecretary
h.e. honorable honourable excellency his her
congressman congresswoman councilman councillor councilor lawmaker mp executive officer head
coordinator administrator adviser advisor spokesperson's
""".split())
# Portfolios that follow "Secretary of" / "Minister for" and are not names.
PORTFOLIOS = frozenset("""
state affairs defense defence justice health treasury commerce interior energy education agriculture
labor labour transportation transport homeland security housing veterans trade finance economy
environment information communications culture tourism foreign home
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
republic kingdom emirate emirates commonwealth principality church
""".split())
# Head nouns that make a capitalised run a document ("Republic Act No. 3846", "Resolution 2334").
DOCUMENT_HEADS = frozenset("act law resolution code treaty convention charter constitution directive decree".split())
# Capitalised words that start sentences or name times, never speakers.
STOP = frozenset("""
the a an this that these those it its he she they we i you his her their our my your there here
in on at by for from to of with without about after before during since until as if when while where
but and or so yet however meanwhile also although though because according regarding following
speaking asked earlier later today yesterday tomorrow tonight last next what which who how why
one i'm i’m i've i’ve i'd i’d i'll i’ll
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
begin end text read first second third finally additionally moreover furthermore therefore
thus instead still
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
               "troops|groups")

_UP = "A-ZÀ-ÖØ-Þ"
# Every alternative starts with a capital (the lookahead lets the regex engine skip other characters fast).
_TOKEN = (rf"(?:(?:[{_UP}]\.){{2,}}|(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Gen|Sen|Rep|Gov|Lt|Col|Prof|Rev|Hon|Capt|Sgt|Maj|Adm)\."
          rf"|[{_UP}]\.(?=\s[{_UP}])|[{_UP}][\w]*(?:-\w+|['’](?!s\b)[A-Za-z]\w*)*)")
_JOIN = (r"(?:[ \t]+(?:(?:of|the|for|to|de|da|del|di|van|von|der|den|bin|ibn|al|el|la|le|du|y|on|and)[ \t]+)*"
         r"(?:(?:al|el)-)?)")
_RUN = re.compile(rf"(?=[{_UP}]){_TOKEN}(?:{_JOIN}{_TOKEN})*")
_SPLIT_TOKENS = re.compile(rf"{_TOKEN}")
# Role and group nouns are found first, then the words before them are taken on (cheaper than one big pattern).
_ROLE_MODIFIERS = frozenset("foreign prime deputy vice chief senior top state assistant press defence defense "
                            "interior finance home acting former".split())
_GROUP_MODIFIERS = frozenset("the some several many other senior local state".split())
# Group nouns, role nouns and pronouns in one scan of the text (one pass costs half of three).
_NOUN_OR_PRONOUN = re.compile(
    r"(?=[A-Za-z])\b(?:(?P<group>" + trie(w2 for w in GROUP_NOUNS.split("|") for w2 in (w, w.capitalize()))
    + rf")|(?P<role>{trie(ROLE_NOUNS.split('|'))})|(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e))\b")
_POSTED_HEADS = ("Embassy", "embassy", "Consulate", "consulate", "Mission", "mission")
_POSTED_IN = re.compile(rf"[ \t]+in[ \t]+[{_UP}][\w-]*(?:[ \t]+[{_UP}][\w-]*)*")
_PREVIOUS_WORD = re.compile(r"([\w-]+)[ \t]+$")

def _word(token: str) -> str:
    return token.lower().rstrip(",")


def _is_title(token: str) -> bool:
    w = _word(token)
    return w in TITLES or w.rstrip(".") in TITLES or w.split("-")[0] in TITLES


def _is_org_head(token: str) -> bool:
    w = _word(token)
    return w in ORG_HEADS or w.endswith("s") and w[:-1] in ORG_HEADS


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
    words = text.split()
    if len(words) == 2 and words[1].lower() in ("government", "administration") and countries.canonical(words[0]):
        return countries.canonical(words[0]), None, None, "country"  # "the Saudi government" speaks for the country
    # "President Ana Reyes of Chile", "Li Wei on Twitter": a person, then where they are from or wrote
    for m in re.finditer(r"\s+(?:of|from|on|in|at|via)\s+", text):
        left = describe(text[:m.start()])
        if left[3] == "person" and left[0][-1:].isalpha() and left[0].split()[-1][0].isupper() \
                and left[0].lower() not in _NUMBER_WORDS:
            return left[0], left[1], left[2] or _affiliation(text[m.end():]), "person"
        if left[3] == "organization" and m.group().strip() in ("in", "at"):  # "United States Embassy in Iraq"
            return text, None, left[2] or _affiliation(text[m.end():]), "organization"
    if words[-1].islower() and words[-1] in ORG_HEADS or any(
            w.islower() and w in ORG_HEADS and n in ("of", "for") for w, n in zip(words, words[1:])):
        return text, None, _affiliation(text), "organization"  # "the US embassy", "the government of X"
    found = list(_SPLIT_TOKENS.finditer(text))
    tokens = [t.group() for t in found]
    if not tokens:
        return text, None, None, "other"
    if any(_word(t) in DOCUMENT_HEADS for t in tokens):
        return text, None, _affiliation(text), "document"
    # the trailing proper name: tokens that are not titles, portfolios, organisation heads, countries or ages
    k = len(tokens)
    while k > 0 and not _not_name(tokens[k - 1]):
        k -= 1
    if k < len(tokens):
        heads = [i for i in range(k) if _is_org_head(tokens[i]) or i == 0 and _word(tokens[0]) in PORTFOLIOS]
        if heads and re.search(r"\b(?:of|for|in|on)\b", text[found[heads[0]].end():found[k].start()]) \
                and not any(_is_title(t) for t in tokens[heads[0] + 1:k]):
            if len(tokens) - k < 4:  # "University of California", "Government of Goa", "Transport for London"
                return text, None, _affiliation(text), "organization"
            k = len(tokens) - 2  # "University of Utah Provo Sara Kim": a name follows the organisation
        join = text[found[k - 1].end():found[k].start()] if k else ""
        if k and re.search(r"\b(?:of|for|to)\b", join):
            if len(tokens) - k >= 2:  # "Governor of Ohio Anna Berg": the place belongs to the role
                k += 1
        name = text[found[k].start():]
        role = text[:found[k].start()].strip() or None
        return name, role, _affiliation(role), "person"
    if any(_is_org_head(t) for t in tokens) or all(_is_acronym(t) for t in tokens):
        return text, None, _affiliation(text), "organization"
    if all(_is_title(t) or _word(t) in PORTFOLIOS or countries.canonical(t) for t in tokens):
        return text, text, _affiliation(text), "role"
    return text, None, None, "other"


_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten some many most all none each".split())


def _not_name(token: str) -> bool:
    return (_is_title(token) or _is_org_head(token) or _word(token) in PORTFOLIOS or bool(countries.canonical(token))
            or _is_acronym(token) or bool(re.search(r"\d|-year-old", token)))


_COUNTRY = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in countries.NAMES) + r")(?![\w.])")
# "director of Amnesty International", "spokesman for the PMF": the proper name a role is held in or for
_OF_BODY = re.compile(rf"\b(?:of|for|at)\s+(?:the\s+)?((?:[{_UP}][\w.&-]*(?:\s+|$))+)")


def _affiliation(words: str | None, bodies: bool = False) -> str | None:
    """The country a role or organisation names ("US Secretary of State" -> "United States"). With ``bodies``
    (for a person's role) an institution the role is held in or for comes first ("editor at the Saudi
    Gazette"), and after the country any body so named ("director of the WHO"), else the organisation that
    qualifies the role ("NASA Administrator", "State Department spokesperson")."""
    if not words:
        return None
    held = [m.group(1).strip() for m in _OF_BODY.finditer(words)] if bodies else []
    held = [b for b in held if not all(_word(t) in PORTFOLIOS or _is_title(t) for t in b.split())]
    for body in held:
        if _is_org_head(body.split()[-1]):  # "editor at the Saudi Gazette": the body, not its country
            return body
    for m in _COUNTRY.finditer(words):
        return countries.canonical(m.group())
    if held:
        return held[0]
    if not bodies:
        return None
    run = []
    for t in words.split():
        if _role_word(t):
            break  # only the words before the head qualify it
        if t[0].isupper() and not _is_title(t):
            run.append(t)
        elif run:
            break
    if run and (_is_org_head(run[-1]) or len(run) == 1 and _is_acronym(run[0].replace("-", ""))):
        return " ".join(run)
    return None


# Words that name an office or function, written before a name or in apposition after it (general English).
ROLE_HEADS = (TITLES - frozenset("mr mr. mrs mrs. ms ms. miss dr dr. his her h.e. honorable honourable sir "
                                 "dame lord lady madam excellency".split())) | frozenset("""
prosecutor lawyer editor correspondent reporter analyst expert researcher scientist founder co-founder
owner official diplomat ceo cfo coo executive manager member delegate activist campaigner economist
historian author lecturer teacher doctor physician surgeon nurse cleric pastor priest spokesperson
negotiator aide strategist consultant organiser organizer advocate
""".split())
# Lower-case words that may qualify a role before its head ("former deputy foreign minister"): the modifiers of
# role nouns, and words of tenure and level.
_ROLE_QUALIFIERS = _ROLE_MODIFIERS | frozenset("""
incumbent outgoing interim new then principal general federal national regional local
""".split())
_HONORIFICS = re.compile(r"(?:^|\s+)(?:Mr|Mrs|Ms|Miss|Dr|Honorable|Honourable|H\.E|Msgr|Monsenor|Monseñor)\.?(?=\s|$)")
_ROLE_TOKEN = re.compile(r"[\w.&’'-]+|[^\w\s]")
_APPOSITIVE = re.compile(r",[ \t]+(?:(?:the|a|an)[ \t]+)?([^,;:()\"“”\n]{2,120}?)(?=\s*(?:[,;:]|[.!?](?:\s|$)|$))")


def _role_word(token: str) -> bool:
    w = token.lower().rstrip(",")
    return w in ROLE_HEADS or w.rstrip(".") in ROLE_HEADS or w.split("-")[-1] in ROLE_HEADS


def _role_before(text: str, a: int, need_head: bool) -> int | None:
    """Where a role written right before ``a`` starts ("Foreign Ministry spokesperson ", "Israel's UN
    ambassador ", "Foreign Office spokesperson, "), else None. Without ``need_head`` the words may be
    qualifiers of a title the mention already holds ("former US President Ana Reyes", "Hong Kong director of
    Amnesty International Man-kei Tam"). Up to two other lower-case words may qualify the head ("Senate
    minority leader", "climate change activist") when the phrase opens after a determiner, a punctuation mark
    or an institution, not after a verb or a name ("met activist Greta Doe", "Doe won against President")."""
    tokens = list(_ROLE_TOKEN.finditer(text, max(0, a - 120), a))
    if not tokens or text[tokens[-1].end():a].strip():
        return None
    k = len(tokens) - 1
    if tokens[k].group() == "," and k and _role_word(tokens[k - 1].group()):
        k -= 1  # "Foreign Office spokesperson, Amina Qadir"
    elif need_head and not _role_word(tokens[k].group()):
        return None
    firm = None if need_head else a  # the start of the role so far
    loose, count, connected = None, 0, False  # lower-case modifiers: where they start, how many; a connector seen
    for k in range(k, max(-1, k - 12), -1):
        t = tokens[k].group()
        low = t.lower()
        if "\n" in text[tokens[k].end():tokens[k + 1].start() if k + 1 < len(tokens) else a]:
            break
        if loose is not None and (low in ("the", "a", "an") or not t.isalnum()):
            firm, loose = loose, None  # "the climate change activist": the modifiers open the phrase
            break
        if loose is not None and not (_not_name(t) or low in _ROLE_QUALIFIERS):
            break  # before lower-case modifiers only an institution or a title may stand ("Senate minority")
        if _role_word(t) or low in _ROLE_QUALIFIERS or low in PORTFOLIOS or countries.canonical(t) or (
                t[0].isupper() and low not in STOP and low.rstrip(".") not in STOP and not t.endswith(".")
                or _is_acronym(t)) or re.fullmatch(r"[A-Z][\w.-]*['’]s", t):
            firm, loose = tokens[k].start(), None
        elif low in ("of", "for", "and", "the", "to") and firm is not None and (firm != a or low == "of"):
            connected = True  # inside the role ("Minister of Trade and Industry"); trimmed if it opens it
        elif t.isalpha() and t.islower() and firm not in (None, a) and not connected and count < 2 \
                and low not in STOP and not low.endswith(("ed", "ly")):
            loose, count = tokens[k].start(), count + 1
        else:
            break
    if firm is None or firm == a:
        return None
    return firm


def _appositive(text: str, b: int) -> str | None:
    """A role set off by commas after a name ("Robert Doe, deputy ambassador to the United Nations, said")."""
    m = _APPOSITIVE.match(text, b)
    if m is None:
        return None
    words = m.group(1).split()
    if len(words) > 12 or words[0][0].isdigit() or not any(_role_word(w) for w in words[:5]):
        return None
    head = next(i for i, w in enumerate(words) if _role_word(w))
    if any(not (w[0].isupper() or w.lower() in _ROLE_QUALIFIERS or _role_word(w) or w.lower() in PORTFOLIOS
                or re.fullmatch(r"[\w-]+['’]s", w)) for w in words[:head]):
        return None  # "…, who said", "…, during a visit"
    return m.group(1).strip()


def role_of(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The (role, affiliation) the article gives a person named at text[start:end]: the title the mention
    holds ("Mayor Sadia Khan"), widened by the role written before it ("Opposition leader Farhan Khan",
    "The Foreign Ministry spokesperson, Qadir"), else an appositive after it ("Robert Doe, deputy ambassador
    to the United Nations,"). The role never holds the name, articles or honorifics ("Mr", "Dr")."""
    words = text[start:end]
    lead = re.match(r"(?:[Tt]he\s+|\[)", words)
    if lead:
        start, words = start + lead.end(), words[lead.end():]
    name, own, _, kind = describe(words)
    if kind != "person":
        return None, None
    name_start = start + words.rfind(name) if own else start
    own = role_text(own)
    before = _role_before(text, start, need_head=not own)
    role = role_text(text[before:name_start]) if before is not None else own or _appositive(text, end)
    return (role, _affiliation(role, bodies=True)) if role else (None, None)


def role_text(role: str | None) -> str | None:
    """A role without honorifics and without the connectors or commas that open or close it."""
    if not role:
        return None
    role = _HONORIFICS.sub("", role).strip(" ,")
    role = re.sub(r"^(?:(?:of|for|and|the|to)\s+)+|(?:\s+(?:of|for|and|the|to))+$", "", role).strip(" ,")
    return role or None


@lru_cache(maxsize=4096)
def _kind(text: str) -> str:
    kind = describe(text)[3]
    return {"person": "name", "other": "name"}.get(kind, kind)


def _runs(text: str, start: int, end: int, common: set[str]):
    """Capitalised runs in text[start:end], with sentence-initial function words trimmed."""
    for m in _RUN.finditer(text, start, end):
        a, b = m.start(), m.end()
        run = m.group()
        if " " not in run and "\t" not in run:  # one word, the common case
            if _word(run) in STOP or _sentence_initial(text, a) and (run.lower() in common or _participle(
                    text, a, b)) and not (_is_title(run) or countries.canonical(run) or _is_org_head(run)):
                continue
            yield a, b
            continue
        tokens = list(_SPLIT_TOKENS.finditer(text, a, b))
        # trim leading words that are not part of a name ("The", "On", "Regarding")
        i = 0
        while i < len(tokens) and (_word(tokens[i].group()) in STOP or (
                i == 0 and _sentence_initial(text, tokens[0].start()) and (
                    tokens[0].group().lower() in common or _participle(text, tokens[0].start(), tokens[0].end()))
                and not _is_title(tokens[0].group()) and not countries.canonical(tokens[0].group())
                and not _is_org_head(tokens[0].group()))):
            i += 1
        j = len(tokens)
        while j > i and _word(tokens[j - 1].group()) in STOP:
            j -= 1
        if i < j:
            yield tokens[i].start(), tokens[j - 1].end()


_FUNCTION_AFTER = re.compile(r"\s*(?:[\"“,]|(?:at|to|on|in|about|with|for|from|by|it|the|a|an|his|her|their|its|"
                             r"that|this|these|those|up|out|over|before|after)\b)")


def _participle(text: str, a: int, b: int) -> bool:
    """"Speaking at …", "Calling it …", "Saying “…”": a verb opening the sentence, not a name ("Airbus did")."""
    return text.endswith(("ing", "ly"), a, b) and _FUNCTION_AFTER.match(text, b) is not None


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
    text, start = doc.text, 0  # the headline too: it often gives the fullest name and title
    # words also written in lower case: capitalised at a sentence start they are ordinary words ("Regarding")
    common = set(re.findall(r"[a-z]+", text))
    found: list[Mention] = []
    taken = bytearray(len(text))  # 1 where a mention already covers the character
    for a, b in _runs(text, start, len(text), common):
        if text.endswith(_POSTED_HEADS, a, b):
            place = _POSTED_IN.match(text, b)
            b = place.end() if place else b  # "the United States Embassy in Iraq"
        for part_a, part_b in _parts(text, a, b):
            kind = _kind(text[part_a:part_b])
            if kind == "role" and text[max(0, part_a - 4):part_a] in ("the ", "The "):
                part_a -= 4  # "The Secretary"
            found.append(Mention(part_a, part_b, text[part_a:part_b], kind))
            taken[part_a:part_b] = b"\x01" * (part_b - part_a)
    nouns: dict[str, list[re.Match]] = {"group": [], "role": [], "pronoun": []}
    for m in _NOUN_OR_PRONOUN.finditer(text, start):
        nouns[m.lastgroup].append(m)
    groups = []
    for m in nouns["group"]:
        # "Japanese officials", "the protesters": a group takes the capitalised words and modifiers before it
        a = _extend_left(text, m.start(), _GROUP_MODIFIERS, 3, True)
        groups.append(Mention(a, m.end(), text[a:m.end()], "group"))
    if groups:
        covered = bytearray(len(text))
        for g in groups:
            covered[g.start:g.end] = b"\x01" * (g.end - g.start)
        found = [f for f in found if covered.find(1, f.start, f.end) < 0] + groups
        for g in groups:
            taken[g.start:g.end] = b"\x01" * (g.end - g.start)
    for m in nouns["role"]:
        a = _extend_left(text, m.start(), _ROLE_MODIFIERS, 3, False)
        if text[max(0, a - 4):a].lower() != "the " or taken.find(1, a, m.end()) >= 0:
            continue
        found.append(Mention(a - 4, m.end(), text[a - 4:m.end()], "role"))
        taken[a - 4:m.end()] = b"\x01" * (m.end() - a + 4)
    for m in nouns["pronoun"]:
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

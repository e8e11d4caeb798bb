"""The reporting-verb lexicon: which words signal that someone communicated something.

A cue is a verb of saying in any form ("said", "says", "stating", "has
claimed"), a verb with its fixed object ("told reporters", "called on",
"issued a statement"), or a phrase ("according to", "in the words of"). Verbs
of thinking and wanting ("believe", "hope", "want", "think", "feel") are left
out on purpose: GUIDELINES counts them as statements only when the article
presents them as said, and then a verb of saying is there too.

``CUE`` matches one cue; its named group tells how it attaches: ``say`` (a
verb of saying, "read" as in "…, read the statement" among them), ``tell``
("told reporters"), ``issued`` ("issued a statement") and ``according``
("according to X", which names its source after the cue). Auxiliaries and
adverbs before a verb ("has also said", "further stated") belong to the cue.
``find`` skips cue words used as nouns or adjectives ("the report", "its
stated aim").

Verb classes tell attribution what content a cue needs to be a statement
(``reports_a_clause``): most verbs of saying take any clause; verbs that
usually take a noun phrase ("stressed the importance of") need "that", a
quotation or a finite verb; verbs of asking need "to" ("urged countries to");
verbs of naming as participles need "as" or a quotation; "continued", "spoke",
"read" report speech only next to a quotation. Only verbs of saying close a
sentence ("…, the spokesperson said").
"""
import re

# Verbs whose content may be a clause or a quotation (communication proper).
SAY_VERBS = """
say state add tell claim announce confirm deny stress emphasize emphasise underscore underline
highlight reiterate affirm reaffirm note mention insist warn urge clarify explain assert declare
report write tweet post comment reply respond answer argue acknowledge admit concede reveal disclose
suggest predict estimate observe remark recall caution complain allege accuse criticize criticise
condemn denounce dismiss reject express describe vow pledge promise threaten demand ask plead
continue conclude elaborate reason indicate point_out went_on_to_say testify maintain
contend counter retort quip agree hint signal boast lament speak make_clear read confess decide rule
joke blame shout retweet characterize characterise put_it
""".split()
# Verbs usually followed by a noun phrase; their statements are often only a topic, still a statement.
TOPIC_VERBS = """
discuss welcome thank applaud praise recognize recognise commend call_for call_on call
propose recommend advise appeal encourage order justify defend cite refer_to talk appreciate find
""".split()

_IRREGULAR = {
    "say": "say says said saying", "tell": "tell tells told telling", "write": "write writes wrote written writing",
    "admit": "admit admits admitted admitting", "commit": "commit commits committed committing",
    "refer_to": "refer_to refers_to referred_to referring_to",
    "point_out": "point_out points_out pointed_out pointing_out",
    "went_on_to_say": "went_on_to_say",
    "call_for": "call_for calls_for called_for calling_for", "call_on": "call_on calls_on called_on calling_on",
    "speak": "speak speaks spoke spoken speaking", "read": "read reads",
    "make_clear": "make_clear makes_clear made_clear making_clear", "find": "find finds found finding",
    "put_it": "put_it puts_it putting_it", "quip": "quip quips quipped quipping", "plead": "plead pleads pleaded pled pleading",
}


def _forms(verb: str) -> list[str]:
    if verb in _IRREGULAR:
        return [f.replace("_", " ") for f in _IRREGULAR[verb].split()]
    if verb.endswith("e"):
        stem = verb[:-1]
        return [verb, verb + "s", stem + "ed", stem + "ing"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        stem = verb[:-1]
        return [verb, stem + "ies", stem + "ied", verb + "ing"]
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return [verb, verb + "es", verb + "ed", verb + "ing"]
    if re.search(r"[^aeiou][aeiou]l$", verb):  # British spelling doubles the l: "signalled", "labelling"
        return [verb, verb + "s", verb + "ed", verb + "ing", verb + "led", verb + "ling"]
    return [verb, verb + "s", verb + "ed", verb + "ing"]


def _alternation(verbs: list[str]) -> str:
    forms = sorted({f for v in verbs for f in _forms(v)}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


SAY_FORMS = frozenset(f for v in SAY_VERBS for f in _forms(v))
TOPIC_FORMS = frozenset(f for v in TOPIC_VERBS for f in _forms(v))
_TELL = ("tell", "tells", "told", "telling")
# Objects that complete "told": "told reporters", "told the press", "told a news conference", "told CNN".
_TOLD_OBJECT = (r"\s+(?:reporters|journalists|the\s+press|the\s+media|parliament|lawmakers|the\s+court|"
                r"(?:a|the)\s+(?:news|press)\s+conference|(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4}|"
                r"him|her|them|us|me)")
AUX_WORDS = frozenset("""
has have had was were is are also further later then again once repeatedly publicly reportedly separately
previously earlier recently strongly firmly explicitly would will since already initially subsequently
""".split())
_AUX = r"(?:(?:" + "|".join(sorted(AUX_WORDS)) + r")\s+)*"
# A word before a cue form that makes it a noun or an adjective ("the report", "its stated aim", "member states").
_NOT_VERB_BEFORE = frozenset("""
a an the its his her their our my your this that these those of in on for with from by to into member
any no each every such new latest recent first final annual official joint written brief short several
many some two three four other few
""".split())

CUE = re.compile(
    r"\b(?P<according>[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of)\b"
    rf"|\b(?P<tell>{_AUX}(?:{_alternation(list(_TELL[:1]))}))(?:{_TOLD_OBJECT})?\b"
    rf"|\b(?P<issued>issued\s+a\s+(?:brief\s+|written\s+|joint\s+)?statement)\b"
    rf"|\b(?P<say>{_AUX}(?:{_alternation([v for v in SAY_VERBS + TOPIC_VERBS if v != 'tell'])}))\b"
)


# Releases that speak for whoever issued them ("read the statement", "the statement also said").
RELEASES = ("statement", "release", "readout", "letter", "message", "post", "tweet")


def core(cue_text: str) -> str:
    """The reporting words of a cue without auxiliaries and adverbs: "has also called for" -> "called for"."""
    words = cue_text.lower().split()
    while len(words) > 1 and words[0] in AUX_WORDS:
        words.pop(0)
    return " ".join(words)


def trie(words) -> str:
    """One regex alternation for many words, factored by common prefixes (far faster to scan than a flat one;
    mentions.py uses it for its noun lists too)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


# Where a cue's reporting word can stand; the regex is matched only there, auxiliaries are looked up behind.
_CANDIDATE = re.compile(r"\b(?:" + trie({f.split()[0] for f in SAY_FORMS | TOPIC_FORMS | set(_TELL)}
                                         | {"according", "According", "in", "In", "issued"}) + r")\b")
_AUX_BEHIND = re.compile(r"(?:\b(?:" + "|".join(sorted(AUX_WORDS)) + r")\s+)+$")


def find(text: str, start: int, end: int) -> list[re.Match]:
    """Cues in text[start:end], leaving out cue words used as nouns or adjectives ("the report", "the stated aim")."""
    out = []
    after = start
    for w in _CANDIDATE.finditer(text, start, end):
        if w.start() < after:
            continue
        aux = _AUX_BEHIND.search(text, max(start, after, w.start() - 60), w.start())
        m = (aux and CUE.match(text, aux.start(), end)) or CUE.match(text, w.start(), end)
        if m is None:
            continue
        after = m.end()
        if m.group("say"):
            before = text[max(0, m.start() - 30):m.start()].split()
            if before and before[-1].lower() in _NOT_VERB_BEFORE:
                continue
        out.append(m)
    return out


def is_participle(cue_text: str) -> bool:
    """"saying", "adding", "calling for": a cue that hangs on the clause before it."""
    verb = core(cue_text).split()[0]
    return verb.endswith("ing") and (verb in SAY_FORMS or verb in TOPIC_FORMS or verb in _TELL or any(
        f.startswith(verb + " ") for f in TOPIC_FORMS))


# How a verb's content must look to be a reported clause, not only a noun phrase (GUIDELINES: "content that
# is only a noun phrase makes the statement optional", so such statements can only cost precision):
# verbs that usually take a noun phrase need "that", a quotation or a wh-clause ("stressed the importance of");
# verbs of asking need an object and "to" ("urged countries to contribute"); verbs of naming need "as" or a
# quotation ("described him as", "called it a “witch hunt”").
NOUN_PHRASE_VERBS = frozenset(f for v in """
express condemn stress emphasize emphasise highlight underscore underline reiterate reaffirm affirm welcome
thank applaud praise recognize recognise commend discuss dismiss reject criticize criticise mention note
review present share acknowledge lament appreciate announce find blame characterize characterise
""".split() for f in _forms(v))
ASKING_VERBS = frozenset(f for v in "urge ask advise encourage call_on call_for appeal recommend demand".split()
                         for f in _forms(v))
# Verbs of promising and refusing: "vowed to keep fighting" reports a commitment ("to …" is their content).
COMMITTING_VERBS = frozenset(f for v in "vow pledge promise threaten agree refuse offer".split() for f in _forms(v))
NAMING_VERBS = frozenset(f for v in "call describe cite denounce justify refer_to".split() for f in _forms(v))
# The verbs that can close a sentence after its content ("…, the spokesperson said").
CLOSING_VERBS = frozenset(f for v in """
say add tell write note state report explain warn claim insist argue comment confirm announce continue reply
respond tweet post
""".split() for f in _forms(v))
# "to" opening an infinitive ("urged countries to contribute"), not a noun phrase ("called for an end to the war").
_INFINITIVE = re.compile(r"\bto\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|this\b|that\b|these\b|those\b)[a-z]+")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being)\b")


def reports_a_clause(cue_text: str, content: str, after_that: bool) -> bool:
    """Whether ``content`` after this cue reads as something said, not only a topic."""
    verb = core(cue_text)
    if after_that or content[:1] in "\"“‘'" or re.match(r"(?:how|what|why|whether|when|where|who)\b", content):
        return True
    words = content.split()
    if verb in QUOTE_VERBS:
        return False
    if verb in ASKING_VERBS:
        return _INFINITIVE.search(" ".join(words[:20])) is not None or "“" in content or '"' in content
    if verb in NAMING_VERBS and verb.endswith("ing"):  # "…, calling it …" mostly continues the clause before
        return " as " in content or "“" in content or '"' in content
    if verb in NOUN_PHRASE_VERBS:  # a clause has a finite verb before its first comma
        return bool(re.search(r"\b(?:is|are|was|were|will|would|can|could|should|must|may|might|has|have|had)\b",
                              " ".join(words[:10]).split(",")[0]))
    return True


# Verbs that report speech only next to a quotation or before "that" ("…," Lam continued; she spoke on TV, "…";
# a court "decided, …, “that …”", "ruled that …", never "decided to go").
QUOTE_VERBS = frozenset(f for v in "continue speak post conclude read decide rule put_it".split() for f in _forms(v))


def takes_infinitive(cue_text: str) -> bool:
    """"urged countries to …", "vowed to …": content may open with "to"."""
    verb = core(cue_text)
    return verb in ASKING_VERBS or verb in COMMITTING_VERBS


def is_passive(cue_text: str) -> bool:
    return bool(_PASSIVE.search(cue_text))


def closes_a_sentence(cue_text: str) -> bool:
    """"…, the spokesperson said": only verbs of saying, and not in the passive ("was claimed by")."""
    return core(cue_text) in CLOSING_VERBS and not is_passive(cue_text)


def is_topic(cue_text: str) -> bool:
    """A verb that usually takes a noun phrase ("discussed the need"), not a reported clause."""
    c = core(cue_text)
    return c in TOPIC_FORMS and c not in SAY_FORMS

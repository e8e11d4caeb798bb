"""The reporting-verb lexicon: which words signal that someone communicated something.

A cue is a verb of saying in any form ("said", "says", "stating", "has
claimed"), a verb with its fixed object ("told reporters", "called on",
"issued a statement"), or a phrase ("according to", "in the words of"). Verbs
of thinking and wanting ("believe", "hope", "want", "think", "feel") are left
out on purpose: GUIDELINES counts them as statements only when the article
presents them as said, and then a verb of saying is there too.

``CUE`` matches one cue; its named group tells how it attaches: ``say`` (a
verb of saying), ``tell`` ("told reporters"), ``issued`` ("issued a
statement"), ``read`` ("read the statement") and ``according`` ("according to
X", which names its source after the cue). A participle ("…, saying that …")
takes the subject of the clause it hangs on. Auxiliaries and adverbs before a verb ("has also
said", "further stated") belong to the cue.
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
contend counter retort quip agree hint signal boast lament speak
""".split()
# Verbs usually followed by a noun phrase; their statements are often only a topic, still a statement.
TOPIC_VERBS = """
discuss welcome thank applaud praise recognize recognise commend call_for call_on call
propose recommend advise appeal encourage order justify defend cite refer_to talk
""".split()

_IRREGULAR = {
    "say": "say says said saying", "tell": "tell tells told telling", "write": "write writes wrote written writing",
    "admit": "admit admits admitted admitting", "commit": "commit commits committed committing",
    "refer_to": "refer_to refers_to referred_to referring_to", "point_out": "point_out points_out pointed_out pointing_out",
    "went_on_to_say": "went_on_to_say",
    "call_for": "call_for calls_for called_for calling_for", "call_on": "call_on calls_on called_on calling_on",
    "speak": "speak speaks spoke spoken speaking",
    "quip": "quip quips quipped quipping", "plead": "plead pleads pleaded pled pleading",
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
    return [verb, verb + "s", verb + "ed", verb + "ing"]


def _alternation(verbs: list[str]) -> str:
    forms = sorted({f for v in verbs for f in _forms(v)}, key=len, reverse=True)
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)


SAY_FORMS = frozenset(f for v in SAY_VERBS for f in _forms(v))
TOPIC_FORMS = frozenset(f for v in TOPIC_VERBS for f in _forms(v))
_TELL = ("tell", "tells", "told", "telling")
# Objects that complete "told": "told reporters", "told the press", "told a news conference", "told CNN".
_TOLD_OBJECT = (r"\s+(?:reporters|journalists|the\s+press|the\s+media|parliament|lawmakers|the\s+court|"
                r"(?:a|the)\s+(?:news|press)\s+conference|(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4}|him|her|them|us|me)")
AUX_WORDS = frozenset("""
has have had was were is are also further later then again once repeatedly publicly reportedly separately
previously earlier recently strongly firmly explicitly would will
""".split())
_AUX = r"(?:(?:" + "|".join(sorted(AUX_WORDS)) + r")\s+)*"
# A word before a cue form that makes it a noun or an adjective ("the report", "its stated aim", "member states").
_NOT_VERB_BEFORE = frozenset("""
a an the its his her their our my your this that these those of in on for with from by to into member
any no each every such new latest recent first final annual official joint written brief short
""".split())

CUE = re.compile(
    r"\b(?P<according>[Aa]ccording\s+to|[Ii]n\s+the\s+words\s+of)\b"
    rf"|\b(?P<tell>{_AUX}(?:{_alternation(list(_TELL[:1]))})){_TOLD_OBJECT}?\b"
    rf"|\b(?P<issued>issued\s+a\s+(?:brief\s+|written\s+|joint\s+)?statement)\b"
    rf"|\b(?P<say>{_AUX}(?:{_alternation([v for v in SAY_VERBS + TOPIC_VERBS if v != 'tell'])}))\b"
    r"|\b(?P<read>read)\b(?=\s+(?:a|the)\s+(?:[\w-]+\s+){0,3}(?:statement|release|letter|post|message|tweet)\b)"
)


def core(cue_text: str) -> str:
    """The reporting words of a cue without auxiliaries and adverbs: "has also called for" -> "called for"."""
    words = cue_text.lower().split()
    while len(words) > 1 and words[0] in AUX_WORDS:
        words.pop(0)
    return " ".join(words)


# Words a cue can start with: the regex is tried only where one of them stands, which keeps the scan fast.
_FIRST = frozenset(f.split()[0] for f in SAY_FORMS | TOPIC_FORMS | set(_TELL)) | AUX_WORDS | {
    "according", "in", "issued", "read"}
_WORD = re.compile(r"[A-Za-z]+")


def find(text: str, start: int, end: int) -> list[re.Match]:
    """Cues in text[start:end], leaving out cue words used as nouns or adjectives ("the report", "the stated aim")."""
    out = []
    after = start
    for w in _WORD.finditer(text, start, end):
        if w.start() < after or w.group().lower() not in _FIRST:
            continue
        m = CUE.match(text, w.start(), end)
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
    c = core(cue_text)
    return (c in SAY_FORMS or c in TOPIC_FORMS) and c.split()[0].endswith("ing")


def is_topic(cue_text: str) -> bool:
    """A verb that usually takes a noun phrase ("discussed the need"), not a reported clause."""
    c = core(cue_text)
    return c in TOPIC_FORMS and c not in SAY_FORMS

"""Name folding: the one definition of when two spellings are the same name.

Used for speaker ids (so "Mumtaz Zahra Baloch" in two articles is one speaker)
and, by the store, for whole-word, case- and accent-insensitive speaker search.
"""
import re
import unicodedata

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_QUOTES = str.maketrans({"’": "'", "‘": "'"})


def fold(text: str) -> str:
    """Lower-case, strip accents and possessive 's, keep only word characters separated by single spaces."""
    text = unicodedata.normalize("NFKD", text or "").translate(_QUOTES)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"'s\b", "", text)
    return " ".join(_WORD.findall(text))


def fold_words(text: str) -> list[str]:
    return fold(text).split()


# Honorifics that never tell two people apart (general English); offices do, so they stay ("President X").
HONORIFICS = frozenset("mr mrs ms miss dr sir dame madam".split())


def identity(name: str) -> str:
    """What makes two spellings one name across articles: the folded words without a leading honorific or
    title word before a capitalised name ("Mr Price", "SECRETARY BLINKEN" -> "blinken"), without middle
    initials ("Antony J. Blinken" -> "antony blinken") and without lower-case words trailing the name
    ("Blinken always")."""
    raw = (name or "").split()
    while raw and raw[-1][:1].islower():
        raw.pop()
    if len(raw) > 2:
        raw = [raw[0]] + [w for w in raw[1:-1] if not re.fullmatch(r"[A-Z]\.", w)] + [raw[-1]]
    words = fold(" ".join(raw)).split()
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)

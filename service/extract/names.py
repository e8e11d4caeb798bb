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

"""Stable record ids, derived from content so that re-parsing never changes them.

A record's id is a hash of the article's content hash, the record kind and its
span; a speaker's id is a hash of its name's identity (``names.identity``), so the
same person named the same way, or with a middle initial or honorific more, in two
articles is one speaker.
"""
import hashlib

from .names import fold, identity

PREFIX = {"statement": "st", "quote": "qt", "figure": "fg", "turn": "tn"}


def content_hash(text: str) -> str:
    # surrogatepass: a lone surrogate (possible in decoded JSON) must not crash the parser
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _short(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def briefing_id(doc_hash: str) -> str:
    return "br_" + doc_hash[:16]


def record_id(kind: str, doc_hash: str, start: int, end: int) -> str:
    """Id of a statement, quote or figure: the article plus the record's span."""
    return f"{PREFIX[kind]}_{_short(doc_hash, kind, str(start), str(end))}"


def speaker_id(name: str) -> str:
    """One id per name as ``names.identity`` reads it: "Antony J. Blinken" and "Antony Blinken" are one."""
    return "sp_" + _short(identity(name) or fold(name))


def unnamed_speaker_id(role: str, doc_hash: str) -> str:
    """An unnamed role ("the minister") is someone in one article: two articles' ministers are not one."""
    return "sp_" + _short(fold(role), doc_hash)

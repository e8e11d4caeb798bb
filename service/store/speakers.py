"""Speakers across articles: one record per entity, found by any of its names.

A speaker's id comes from its folded full name, so the same full name in two
articles is one speaker. A surname alone joins a speaker already stored only
when it is unambiguous and the article gives a compatible role ("Baloch, the
Foreign Office spokesperson" joins Mumtaz Zahra Baloch; "Khan" with no role,
or with two stored Khans, joins no one). A speaker's role is the one of its
most recent appearance; every role stays in ``Appearance`` with its date.
"""
from __future__ import annotations

from peewee import fn

from ..extract.names import fold_words
from .models import AliasWord, Appearance, Speaker, SpeakerAlias, utcnow
from .rows import Rows


def speakers_named(text: str) -> list[str]:
    """Ids of speakers whose name or one alias holds every word of ``text`` as a whole word (folded: any case,
    any accents): one primary-key lookup per word, so it costs the same with a million statements."""
    found = None
    for word in dict.fromkeys(fold_words(text)):
        aliases = set(AliasWord.select(AliasWord.speaker, AliasWord.folded).where(AliasWord.word == word[:64]).tuples())
        found = aliases if found is None else found & aliases
        if not found:
            return []
    return sorted({speaker for speaker, _ in found or ()})


def alias_words(aliases: list[dict]) -> list[dict]:
    """The AliasWord rows of alias rows."""
    return [{"word": word[:64], "speaker": a["speaker"], "folded": a["folded"]}
            for a in aliases for word in dict.fromkeys(a["folded"].split())]


def index_alias_words() -> None:
    """Fill AliasWord from the aliases of a database made before it existed (once; a no-op after)."""
    if AliasWord.select().exists() or not SpeakerAlias.select().exists():
        return
    rows = alias_words(list(SpeakerAlias.select(SpeakerAlias.speaker, SpeakerAlias.folded).dicts()))
    for i in range(0, len(rows), 500):
        AliasWord.insert_many(rows[i:i + 500]).on_conflict_ignore().execute()


def roles_compatible(a: str | None, b: str | None) -> bool:
    """Two role descriptions of one office: same head noun, or one's words inside the other's."""
    wa, wb = fold_words(a or ""), fold_words(b or "")
    if not wa or not wb:
        return False
    return wa[-1] == wb[-1] or set(wa) <= set(wb) or set(wb) <= set(wa)


def _known_match(speaker: dict) -> Speaker | None:
    words = fold_words(speaker["name"])
    if speaker["kind"] != "person" or len(words) != 1 or not speaker["role"]:
        return None
    candidates = [
        c for c in Speaker.select().where(Speaker.kind == "person", Speaker.id.in_(speakers_named(words[0])))
        if len(fold_words(c.name)) > 1 and fold_words(c.name)[-1] == words[0]
    ]
    if len(candidates) != 1:
        return None
    roles = [candidates[0].role] + [a.role for a in Appearance.select(Appearance.role).where(
        Appearance.speaker == candidates[0].id)]
    return candidates[0] if any(roles_compatible(r, speaker["role"]) for r in roles) else None


def join_known_speakers(rows: Rows) -> None:
    """Point surname-only speakers of a new article at the stored speaker they unambiguously are."""
    remap = {}
    for speaker in rows.speakers:
        known = _known_match(speaker)
        if known is not None and known.id != speaker["id"]:
            remap[speaker["id"]] = known
    if not remap:
        return
    merged = {}
    for speaker in rows.speakers:
        known = remap.get(speaker["id"])
        if known is not None:
            speaker = {**speaker, "id": known.id, "name": known.name}
        merged.setdefault(speaker["id"], speaker)
    rows.speakers = list(merged.values())
    for record in rows.statements + rows.quotes + rows.aliases:
        if record["speaker"] in remap:
            record["speaker"] = remap[record["speaker"]].id
    appearances = {}
    for a in rows.appearances:
        a["speaker"] = remap[a["speaker"]].id if a["speaker"] in remap else a["speaker"]
        appearances.setdefault(a["speaker"], a)
    rows.appearances = list(appearances.values())
    participants = [remap[p].id if p in remap else p for p in rows.briefing["participants"].split()]
    rows.briefing["participants"] = " ".join(dict.fromkeys(participants))


def store_speakers(rows: Rows) -> list[dict]:
    """Insert new speakers and aliases, refresh roles; the changes-feed entries of what changed."""
    ids = [s["id"] for s in rows.speakers]
    if not ids:
        return []
    stored = {s["id"]: s for s in Speaker.select().where(Speaker.id.in_(ids)).dicts()}
    known_aliases = set(
        SpeakerAlias.select(SpeakerAlias.speaker, SpeakerAlias.folded).where(SpeakerAlias.speaker.in_(ids)).tuples()
    )
    latest = dict(
        Appearance.select(Appearance.speaker, fn.MAX(Appearance.day))
        .where(Appearance.speaker.in_(ids)).group_by(Appearance.speaker).tuples()
    )
    day, now = rows.briefing["day"], utcnow()
    created, updated = [], set()
    for speaker in rows.speakers:
        old = stored.get(speaker["id"])
        if old is None:
            created.append(speaker)
            continue
        newer = day >= (latest.get(speaker["id"]) or "")
        refresh = {k: speaker[k] for k in ("role", "affiliation")
                   if speaker[k] and speaker[k] != old[k] and (newer or not old[k])}
        if refresh:
            Speaker.update({**refresh, "updated_at": now}).where(Speaker.id == speaker["id"]).execute()
            updated.add(speaker["id"])
    if created:
        Speaker.insert_many(created).on_conflict_ignore().execute()
    fresh = [a for a in rows.aliases if (a["speaker"], a["folded"]) not in known_aliases]
    if fresh:
        SpeakerAlias.insert_many(fresh).on_conflict_ignore().execute()
        AliasWord.insert_many(alias_words(fresh)).on_conflict_ignore().execute()
        updated |= {a["speaker"] for a in fresh if a["speaker"] in stored}
    return [{"kind": "speaker", "record_id": s["id"], "briefing_id": None, "action": "created", "at": now}
            for s in created] + [
        {"kind": "speaker", "record_id": i, "briefing_id": None, "action": "updated", "at": now} for i in sorted(updated)
    ]

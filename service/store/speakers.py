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

from ..extract.ids import speaker_id
from ..extract.names import fold_words, identity
from .models import AliasWord, Appearance, Briefing, Quote, Speaker, SpeakerAlias, Statement, Turn, utcnow
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


def speakers_with_role(text: str) -> list[str]:
    """Ids of speakers whose role, now or in any appearance, holds every word of ``text`` as a whole word
    (folded: any case, any accents): "spokesperson" finds "Department Spokesperson" and "Foreign Office
    spokesperson"."""
    words = fold_words(text)
    if not words:
        return []
    found = set()
    for model in (Speaker, Appearance):
        sid = model.id if model is Speaker else model.speaker
        for speaker, role in model.select(sid, model.role).where(fn.LOWER(model.role).contains(words[0])).tuples():
            if set(words) <= set(fold_words(role)):
                found.add(speaker)
    return sorted(found)


def alias_words(aliases: list[dict]) -> list[dict]:
    """The AliasWord rows of alias rows."""
    return [{"word": word[:64], "speaker": a["speaker"], "folded": a["folded"]}
            for a in aliases for word in dict.fromkeys(a["folded"].split())]


def roles_compatible(a: str | None, b: str | None) -> bool:
    """Two role descriptions of one office: same head noun, or one's words inside the other's."""
    wa, wb = fold_words(a or ""), fold_words(b or "")
    if not wa or not wb:
        return False
    return wa[-1] == wb[-1] or set(wa) <= set(wb) or set(wb) <= set(wa)


def _known_match(speaker: dict) -> Speaker | None:
    words = identity(speaker["name"]).split()
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
    for record in rows.statements + rows.quotes + rows.turns + rows.aliases:
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


def absorb_surnames(rows: Rows) -> list[dict]:
    """The reverse of ``join_known_speakers``, so the order articles come in does not matter: a full name
    stored now takes in the surname-only speaker stored before it ("Blinken", "Secretary Blinken always"),
    when it is the only stored person of that surname and their roles are compatible. Two people sharing a
    surname (two full names) block it. The changes-feed entries of the merges."""
    changes = []
    for speaker in rows.speakers:
        words = identity(speaker["name"]).split()
        if speaker["kind"] != "person" or len(words) < 2:
            continue
        lone = Speaker.select().where(Speaker.id == speaker_id(words[-1]), Speaker.kind == "person").first()
        if lone is None or lone.id == speaker["id"]:
            continue
        full = [c for c in Speaker.select(Speaker.id, Speaker.name).where(
            Speaker.kind == "person", Speaker.id.in_(speakers_named(words[-1])))
            if len(identity(c.name).split()) > 1 and identity(c.name).split()[-1] == words[-1]]
        if [c.id for c in full] != [speaker["id"]]:
            continue
        theirs = [lone.role] + [a for (a,) in Appearance.select(Appearance.role).where(
            Appearance.speaker == lone.id).tuples()]
        mine = [speaker["role"]] + [a for (a,) in Appearance.select(Appearance.role).where(
            Appearance.speaker == speaker["id"]).tuples()]
        if any(roles_compatible(a, b) for a in theirs for b in mine):
            changes += merge_speakers(lone.id, speaker["id"])
    return changes


def merge_speakers(source: str, target: str) -> list[dict]:
    """Make ``source`` part of ``target``: its records, aliases and appearances move, it is deleted; the
    feed shows the source deleted, the target and every moved record updated."""
    now = utcnow()
    changes = []
    for kind, model in (("turn", Turn), ("statement", Statement), ("quote", Quote)):
        moved = list(model.select(model.id, model.briefing).where(model.speaker == source).tuples())
        model.update(speaker=target).where(model.speaker == source).execute()
        changes += [{"kind": kind, "record_id": i, "briefing_id": b, "action": "updated", "at": now} for i, b in moved]
    aliases = list(SpeakerAlias.select(SpeakerAlias.alias, SpeakerAlias.folded).where(
        SpeakerAlias.speaker == source).dicts())
    fresh = [{**a, "speaker": target} for a in aliases]
    if fresh:
        SpeakerAlias.insert_many(fresh).on_conflict_ignore().execute()
        AliasWord.insert_many(alias_words(fresh)).on_conflict_ignore().execute()
    taken = {b for (b,) in Appearance.select(Appearance.briefing).where(Appearance.speaker == target).tuples()}
    for appearance in Appearance.select().where(Appearance.speaker == source):
        if appearance.briefing_id in taken:
            appearance.delete_instance()
        else:
            Appearance.update(speaker=target).where(Appearance.id == appearance.id).execute()
    for briefing in Briefing.select(Briefing.id, Briefing.participants).where(Briefing.participants.contains(source)):
        ids = [target if p == source else p for p in briefing.participants.split()]
        Briefing.update(participants=" ".join(dict.fromkeys(ids))).where(Briefing.id == briefing.id).execute()
    AliasWord.delete().where(AliasWord.speaker == source).execute()
    SpeakerAlias.delete().where(SpeakerAlias.speaker == source).execute()
    Speaker.delete().where(Speaker.id == source).execute()
    Speaker.update(updated_at=now).where(Speaker.id == target).execute()
    return changes + [{"kind": "speaker", "record_id": source, "briefing_id": None, "action": "deleted", "at": now},
                      {"kind": "speaker", "record_id": target, "briefing_id": None, "action": "updated", "at": now}]


def drop_unused(speaker_ids) -> list[dict]:
    """Delete the speakers among ``speaker_ids`` that nothing points at any more (a re-parse named them
    otherwise); the feed's tombstones for them."""
    now, gone = utcnow(), []
    for sid in sorted(set(speaker_ids)):
        used = any(model.select().where(model.speaker == sid).exists()
                   for model in (Appearance, Statement, Quote, Turn))
        if not used:
            AliasWord.delete().where(AliasWord.speaker == sid).execute()
            SpeakerAlias.delete().where(SpeakerAlias.speaker == sid).execute()
            if Speaker.delete().where(Speaker.id == sid).execute():
                gone.append({"kind": "speaker", "record_id": sid, "briefing_id": None, "action": "deleted", "at": now})
    return gone

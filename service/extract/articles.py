"""Articles in their input formats, turned into the one text the records index into.

Accepted: plain text (headline on the first line, then the body), Markdown or
text with YAML front matter (title, url, published, publisher), a JSON object
``{title, text, url, published_at, publisher}`` and JSON Lines of those. The
stored text always starts with the headline line, so every offset means the
same thing whatever the input format was.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from dataclasses import dataclass

import yaml

FIELDS = ("title", "text", "url", "published_at", "publisher")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # control characters but tab, CR and LF
_CONTROL_BUT_NUL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MAX_JSON_DEPTH = 20
# bounds on the final article, whatever the input format made of it (characters)
MAX_LENGTH = {"title": 1000, "text": 2_000_000, "url": 2000, "publisher": 500}


def blank_control_characters(text: str) -> tuple[str, int]:
    """``text`` with each control character but tab, CR, LF and NUL made a space, and how many were.

    One character for one, so offsets into the result are offsets into the original. For files a user reads
    from disk (a form feed from a PDF conversion must not cost the whole article); requests are refused instead.
    """
    return _CONTROL_BUT_NUL.subn(" ", text)


class ArticleError(ValueError):
    """The input is not an article: says why, in words a user can act on."""


class MalformedInput(ArticleError):
    """The input cannot even be read (not UTF-8, not JSON, YAML that is invalid or uses refused features,
    control characters); ``field`` names the article field at fault, when there is one."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML for front matter: every scalar is a string, and anchors and aliases are refused.

    An alias repeats a node without repeating its bytes, so a few hundred bytes of
    nested aliases ("billion laughs") expand to gigabytes; front matter never needs them.
    """

    yaml_implicit_resolvers: dict = {}  # no implicit typing: `published: 2024-11-20` stays the string it reads

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise MalformedInput("the front matter may not use YAML anchors or aliases (& and *)")
        return super().compose_node(parent, index)


@dataclass(slots=True)
class Article:
    text: str  # headline line, blank line, body: what offsets index into
    title: str
    url: str | None = None
    published_at: dt.datetime | None = None  # UTC
    publisher: str | None = None

    @property
    def published_date(self) -> str | None:
        return self.published_at.date().isoformat() if self.published_at else None


def normalise(text: str) -> str:
    """Unify line ends and drop a byte-order mark and trailing blank space; nothing else changes."""
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").rstrip()


def parse_time(value) -> dt.datetime | None:
    """An ISO 8601 / RFC 3339 or RFC 2822 time (or a date) as a naive UTC datetime."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        stamp = value
    elif isinstance(value, dt.date):
        stamp = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            stamp = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            try:
                stamp = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError):
                raise ArticleError(f"published date {value!r} is neither ISO 8601 nor RFC 2822") from None
    else:
        raise ArticleError(f"published date must be a string, not {type(value).__name__}")
    if stamp.tzinfo is not None:
        try:
            stamp = stamp.astimezone(dt.timezone.utc).replace(tzinfo=None)
        except OverflowError:  # 0001-01-01T00:00+01:00 is in year 0 in UTC
            raise ArticleError(f"published date {value!r} is out of range in UTC") from None
    return stamp


def from_fields(data: dict) -> Article:
    """An article from a JSON-like mapping with at least ``text``."""
    if not isinstance(data, dict):
        raise ArticleError("an article must be a JSON object with a 'text' field")
    unknown = sorted(set(data) - set(FIELDS) - {"published"})
    if unknown:
        raise ArticleError(f"unknown article field(s): {', '.join(unknown)}")
    for key in FIELDS:
        if data.get(key) is not None and key != "published_at" and not isinstance(data[key], str):
            raise ArticleError(f"article field {key!r} must be a string")
        if isinstance(data.get(key), str) and _CONTROL.search(data[key]):
            raise MalformedInput(f"{key}: control characters (other than tab, CR and LF) are not accepted", key)
    body = normalise(data.get("text") or "")
    title = " ".join((data.get("title") or "").split())
    for name, value in (("text", body), ("title", title)):
        if _SURROGATE.search(value):
            raise ArticleError(f"the {name} holds an invalid character (a lone UTF-16 surrogate, such as \\ud800)")
    if not body.strip():
        raise ArticleError("the article has no text")
    if title and not body.startswith(title):
        body = f"{title}\n\n{body.lstrip()}"
    elif not title:  # the headline line, cut to the title limit when the text has no line breaks
        title = body.split("\n", 1)[0].strip()[: MAX_LENGTH["title"]]
    _check_lengths({"title": title, "text": body, "url": data.get("url"), "publisher": data.get("publisher")})
    return Article(
        text=body,
        title=title,
        url=data.get("url") or None,
        published_at=parse_time(data.get("published_at", data.get("published"))),
        publisher=data.get("publisher") or None,
    )


def _check_lengths(values: dict) -> None:
    for name, value in values.items():
        if value and len(value) > MAX_LENGTH[name]:
            raise ArticleError(f"the {name} is {len(value):,} characters long; at most {MAX_LENGTH[name]:,} are accepted")


def _front_matter(source: str) -> dict:
    """The known fields of a front matter block, each a string (or absent)."""
    try:
        meta = yaml.load(source, Loader=FrontMatterLoader)  # noqa: S506 - a SafeLoader, stricter still
    except yaml.YAMLError as exc:
        raise MalformedInput(f"the front matter is not valid YAML: {exc}") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise ArticleError("the front matter must be a YAML mapping")
    known = {}
    for key in FIELDS + ("published",):
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            raise ArticleError(f"front matter field {key!r} must be a plain string, not a {type(value).__name__}")
        if value is not None and value.strip():
            known[key] = value.strip()
    return known


def from_text(raw: str) -> Article:
    """Plain text, or text/Markdown with YAML front matter between ``---`` lines."""
    text = normalise(raw)
    meta: dict = {}
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1 and text[end + 4 : end + 5] in ("", "\n"):
            meta = _front_matter(text[4:end])
            text = text[end + 4 :].lstrip("\n")
    return from_fields({**meta, "text": text})


def _depth(value, limit: int) -> int:
    stack, deepest = [(value, 1)], 1
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def from_json(raw: str) -> list[Article]:
    """A JSON object, a JSON array of objects, or JSON Lines."""
    stripped = raw.strip()
    try:
        values = [json.loads(stripped)]
    except RecursionError:
        raise MalformedInput(f"the JSON is nested deeper than {MAX_JSON_DEPTH} levels") from None
    except json.JSONDecodeError:
        values = []
        for number, line in enumerate(stripped.splitlines(), 1):
            if not line.strip():
                continue
            try:
                values.append(json.loads(line))
            except RecursionError:
                raise MalformedInput(f"line {number} is nested deeper than {MAX_JSON_DEPTH} levels") from None
            except json.JSONDecodeError as exc:
                raise MalformedInput(f"line {number} is not JSON: {exc.msg}") from None
    if len(values) == 1 and isinstance(values[0], list):
        values = values[0]
    articles = []
    for value in values:
        if _depth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
            raise MalformedInput(f"the JSON is nested deeper than {MAX_JSON_DEPTH} levels")
        articles.append(from_fields(value))
    if not articles:
        raise ArticleError("the JSON holds no article")
    return articles


def read(data: bytes | str, *, name: str = "", content_type: str = "") -> list[Article]:
    """Every article in ``data``, recognised by content type, file name or first character."""
    if isinstance(data, bytes):
        if b"\x00" in data:
            raise MalformedInput("the input is binary, not text")
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise MalformedInput(f"the input is not valid UTF-8 (byte {exc.start})") from None
    if not data.strip():
        raise ArticleError("the input is empty")
    is_json = "json" in content_type or name.endswith((".json", ".jsonl", ".ndjson"))
    if is_json or (not content_type and not name and data.lstrip()[:1] in "{["):
        return from_json(data)
    return [from_text(data)]

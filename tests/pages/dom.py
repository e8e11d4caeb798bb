"""Reading the highlighted spans back out of an article page: what a checker of the page sees."""
from html.parser import HTMLParser


class SpanReader(HTMLParser):
    """Every element with ``data-kind``: its attributes, and the text of its fragments joined in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[tuple | None] = []  # one entry per open <span>: its record key, or None
        self.records: dict[tuple, str] = {}
        self.in_article = False
        self.article = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and attrs.get("id") == "article":
            self.in_article, self.depth = True, 0
        if tag == "div" and self.in_article:
            self.depth += 1
        if tag != "span":
            return
        key = None
        if "data-kind" in attrs:
            key = (attrs["data-kind"], attrs["data-id"], int(attrs["data-start"]), int(attrs["data-end"]))
            self.records.setdefault(key, "")
        self.open.append(key)

    def handle_endtag(self, tag):
        if tag == "span" and self.open:
            self.open.pop()
        if tag == "div" and self.in_article:
            self.depth -= 1
            self.in_article = self.depth > 0

    def handle_data(self, data):
        if self.in_article:
            self.article.append(data)
        for key in self.open:
            if key is not None:
                self.records[key] += data


def page_spans(html: str) -> tuple[dict[tuple, str], str]:
    """``{(kind, id, start, end): text}`` of every highlighted record, and the article's whole text."""
    reader = SpanReader()
    reader.feed(html)
    reader.close()
    return reader.records, "".join(reader.article)


def api_spans(record: dict) -> dict[tuple, str]:
    """The same, from a briefing record expanded with its statements, quotes and figures."""
    out = {}
    for st in record["statements"]:
        for kind, part in (("mention", "speaker_mention"), ("cue", "cue"), ("content", "content")):
            if st[part]:
                out[(kind, st["id"], st[part]["start"], st[part]["end"])] = st[part]["text"]
    for kind, items in (("quote", record["quotes"]), ("figure", record["figures"])):
        for item in items:
            out[(kind, item["id"], item["start"], item["end"])] = item["text"]
    return out

import datetime as dt
import json

import pytest

from service.extract.articles import MAX_LENGTH, ArticleError, MalformedInput, read

BILLION_LAUGHS = "---\ntitle: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)) + "---\nBody.\n"


def test_plain_text_keeps_the_text_and_takes_the_headline():
    [article] = read(b"Headline here\r\n\r\nFirst paragraph.\r\nSecond.\r\n", name="a.txt")
    assert article.title == "Headline here"
    assert article.text == "Headline here\n\nFirst paragraph.\nSecond."


def test_front_matter_gives_metadata_and_is_not_part_of_the_text():
    raw = "---\ntitle: The title\nurl: https://example.org/x\npublished: 2024-11-20\npublisher: Example\n---\n\nBody text.\n"
    [article] = read(raw, name="a.md")
    assert article.text == "The title\n\nBody text."
    assert article.url == "https://example.org/x" and article.publisher == "Example"
    assert article.published_date == "2024-11-20"


def test_json_object_and_json_lines():
    one = {"title": "T", "text": "Body.", "published_at": "Fri, 22 Apr 2022 17:35:27 +0000"}
    [article] = read(json.dumps(one), name="a.json")
    assert article.text == "T\n\nBody." and article.published_at == dt.datetime(2022, 4, 22, 17, 35, 27)
    lines = "\n".join(json.dumps({"text": f"Headline {i}\n\nBody {i}."}) for i in range(3))
    articles = read(lines, name="a.jsonl")
    assert [a.title for a in articles] == ["Headline 0", "Headline 1", "Headline 2"]


def test_a_body_that_already_starts_with_its_title_is_not_repeated():
    [article] = read(json.dumps({"title": "T", "text": "T\n\nBody."}), name="a.json")
    assert article.text == "T\n\nBody."


@pytest.mark.parametrize(
    "raw, name, message",
    [
        (b"", "a.txt", "empty"),
        (b"\x00\x01binary", "a.txt", "binary"),
        (b"caf\xe9", "a.txt", "UTF-8"),
        ('{"title": "x"}', "a.json", "no text"),
        ('{"text": "x", "author": "y"}', "a.json", "unknown article field"),
        ("{bad", "a.json", "not JSON"),
        ('{"text": "x", "published_at": "yesterday"}', "a.json", "published date"),
        ("[" * 50 + "]" * 50, "a.json", "nested deeper"),
        ("[" * 100_000 + "]" * 100_000, "a.json", "nested deeper"),
        ("---\n[a\n---\nbody", "a.md", "front matter"),
    ],
)
def test_unusable_inputs_say_why(raw, name, message):
    with pytest.raises(ArticleError, match=message):
        read(raw, name=name)


def test_front_matter_refuses_anchors_and_aliases():
    """Issue 11.2: a few hundred bytes of nested aliases must not expand to gigabytes."""
    assert len(BILLION_LAUGHS) < 700
    with pytest.raises(MalformedInput, match="anchors or aliases"):
        read(BILLION_LAUGHS, name="a.md")
    with pytest.raises(MalformedInput, match="anchors or aliases"):
        read("---\ntitle: &t Talks\nurl: *t\n---\nBody.", name="a.md")


@pytest.mark.parametrize("value", ["[a, b]", "{x: 1}", "!!int 5", "!!binary aGk="])
def test_front_matter_fields_must_be_plain_strings(value):
    with pytest.raises(ArticleError, match="plain string"):
        read(f"---\ntitle: {value}\n---\nBody.", name="a.md")


def test_front_matter_scalars_stay_the_strings_they_read():
    [article] = read("---\ntitle: 2024\npublished: 2024-11-20\npublisher: yes\n---\nBody.", name="a.md")
    assert article.title == "2024" and article.publisher == "yes" and article.published_date == "2024-11-20"


def test_front_matter_ignores_unknown_keys_but_not_their_aliases():
    [article] = read("---\ntitle: T\ntags: [a, b]\n---\nBody.", name="a.md")
    assert article.title == "T"


@pytest.mark.parametrize("field", ["title", "url", "publisher"])
def test_limits_hold_on_the_final_text(field):
    long = "x" * (MAX_LENGTH[field] + 1)
    with pytest.raises(ArticleError, match=f"the {field} is"):
        read(f"---\n{field}: {long}\n---\nBody.", name="a.md")
    with pytest.raises(ArticleError, match=f"the {field} is"):
        read(json.dumps({field: long, "text": "Body."}), name="a.json")


def test_the_text_limit_counts_the_headline_it_gains():
    body = "y" * (MAX_LENGTH["text"] - 3)
    [article] = read(json.dumps({"text": body}), name="a.json")
    assert len(article.text) == len(body)
    with pytest.raises(ArticleError, match="the text is"):
        read(json.dumps({"title": "Title", "text": body}), name="a.json")

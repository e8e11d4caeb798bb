"""The HTML pages through the HTTP client: the article with its evidence, search, a speaker's statements."""
import re

from tests.pages.dom import api_spans, page_spans

EXPAND = "statements,quotes,figures,speakers"
HOSTILE = ("Ministry holds briefing <script>document.title='pwned'</script>\n\n"
           "The spokesperson said \"<img src=x onerror=alert(1)> & <b>bold</b> talks resume\". "
           "Minister Lena Ortiz said 40 people were freed.")


def test_the_article_page_shows_every_record_with_its_span(client, seeded):
    for briefing_id in seeded:
        record = client.get(f"/v1/briefings/{briefing_id}?expand={EXPAND}").json
        response = client.get(f"/briefings/{briefing_id}")
        assert response.status_code == 200 and response.mimetype == "text/html"
        spans, text = page_spans(response.get_data(as_text=True))
        assert text == record["text"]
        assert spans == api_spans(record)
        assert record["statements"] and record["quotes"]


def test_the_page_links_speakers_and_the_json(client, seeded):
    record = client.get(f"/v1/briefings/{seeded[0]}?expand={EXPAND}").json
    html = client.get(f"/briefings/{seeded[0]}").get_data(as_text=True)
    speaker = next(st["speaker"] for st in record["statements"] if st["speaker"])
    assert f'href="/speakers/{speaker["id"]}"' in html
    assert f'href="/v1/briefings/{seeded[0]}?expand=statements,quotes,figures,speakers"' in html
    assert f'title="{speaker["name"]}: ' in html  # the hover note names the speaker and the type
    page = client.get(f"/speakers/{speaker['id']}").get_data(as_text=True)
    said = client.get(f"/v1/speakers/{speaker['id']}/statements?limit=100").json["data"]
    assert said and all(f'href="/briefings/{st["briefing_id"]}#{st["id"]}"' in page for st in said)


def test_nothing_is_loaded_from_elsewhere_and_no_script_may_run(client, seeded):
    response = client.get(f"/briefings/{seeded[0]}")
    html = response.get_data(as_text=True)
    assert "script-src" not in response.headers["Content-Security-Policy"]
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert "<script" not in html and not re.search(r'(src|href)="(https?:)?//', html)


def test_markup_in_an_article_is_shown_as_text(client, post_article):
    briefing_id = post_article(HOSTILE).json["id"]
    html = client.get(f"/briefings/{briefing_id}").get_data(as_text=True)
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html
    record = client.get(f"/v1/briefings/{briefing_id}?expand={EXPAND}").json
    spans, text = page_spans(html)
    assert text == record["text"] and spans == api_spans(record)


def test_a_source_link_is_only_ever_http(client, post_article):
    article = {"title": "Briefing", "text": "The minister said talks would resume.", "url": "javascript:alert(1)"}
    briefing_id = client.post("/v1/articles", json=article, headers={"Authorization": "Bearer test-key"}).json["id"]
    assert "javascript:" not in client.get(f"/briefings/{briefing_id}").get_data(as_text=True)


def test_the_list_page_searches(client, seeded):
    html = client.get("/briefings").get_data(as_text=True)
    assert all(f'href="/briefings/{b}"' in html for b in seeded) and "2 briefings" in html
    hits = client.get("/v1/briefings?q=ceasefire").json["data"]
    found = client.get("/briefings?q=ceasefire").get_data(as_text=True)
    assert hits and all(f'href="/briefings/{b["id"]}"' in found for b in hits)
    assert f"{len(hits)} briefing" in found and 'value="ceasefire"' in found
    assert "0 briefings" in client.get("/briefings?q=zzzqqq").get_data(as_text=True)


def test_unknown_pages_are_404(client, seeded):
    assert client.get("/briefings/br_nothing").status_code == 404
    assert client.get("/speakers/sp_nothing").status_code == 404
    assert client.get("/briefings?cursor=bogus").status_code == 400

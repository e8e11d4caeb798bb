def test_figures_filter_by_kind_and_briefing(client, seeded):
    everything = client.get("/v1/figures?limit=100").json["data"]
    assert everything
    for kind in {f["kind"] for f in everything}:
        of_kind = client.get("/v1/figures", query_string={"kind": kind, "limit": 100}).json["data"]
        assert of_kind and all(f["kind"] == kind for f in of_kind)
    in_second = client.get("/v1/figures", query_string={"briefing": seeded[1], "limit": 100}).json["data"]
    assert in_second and all(f["briefing_id"] == seeded[1] for f in in_second)


def test_figures_point_at_the_text(client, seeded):
    text = client.get(f"/v1/briefings/{seeded[1]}").json["text"]
    for figure in client.get("/v1/figures", query_string={"briefing": seeded[1]}).json["data"]:
        assert text[figure["start"]:figure["end"]] == figure["text"]


def test_figure_kind_must_be_known(client):
    response = client.get("/v1/figures?kind=weight")
    assert response.status_code == 400 and response.json["parameter"] == "kind"


def values(client, **query):
    return client.get("/v1/figures", query_string={"limit": 100, **query}).json["data"]


def test_figures_filter_by_subject_range_qualifier(client, seeded):
    children = values(client, subject="Children")
    assert children and all("children" in f["subject"].lower() for f in children)
    counted = values(client, kind="count", min=40, max=200)
    assert counted and all(f["kind"] == "count" and 40 <= f["value"] <= 200 for f in counted)
    assert {f["value"] for f in counted} >= {42, 58, 192}
    at_least = values(client, qualifier="at_least")
    assert at_least and all(f["qualifier"] == "at_least" for f in at_least)
    assert values(client, min=1e12) == []


def test_figures_a_speaker_cited(client, post_article):
    article = ("Ministry holds briefing\n\nSpokesperson Lena Ortiz said that 40 people had been arrested. "
               "Police chief Omar Diaz said 12 officers were hurt. Rain fell on 3 towns.")
    assert post_article(article).status_code == 201
    hers = values(client, speaker="ortiz")
    assert [f["value"] for f in hers] == [40]
    statements = client.get("/v1/statements", query_string={"speaker": "ortiz"}).json["data"]
    assert hers[0]["statement_id"] == statements[0]["id"]
    assert [f["value"] for f in values(client, speaker="diaz")] == [12]
    assert values(client, speaker="nobody") == []


def test_figure_filters_reject_bad_values(client):
    for query, parameter in (({"min": "many"}, "min"), ({"qualifier": "roughly"}, "qualifier"),
                             ({"max": "nan"}, "max")):
        response = client.get("/v1/figures", query_string=query)
        assert response.status_code == 400 and response.json["parameter"] == parameter


AID = ("Ministry outlines aid package\n\nThe finance minister said on Tuesday that the government would spend "
       "$250 million on new schools. She said a further $1.2 billion had been set aside for roads, and that "
       "$40 million would go to clinics. The deputy minister said the plan also included €300 million from "
       "European partners. He added that $5 million would fund a pilot programme, and that 12 towns would "
       "benefit.")


def test_the_largest_dollar_figures_first(client, seeded, post_article):
    assert post_article(AID).status_code == 201
    top = values(client, kind="money", unit="USD", sort="-value", limit=3)
    assert [(f["value"], f["unit"]) for f in top] == [(1_200_000_000, "USD"), (250_000_000, "USD"),
                                                      (40_000_000, "USD")]
    every = values(client, kind="money", unit="USD", sort="value")
    assert [f["value"] for f in every] == [5_000_000, 40_000_000, 250_000_000, 1_200_000_000]
    big = values(client, kind="money", unit="USD", min=1e8, sort="-value")
    assert [f["value"] for f in big] == [1_200_000_000, 250_000_000]
    assert [f["text"] for f in values(client, unit="EUR")] == ["€300 million"]


def test_sorted_figures_page_on_without_repeats(client, seeded, post_article):
    assert post_article(AID).status_code == 201
    everything = values(client, sort="-value")
    assert everything and all(isinstance(f["value"], (int, float)) for f in everything)
    assert [f["value"] for f in everything] == sorted((f["value"] for f in everything), reverse=True)
    paged, cursor = [], None
    while True:
        page = client.get("/v1/figures", query_string={"sort": "-value", "limit": 2,
                                                      **({"cursor": cursor} if cursor else {})}).json
        paged += page["data"]
        cursor = page["next"]
        if cursor is None:
            break
    assert [f["id"] for f in paged] == [f["id"] for f in everything]


def test_order_breaks_ties_between_equal_values(client, seeded, post_article):
    assert post_article(AID.replace("12 towns", "$5 million more")).status_code == 201
    oldest = values(client, unit="USD", sort="value", limit=2)
    newest = values(client, unit="USD", sort="value", order="newest", limit=2)
    assert [f["value"] for f in oldest] == [f["value"] for f in newest] == [5_000_000, 5_000_000]
    assert [f["id"] for f in oldest] == [f["id"] for f in reversed(newest)]


def test_sort_is_by_value(client):
    response = client.get("/v1/figures", query_string={"sort": "size"})
    assert response.status_code == 400 and response.json["parameter"] == "sort"

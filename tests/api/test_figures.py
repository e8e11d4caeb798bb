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

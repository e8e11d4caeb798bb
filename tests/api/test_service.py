import yaml


def test_health(client, seeded):
    body = client.get("/health").json
    assert body["status"] == "ok" and body["briefings"] == 2


def test_spec_is_served_as_json_and_yaml(client):
    as_json = client.get("/v1/openapi.json").json
    as_yaml = yaml.safe_load(client.get("/openapi.yaml").data)
    assert as_json == as_yaml
    assert "/v1/statements" in as_json["paths"]


def test_docs_page_and_its_assets_are_served_locally(client):
    page = client.get("/docs").get_data(as_text=True)
    assert "/docs/assets/swagger-ui-bundle.js" in page and "/v1/openapi.json" in page
    assert "http" not in page.split("<script", 1)[1].split("</script>")[0]
    for asset in ("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"):
        assert client.get(f"/docs/assets/{asset}").status_code == 200


def test_docs_page_reads_the_openapi_31_spec(client):
    """Swagger UI reads OpenAPI 3.1 from version 5 on; older ones refuse to render the spec."""
    assert client.get("/v1/openapi.json").json["openapi"].startswith("3.1")
    version = client.get("/docs/assets/VERSION").get_data(as_text=True).strip()
    assert int(version.lstrip("v").split(".")[0]) >= 5, version


def test_method_not_allowed_is_a_problem(client):
    response = client.delete("/v1/statements")
    assert response.status_code == 405 and response.content_type == "application/problem+json"


def test_a_repeated_single_valued_parameter_is_refused_by_name(client):
    response = client.get("/v1/statements?speaker=a&speaker=b")
    assert response.status_code == 400 and response.content_type == "application/problem+json"
    assert response.json["parameter"] == "speaker" and "once" in response.json["detail"]
    response = client.get("/v1/figures?min=1&min=2&kind=count")
    assert response.status_code == 400 and response.json["parameter"] == "min"
    response = client.get("/v1/changes?limit=5&limit=6")
    assert response.status_code == 400 and response.json["parameter"] == "limit"


def test_a_parameter_given_once_is_read_as_before(client):
    assert client.get("/v1/statements?speaker=a&limit=5").status_code == 200


def test_a_list_parameter_may_be_comma_separated_or_repeated(client, seeded):
    joined = client.get("/v1/statements?fields=id,speaker&limit=5")
    repeated = client.get("/v1/statements?fields=id&fields=speaker&limit=5")
    assert joined.status_code == repeated.status_code == 200
    assert joined.json == repeated.json and set(joined.json["data"][0]) == {"id", "speaker"}

"""One speaker per person across articles, whatever order the articles come in; role= filters."""
import pytest

FULL = "Talks resume\n\nSecretary of State Ana J. Reyes said on Monday that talks would resume.\n"
SAME = "Talks go on\n\nAna Reyes, the Secretary of State, said the talks were going well.\n"
SURNAME = "Talks end\n\nSecretary Reyes said the talks had ended.\n"
OTHER = "Match report\n\nCarlos Reyes, the team's coach, said the match was hard.\n"
MINISTER_A = "Floods\n\nThe minister said the floods were receding.\n"
MINISTER_B = "Harvest\n\nThe minister said the harvest was late.\n"


def reyes(client):
    return client.get("/v1/speakers", query_string={"q": "reyes", "limit": 100}).json["data"]


@pytest.mark.parametrize("order", [(FULL, SAME, SURNAME), (SURNAME, FULL, SAME)])
def test_variants_of_one_name_are_one_speaker(client, post_article, order):
    for text in order:
        assert post_article(text).status_code == 201
    [one] = reyes(client)
    assert {"Ana J. Reyes", "Ana Reyes"} <= set(one["aliases"])
    said = client.get(f"/v1/speakers/{one['id']}/statements", query_string={"limit": 100}).json["data"]
    by_name = client.get("/v1/statements", query_string={"speaker": "Reyes", "limit": 100}).json["data"]
    assert len(said) == 3 and said == by_name


def test_a_surname_shared_by_two_people_joins_neither(client, post_article):
    for text in (FULL, OTHER, SURNAME):
        assert post_article(text).status_code == 201
    names = sorted(s["name"] for s in reyes(client))
    assert names[:2] == ["Ana J. Reyes", "Carlos Reyes"] and len(names) == 3


def test_the_merge_is_in_the_changes_feed(client, post_article):
    post_article(SURNAME)
    lone = reyes(client)[0]["id"]
    post_article(FULL)
    changes = client.get("/v1/changes", query_string={"limit": 1000}).json["data"]
    assert {"kind": "speaker", "id": lone, "action": "deleted"} in [
        {k: c[k] for k in ("kind", "id", "action")} for c in changes]
    moved = [c for c in changes if c["kind"] == "statement" and c["action"] == "updated"]
    assert moved and moved[0]["record"]["speaker"]["name"] == "Ana J. Reyes"


def test_unnamed_roles_are_speakers_of_their_own_article(client, post_article):
    for text in (MINISTER_A, MINISTER_B):
        assert post_article(text).status_code == 201
    said = client.get("/v1/statements", query_string={"limit": 100}).json["data"]
    assert len({s["speaker"]["id"] for s in said}) == 2


def test_role_filters_speakers_statements_and_quotes(client, post_article):
    post_article("Briefing\n\nForeign Office spokesperson Lena Dorn said that the border was open. "
                 "\u201cWe are ready,\u201d Dorn said.\n")
    post_article(OTHER)
    [dorn] = client.get("/v1/speakers", query_string={"role": "Spokesperson"}).json["data"]
    assert dorn["name"] == "Lena Dorn"
    said = client.get("/v1/statements", query_string={"role": "spokesperson"}).json["data"]
    assert said and {s["speaker"]["name"] for s in said} == {"Lena Dorn"}
    quotes = client.get("/v1/quotes", query_string={"role": "spokesperson"}).json["data"]
    assert [q["speaker"]["name"] for q in quotes] == ["Lena Dorn"]
    assert client.get("/v1/statements", query_string={"role": "astronaut"}).json["data"] == []

"""The demo catalogue, loaded by the same path as any import, is searchable at once."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("demo")


@pytest.mark.parametrize(
    "query",
    ["朱声仄", "朱聲仄", "Zhu Shengze", "Shengze Zhu", "zhu sheng-ze", "shengze"],
)
def test_director_is_found_by_every_form_of_her_name(client, demo, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "Shengze Zhu" in response.content.decode()
    assert "/people/shengze-zhu/" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("虚焦", "out-of-focus"),
        ("Xu Jiao", "out-of-focus"),
        ("same sky", "when-we-meet-under-the-same-sky"),
        ("Gleaners", "the-home-gleaners"),
    ],
)
def test_films_are_found_by_any_title(client, demo, query, slug):
    response = client.get("/search/", {"q": query})
    assert f"/films/{slug}/" in response.content.decode()


def test_people_are_not_duplicated_across_scripts(demo):
    from filmfolio.people.models import Person

    assert Person.objects.filter(display_name="Shengze Zhu").count() == 1
    assert Person.objects.get(display_name="Zhengfan Yang").match_key == "fan yang zheng"

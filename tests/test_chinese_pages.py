"""The signed-in pages that used to stay in English, asked for in Chinese: the import page, the
studio's media section and the account pages show their Chinese text and none of the English."""

from __future__ import annotations

import pytest

from filmfolio.accounts.tests.factories import UserFactory
from filmfolio.sharing.tests.factories import CollaboratorFactory

pytestmark = pytest.mark.django_db

PAGES = {
    "/import/": (
        ["从文字新建影片", "读取页面", "……或影片页面的文本"],
        ["New film from text", "Read the page"],
    ),
    "/studio/films/{slug}/media/": (
        ["把视频和图片拖到这里，可一次拖入多个。", "选择文件", "谁可以观看", "视频添加为"],
        ["Drag videos and images here", "Choose files", "Who may watch", "Videos are added as"],
    ),
    "/accounts/profile/": (["你的影片", "从文字新建影片"], ["Your films", "Find your person page"]),
    "/api/tokens/": (["新建令牌", "你还没有令牌。"], ["New token", "You have no tokens yet."]),
}


@pytest.fixture(autouse=True)
def _static_root(settings, tmp_path):
    # WhiteNoise warns (an error under the suite's filterwarnings) when STATIC_ROOT is missing.
    settings.STATIC_ROOT = tmp_path


@pytest.mark.parametrize("path", PAGES)
def test_page_in_chinese(client, path):
    collaboration = CollaboratorFactory(user=UserFactory())
    client.force_login(collaboration.user)
    response = client.get(path.format(slug=collaboration.film.slug), HTTP_ACCEPT_LANGUAGE="zh-hans")
    html = response.content.decode()
    chinese, english = PAGES[path]
    assert response.status_code == 200
    assert [text for text in chinese if text not in html] == []
    assert [text for text in english if text in html] == []

"""A channel lists everything tagged for its audience, and nothing else."""

import pytest

from channels.audiences import Audience

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ChannelPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
)

pytestmark = pytest.mark.django_db


def test_channel_lists_pages_tagged_for_its_audience_only(client, home):
    ChannelPageFactory(parent=home, slug="overseas", audience=Audience.OVERSEAS, title="华侨频道")
    department = DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home))
    column = ArticleIndexPageFactory(parent=department)
    ArticlePageFactory(parent=column, title="侨批档案展开幕", audiences=[Audience.OVERSEAS, Audience.TOURIST])
    ArticlePageFactory(parent=column, title="企业开办一网通办", audiences=[Audience.ENTERPRISE])
    ArticlePageFactory(parent=column, title="无标注的新闻")

    html = client.get("/overseas/").content.decode()
    assert "侨批档案展开幕" in html
    assert "企业开办一网通办" not in html
    assert "无标注的新闻" not in html


def test_channel_hides_unpublished_pages(client, home):
    ChannelPageFactory(parent=home, slug="citizen", audience=Audience.CITIZEN)
    column = ArticleIndexPageFactory(parent=DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home)))
    draft = ArticlePageFactory(parent=column, title="尚未发布的草稿", audiences=[Audience.CITIZEN])
    draft.unpublish()
    assert "尚未发布的草稿" not in client.get("/citizen/").content.decode()


def test_a_channel_shows_the_newest_task_guides_not_hundreds(client, home):
    from channels.models import GUIDES_SHOWN

    from .factories import DepartmentServicesPageFactory, ServiceItemPageFactory

    ChannelPageFactory(parent=home, slug="citizen", audience=Audience.CITIZEN)
    column = DepartmentServicesPageFactory(parent=DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home)))
    for number in range(GUIDES_SHOWN + 3):
        ServiceItemPageFactory(parent=column, title=f"事项{number:02d}号", audiences=[Audience.CITIZEN])

    html = client.get("/citizen/").content.decode()
    assert html.count("号</a>") == GUIDES_SHOWN
    assert f"事项{GUIDES_SHOWN + 2:02d}号" in html and "事项00号" not in html

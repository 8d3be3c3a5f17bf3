"""Every page type renders for a reader, with its title, breadcrumbs and guideline metadata."""

import re

import pytest

from channels.audiences import Audience
from demo import content
from demo.loader import DemoLoader
from home.models import ContentListPage, PortalSettings
from portal.listing import PAGE_SIZE

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ChannelPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    MessageFormPageFactory,
    SectionPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def meta(name, content):
    return f'<meta name="{name}" content="{content}">'


def test_home_page_shows_sections_channels_and_site_identity(client, home):
    SectionPageFactory(parent=home, title="走进江门")
    ChannelPageFactory(parent=home, title="华侨频道", audience=Audience.OVERSEAS)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "走进江门" in html and "华侨频道" in html
    assert meta("SiteName", "江门政务之窗") in html
    assert meta("SiteIDCode", "4407000001") in html
    assert "粤ICP备05012345号" in html
    assert 'class="skip-link" href="#main"' in html


def test_section_page_lists_its_children_and_column_metadata(client, home):
    section = SectionPageFactory(parent=home, title="网上办事", slug="services", column_type="service")
    StandardPageFactory(parent=section, title="网上办事指南")
    html = client.get("/services/").content.decode()
    assert "<h1>网上办事</h1>" in html
    assert "网上办事指南" in html
    assert meta("ColumnName", "网上办事") in html
    assert meta("ColumnType", "办事服务") in html


def test_article_page_carries_article_metadata_and_breadcrumbs(client, home):
    departments = DepartmentIndexPageFactory(parent=home)
    department = DepartmentPageFactory(parent=departments, title="江门市民政局", slug="mzj")
    column = ArticleIndexPageFactory(parent=department, title="通知公告", slug="notices")
    article = ArticlePageFactory(parent=column, title="关于七夕婚姻登记的通知", slug="qixi")
    article.tags.add("婚姻登记")
    article.save_revision().publish()

    html = client.get("/departments/mzj/notices/qixi/").content.decode()
    assert "<h1>关于七夕婚姻登记的通知</h1>" in html
    assert meta("ArticleTitle", "关于七夕婚姻登记的通知") in html
    assert meta("ContentSource", "江门市民政局") in html
    assert meta("ColumnName", "通知公告") in html
    assert meta("Keywords", "婚姻登记") in html
    assert 'name="PubDate" content="20' in html
    breadcrumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert "江门市民政局" in breadcrumbs and "通知公告" in breadcrumbs


def test_department_page_shows_contacts_columns_and_latest_articles(client, home):
    departments = DepartmentIndexPageFactory(parent=home)
    department = DepartmentPageFactory(parent=departments, title="江门市教育局", slug="jyj", phone="0750-3501234")
    column = ArticleIndexPageFactory(parent=department, title="部门动态", slug="news")
    ArticlePageFactory(parent=column, title="秋季学期招生工作通知")

    html = client.get("/departments/jyj/").content.decode()
    assert "<h1>江门市教育局</h1>" in html
    assert "0750-3501234" in html
    assert "部门动态" in html
    assert "秋季学期招生工作通知" in html
    assert "江门市教育局" in client.get("/departments/").content.decode()


def test_article_index_lists_articles_newest_first(client, home):
    departments = DepartmentIndexPageFactory(parent=home)
    column = ArticleIndexPageFactory(parent=DepartmentPageFactory(parent=departments, slug="gaj"), slug="news")
    ArticlePageFactory(parent=column, title="第一条")
    ArticlePageFactory(parent=column, title="第二条")
    html = client.get("/departments/gaj/news/").content.decode()
    assert html.index("第二条") < html.index("第一条")


def test_standard_page_renders_its_body(client, home):
    page = StandardPageFactory(parent=home, title="江门概况", slug="overview")
    page.body = [("paragraph", "<p>江门市下辖蓬江、江海、新会三区。</p>")]
    page.save_revision().publish()
    assert "江门市下辖蓬江、江海、新会三区。" in client.get("/overview/").content.decode()


def test_missing_page_gives_the_portal_404(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "抱歉，您访问的页面不存在" in response.content.decode()


def test_sitemap_lists_live_pages(client, home):
    SectionPageFactory(parent=home, slug="discover")
    response = client.get("/sitemap.xml")  # the index of the per-language sitemaps
    assert response.status_code == 200
    assert "http://testserver/sitemap-zh-hans.xml" in response.content.decode()
    assert "/discover/" in client.get("/sitemap-zh-hans.xml").content.decode()


def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_search_finds_a_page_by_its_title(client, home):
    StandardPageFactory(parent=home, title="Marriage registration", slug="marriage")
    response = client.get("/search/", {"q": "marriage"})
    assert response.status_code == 200
    assert "Marriage registration" in response.content.decode()


@pytest.mark.parametrize("query", ['"', 'a"', "\x00", "*", "(", "江门 AND", "x" * 2000, "？！。，"])
def test_search_never_fails_on_odd_input(client, home, query):
    assert client.get("/search/", {"q": query}).status_code == 200
    assert client.get("/api/v2/pages/", {"search": query}).status_code in (200, 400)


def test_each_more_link_leads_to_the_whole_list_its_box_shows(client, home):
    departments = DepartmentIndexPageFactory(parent=home)
    news = SectionPageFactory(parent=home, slug="disclosure").add_child(
        instance=ContentListPage(title="政务动态", slug="news", source=departments, kind="departments.articlepage")
    )
    for department in ("mzj", "jyj"):
        column = ArticleIndexPageFactory(parent=DepartmentPageFactory(parent=departments, slug=department))
        for number in range(PAGE_SIZE // 2 + 1):
            ArticlePageFactory(parent=column, title=f"{department}动态{number}")
    latest = {"source": departments, "count": 3, "kind": "departments.articlepage"}
    home.body = [
        ("latest", {**latest, "heading": "政务动态", "more": news}),
        ("latest", {**latest, "heading": "部门文章"}),
    ]
    home.save_revision().publish()

    html = client.get("/").content.decode()
    assert '<a href="/disclosure/news/">更多<span class="visually-hidden">政务动态</span>' in html
    assert '<a href="/departments/">更多<span class="visually-hidden">部门文章</span>' in html  # no list: the column
    pages = [client.get("/disclosure/news/", {"page": number}).content.decode() for number in (1, 2)]
    assert "第 1 页，共 2 页" in pages[0]
    for department in ("mzj", "jyj"):
        for number in range(PAGE_SIZE // 2 + 1):
            assert sum(f">{department}动态{number}<" in page for page in pages) == 1


def test_the_demo_hotline_box_and_hotline_page_lead_to_the_letter_form(client, home):
    section = SectionPageFactory(parent=home, slug="interaction", title="公众互动")
    form = MessageFormPageFactory(parent=section)
    data = next(page for page in content.read("site.json")["sections"][2]["pages"] if page["slug"] == "hotline-12345")
    hotline = StandardPageFactory(parent=section, slug=data["slug"], title=data["title"])
    loader = DemoLoader(log=lambda message: None)
    loader.pages = {"/interaction/write/": form, "/interaction/hotline-12345/": hotline}
    PortalSettings.objects.all().delete()  # the demo writes the settings of a new site only

    loader.load_settings(home, content.read("site.json")["settings"])
    loader.action_links(data["actions"])(hotline)
    hotline.save_revision().publish()

    assert re.search(r'href="/interaction/write/"[^>]*>在线留言<', client.get("/").content.decode())
    body = client.get("/interaction/hotline-12345/").content.decode().split('class="prose">', 1)[-1]
    assert re.search(r'^\s*<section class="link-list">.*?href="/interaction/write/">我要写信<', body, re.S)

"""The front cache: which responses a shared cache may keep, and which URLs publishing purges."""

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

import pytest

from channels.audiences import Audience

from .factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    ChannelPageFactory,
    DepartmentIndexPageFactory,
    DepartmentPageFactory,
    DepartmentServicesPageFactory,
    DisclosureCatalogPageFactory,
    DisclosureEntryPageFactory,
    DisclosureIndexPageFactory,
    MessageFormPageFactory,
    ScenarioGuidePageFactory,
    ScenarioIndexPageFactory,
    SectionPageFactory,
    ServiceIndexPageFactory,
    ServiceItemPageFactory,
    StandardPageFactory,
    step,
)

pytestmark = pytest.mark.django_db


def shared(response):
    return "public" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]


def never_stored(response):
    return {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, slug="discover")


def test_an_anonymous_page_may_be_shared_and_varies_on_nothing_but_its_url(client, section):
    response = client.get("/discover/")

    assert shared(response) and "s-maxage=600" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "") and "Accept-Language" not in response.get("Vary", "")
    assert not response.cookies


def test_a_guide_with_answers_is_shared_per_full_url_for_a_shorter_time(client, home):
    index = ScenarioIndexPageFactory(parent=SectionPageFactory(parent=home, slug="services"))
    guide = ScenarioGuidePageFactory(parent=index, slug="marriage")

    response = client.get(guide.url, {"identity": "one_overseas"})

    assert shared(response) and "s-maxage=60" in response["Cache-Control"]


def test_a_logged_in_editor_gets_pages_no_cache_keeps(client, section):
    client.force_login(get_user_model().objects.create_superuser("editor", password="x"))

    assert never_stored(client.get("/discover/"))


def test_a_reader_in_elderly_mode_gets_a_page_no_shared_cache_keeps(client, section):
    client.get("/elderly-mode/", {"on": "1", "next": "/discover/"})
    response = client.get("/discover/")

    assert 'class="elderly"' in response.content.decode()
    assert never_stored(response)
    client.get("/elderly-mode/", {"next": "/discover/"})  # switched off: shared again
    assert shared(client.get("/discover/"))


def test_a_preview_is_never_stored(client, section):
    client.force_login(get_user_model().objects.create_superuser("editor", password="x"))
    page = StandardPageFactory(parent=section)

    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))

    assert response.status_code == 200 and never_stored(response)


def test_a_form_with_a_csrf_token_and_its_post_are_never_stored(client, home):
    form_page = MessageFormPageFactory(parent=SectionPageFactory(parent=home, slug="interaction"))

    shown = client.get(form_page.url)
    posted = client.post(form_page.url, {"title": ""})

    assert "csrfmiddlewaretoken" in shown.content.decode() and never_stored(shown)
    assert never_stored(posted)


def test_an_api_request_with_a_token_keeps_its_own_headers(client, home):
    response = client.get("/api/12345/cases/", headers={"Authorization": "Bearer wrong"})

    assert "public" not in response.get("Cache-Control", "")


class RecordingBackend(BaseBackend):
    """Keeps the purged URLs instead of sending them to nginx."""

    purged = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


@pytest.fixture
def purged(django_capture_on_commit_callbacks):
    """The URLs purged by what the test does (purges run when the transaction commits)."""
    RecordingBackend.purged = []
    with override_settings(WAGTAILFRONTENDCACHE={"test": {"BACKEND": "tests.test_front_cache.RecordingBackend"}}):
        yield lambda: {url.removeprefix("http://localhost") for url in RecordingBackend.purged}


@pytest.fixture
def department(home):
    return DepartmentPageFactory(parent=DepartmentIndexPageFactory(parent=home), slug="mzj", code="11440700007186039H")


def test_publishing_an_article_purges_it_its_listings_the_home_page_channels_and_search(
    home, department, purged, django_capture_on_commit_callbacks
):
    column = ArticleIndexPageFactory(parent=department, slug="news")
    ChannelPageFactory(parent=home, slug="citizen", audience=Audience.CITIZEN)

    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(parent=column, slug="opening", audiences=[Audience.CITIZEN])

    assert {
        "/departments/mzj/news/opening/",
        "/departments/mzj/news/",
        "/departments/mzj/",
        "/departments/",
        "/",
        "/citizen/",
        "/search/",
    } <= purged()


def test_publishing_an_entry_purges_the_central_catalog_and_the_feeds(
    home, department, purged, django_capture_on_commit_callbacks
):
    DisclosureIndexPageFactory(parent=SectionPageFactory(parent=home, slug="disclosure"))
    catalog = DisclosureCatalogPageFactory(parent=department)

    with django_capture_on_commit_callbacks(execute=True):
        DisclosureEntryPageFactory(parent=catalog, slug="plan")

    assert {
        "/departments/mzj/disclosure/plan/",
        "/disclosure/catalog/",
        "/feeds/disclosure.rss",
        "/feeds/disclosure.atom",
        "/feeds/disclosure/11440700007186039H.rss",
    } <= purged()


def test_publishing_a_service_item_purges_the_city_wide_list_and_the_guides_linking_it(
    home, department, purged, django_capture_on_commit_callbacks
):
    services = SectionPageFactory(parent=home, slug="services")
    ServiceIndexPageFactory(parent=services)
    item = ServiceItemPageFactory(parent=DepartmentServicesPageFactory(parent=department), slug="marriage-item")
    guide = ScenarioGuidePageFactory(parent=ScenarioIndexPageFactory(parent=services), slug="marriage")
    kind, value = step("办理登记")
    guide.steps = [(kind, value | {"service_item": item})]
    guide.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        item.title = "内地居民婚姻登记"
        item.save_revision().publish()

    assert {"/departments/mzj/services/marriage-item/", "/services/items/", "/services/scenarios/marriage/"} <= purged()


def test_unpublishing_and_moving_purge_the_old_urls(home, department, purged, django_capture_on_commit_callbacks):
    news = ArticleIndexPageFactory(parent=department, slug="news")
    notices = ArticleIndexPageFactory(parent=department, slug="notices")
    article = ArticlePageFactory(parent=news, slug="opening")

    with django_capture_on_commit_callbacks(execute=True):
        article.move(notices, pos="last-child")
    moved = purged()
    RecordingBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        article.refresh_from_db()
        article.unpublish()

    assert {"/departments/mzj/news/opening/", "/departments/mzj/notices/opening/", "/departments/mzj/news/"} <= moved
    assert {"/departments/mzj/notices/opening/", "/departments/mzj/notices/"} <= purged()


def test_without_a_front_cache_nothing_is_purged_and_pages_still_work(
    client, section, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        StandardPageFactory(parent=section).save_revision().publish()

    purges = [callback for callback in callbacks if callback.__module__.startswith("frontcache")]
    assert purges == [] and client.get("/discover/").status_code == 200


def test_the_404_of_an_unpublished_page_may_be_shared_so_a_refresh_replaces_the_old_copy(client, section):
    page = StandardPageFactory(parent=section, slug="notice")
    page.unpublish()

    response = client.get("/discover/notice/")

    assert response.status_code == 404 and shared(response)

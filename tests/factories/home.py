"""Factories for the home app's pages: the portal's home, its sections, plain pages and gathered lists."""

import factory
import wagtail_factories

from home.models import ContentListPage, HomePage, SectionPage, StandardPage
from portal.columns import ColumnType


class HomePageFactory(wagtail_factories.PageFactory):
    title = "江门政务之窗"
    slug = "home"

    class Meta:
        model = HomePage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"栏目{n}")
    slug = factory.Sequence(lambda n: f"section-{n}")
    show_in_menus = True
    column_type = ColumnType.OVERVIEW

    class Meta:
        model = SectionPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"页面{n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    summary = "页面摘要"

    class Meta:
        model = StandardPage


class ContentListPageFactory(wagtail_factories.PageFactory):
    title = "政务动态"
    slug = factory.Sequence(lambda n: f"list-{n}")

    class Meta:
        model = ContentListPage

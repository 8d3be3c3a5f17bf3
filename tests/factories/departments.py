"""Factories for departments and their news columns."""

import factory
import wagtail_factories

from channels.models import PageAudience
from departments.models import ArticleIndexPage, ArticlePage, DepartmentIndexPage, DepartmentPage


class DepartmentIndexPageFactory(wagtail_factories.PageFactory):
    title = "政府部门"
    slug = "departments"
    show_in_menus = True

    class Meta:
        model = DepartmentIndexPage


class DepartmentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"江门市第{n}局")
    slug = factory.Sequence(lambda n: f"dept-{n}")
    code = factory.Sequence(lambda n: f"11440700MB{n:07d}X")
    address = "江门市蓬江区建设三路"
    phone = "0750-3270000"

    class Meta:
        model = DepartmentPage


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "部门动态"
    slug = factory.Sequence(lambda n: f"news-{n}")
    show_in_menus = True

    class Meta:
        model = ArticleIndexPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"新闻{n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = "新闻摘要"

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(article, create, audiences, **kwargs):
        """Tag the article for these audiences, then publish it as an editor would (setting its publication date)."""
        if audiences:
            article.audience_links = [PageAudience(audience=audience) for audience in audiences]
        if create:
            article.save_revision().publish()

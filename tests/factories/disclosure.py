"""Factories for the disclosure catalog and its entries (政府信息公开)."""

import factory
import wagtail_factories

from disclosure.models import DisclosureCatalogPage, DisclosureEntryPage, DisclosureIndexPage


class DisclosureCatalogPageFactory(wagtail_factories.PageFactory):
    title = "政府信息公开"
    slug = "disclosure"

    class Meta:
        model = DisclosureCatalogPage


class DisclosureIndexPageFactory(wagtail_factories.PageFactory):
    title = "政府信息公开目录"
    slug = "catalog"

    class Meta:
        model = DisclosureIndexPage


class DisclosureEntryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"公开信息{n}")
    slug = factory.Sequence(lambda n: f"entry-{n}")
    summary = "公开信息摘要"

    class Meta:
        model = DisclosureEntryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(entry, create, extracted, **kwargs):
        """Publish as an editor would, which allocates the index number."""
        if create:
            entry.save_revision().publish()
            entry.refresh_from_db()

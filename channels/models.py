"""Audience channels (用户频道) and the audience tags any page can carry."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Locale, Page

from portal.columns import ColumnType
from portal.listing import content_types, paginate
from portal.pages import ColumnPage

from .audiences import Audience

GUIDES_SHOWN = 24  # the newest task guides; a city has hundreds of service items, the rest are a search away


class PageAudience(models.Model):
    """Marks a page as meant for one audience; the channel page of that audience lists it."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="audience_links")
    audience = models.CharField("服务对象", max_length=20, choices=Audience.choices)

    panels = [FieldPanel("audience")]

    class Meta:
        verbose_name = "服务对象"
        constraints = [models.UniqueConstraint(fields=["page", "audience"], name="unique_page_audience")]

    def __str__(self):
        return self.get_audience_display()


def audience_panel():
    """The editing panel for a page's audiences; add it to any page type readers reach through channels."""
    return InlinePanel(
        "audience_links",
        label="服务对象",
        heading="服务对象（用户频道）",
        help_text="选择本页面向的人群，对应频道会自动列出本页",
    )


def pages_for(audience, locale):
    """Every live page tagged for `audience` in `locale`, newest first."""
    return (
        Page.objects.live()
        .public()
        .filter(locale=locale, audience_links__audience=audience)
        .order_by("-first_published_at", "-pk")
    )


class ChannelPage(ColumnPage):
    """A channel for one audience: curated blocks, then everything tagged for that audience."""

    audience = models.CharField(
        "服务对象", max_length=20, choices=Audience.choices, help_text="本频道自动列出标注了该服务对象的所有页面"
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    is_channel = True
    default_column_type = ColumnType.CHANNEL
    content_panels = ColumnPage.content_panels + [FieldPanel("audience")]

    class Meta:
        verbose_name = "用户频道"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tagged = pages_for(self.audience, self.locale_id)
        guide_types = content_types(lambda model: model.is_service_guide)
        context["guides"] = tagged.filter(content_type__in=guide_types)[:GUIDES_SHOWN]
        others = tagged.exclude(content_type__in=guide_types)
        if get_language() != settings.LANGUAGE_CODE and not others.exists():
            # Nothing for this audience written in the reader's language yet: the source's, which the list marks.
            others = pages_for(self.audience, Locale.get_default().pk).exclude(content_type__in=guide_types)
        context["tagged_pages"] = paginate(request, others)
        return context

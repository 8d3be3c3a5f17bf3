"""Factories for the audience channels (市民、企业、华侨……)."""

import factory
import wagtail_factories

from channels.audiences import Audience
from channels.models import ChannelPage


class ChannelPageFactory(wagtail_factories.PageFactory):
    title = "市民频道"
    slug = factory.Sequence(lambda n: f"channel-{n}")
    audience = Audience.CITIZEN
    show_in_menus = True

    class Meta:
        model = ChannelPage

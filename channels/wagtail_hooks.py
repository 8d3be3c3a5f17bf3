"""The front cache: a channel lists every page tagged for its audience, so any published page may change it."""

from wagtail import hooks

from portal.hooks import FRONT_CACHE_PAGES_SHOWING

from .models import ChannelPage


@hooks.register(FRONT_CACHE_PAGES_SHOWING)
def channel_pages(page):
    """Every live channel of the page's language (six pages): the tags the page had before may differ from now."""
    return ChannelPage.objects.live().filter(locale_id=page.locale_id)

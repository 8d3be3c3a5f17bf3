"""Purge the front cache when pages are published, unpublished or moved."""

from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished, post_page_move

from .purge import purge_after_commit


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    purge_after_commit(instance)


@receiver(post_page_move)
def page_moved(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    """A moved page leaves its old URL and its old parent's listings stale."""
    if url_path_before != url_path_after:
        purge_after_commit(instance, old_url_path=url_path_before)
        purge_after_commit(parent_page_before)

"""What staff see of pages outside their reach: nothing unpublished.

A department's staff explore their own branch (and the pages above it). Elsewhere the page chooser offers only
pages published as they stand, so a link to another department's published page is still possible, and bulk
actions leave out pages the user cannot explore instead of listing them, titles and all.
"""

from django.db.models import F, Q
from django.shortcuts import get_list_or_404

from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.models import Page
from wagtail.permissions import page_permission_policy


def explorable(user):
    return page_permission_policy.explorable_instances(user)


def choosable_pages(pages, request):
    """Pages the user may explore, and elsewhere pages whose published title is also their latest one (filtered
    by id, the one field both the database and a search backend filter on)."""
    published_as_they_stand = Q(live=True, draft_title=F("title"))
    visible = Page.objects.filter(Q(pk__in=explorable(request.user).values("pk")) | published_as_they_stand)
    return pages.filter(pk__in=visible.values("pk"))


class ExplorablePagesOnly:
    """Pages the user may not explore are left out, as if never asked for: their titles are not shown."""

    def get_queryset(self, model, object_ids):
        return get_list_or_404(explorable(self.request.user), pk__in=object_ids)


class DeletePages(ExplorablePagesOnly, DeleteBulkAction):
    pass


class MovePages(ExplorablePagesOnly, MoveBulkAction):
    pass


class PublishPages(ExplorablePagesOnly, PublishBulkAction):
    pass


class UnpublishPages(ExplorablePagesOnly, UnpublishBulkAction):
    pass


# They replace Wagtail's page bulk actions of the same action types (registered after Wagtail's own).
PAGE_BULK_ACTIONS = [DeletePages, MovePages, PublishPages, UnpublishPages]

"""The page editing form every portal page uses, and the checks every way of publishing a page runs.

Two hooks, registered by the apps whose rules they are:

- `check_page_before_publish` (CHECK_PAGE_BEFORE_PUBLISH): `(page, parent)` → messages about the content about to go live
  (错敏字, 办事指南要素). The editor form runs them when publishing, submitting or approving; bulk publishing,
  approval from the dashboard and the admin API run them too (`departments.publishing`).
- `refuse_going_live_at` (REFUSE_GOING_LIVE_AT): `(user, place)` → messages when this user may not put content live at
  `place` (a page, or the parent content goes under), whoever wrote it (三审). Every portal page's permission
  tester asks them, and Wagtail asks the tester on every path: the editor, bulk actions, moves, copies, aliases,
  reverts, scheduling, workflow approval and the admin API.

A message refuses the action; the editor's text is kept.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.shortcuts import redirect

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, PagePermissionTester, Revision, Task

from .hooks import CHECK_PAGE_BEFORE_PUBLISH, REFUSE_GOING_LIVE_AT


def publishing_problems(page, parent):
    """What refuses publishing `page` (an instance holding the content about to go live) under `parent`."""
    return [message for check in hooks.get_hooks(CHECK_PAGE_BEFORE_PUBLISH) for message in check(page, parent)]


def draft_problems(page):
    """What refuses publishing a saved page's latest draft."""
    return publishing_problems(page.specific.get_latest_revision_as_object(), page.get_parent())


def going_live_refusals(user, place):
    """Why `user` may not put content live at `place`."""
    return [message for rule in hooks.get_hooks(REFUSE_GOING_LIVE_AT) for message in rule(user, place)]


def publish_refusals(user, page):
    """Why `user` may not publish `page` where it stands, nor the aliases of it that publishing updates."""
    places = [page, *Page.objects.filter(alias_of=page)] if page.pk else [page]
    return [message for place in places for message in going_live_refusals(user, place)]


def carries_live_content(page):
    """Whether the page or a page below it is live, scheduled to go live, or an alias (which goes live with its
    original): moving the page puts that content live where it lands."""
    subtree = Page.objects.descendant_of(page, inclusive=True)
    if subtree.filter(Q(live=True) | Q(alias_of__isnull=False)).exists():
        return True
    scheduled = Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=subtree.annotate(text_pk=Cast("pk", CharField())).values("text_pk"),
        approved_go_live_at__isnull=False,
    )
    return scheduled.exists()


def approval_publishes(page):
    """Whether approving the page's current task finishes its workflow, which publishes the latest draft."""
    state = page.current_workflow_state
    if state is None or state.current_task_state is None:
        return False
    remaining = (
        Task.objects.filter(workflow_tasks__workflow=state.workflow, active=True)
        .exclude(task_states__in=state.successful_task_states)
        .exclude(pk=state.current_task_state.task_id)
    )
    return not remaining.exists()


class PortalPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, less what the `refuse_going_live_at` rules refuse: publishing the page (and the
    aliases that follow it), publishing under it (new pages, published copies, aliases), and moving live or
    scheduled content under another parent. Reordering within a parent puts nothing new live."""

    def can_publish(self):
        return super().can_publish() and not publish_refusals(self.user, self.page)

    def can_publish_subpage(self):
        return super().can_publish_subpage() and not going_live_refusals(self.user, self.page)

    def can_move_to(self, destination):
        if not super().can_move_to(destination):
            return False
        reordering = self.page.is_child_of(destination)
        return reordering or not going_live_refusals(self.user, destination) or not carries_live_content(self.page)


class PortalPageForm(WagtailAdminPageForm):
    """Runs the checks before publishing when an editor publishes, submits or approves a page.

    The content checks (CHECK_PAGE_BEFORE_PUBLISH) run for all three; the place rules (REFUSE_GOING_LIVE_AT) when the action puts the page
    live, so the editor reads why rather than finding a draft saved. Saving a draft is never refused.
    """

    def publishing_action(self):
        """ "publish", "submit" or "approve" when the editor is sending the page towards the public, else None."""
        data = self.data
        if "action-publish" in data:
            return "publish"
        if "action-submit" in data or "action-restart-workflow" in data:
            return "submit"
        if "action-workflow-action" in data and data.get("workflow-action-name") == "approve":
            return "approve"
        return None

    def goes_live(self, action):
        return action == "publish" or (action == "approve" and approval_publishes(self.instance))

    def _post_clean(self):
        super()._post_clean()
        action = self.publishing_action()
        if action is None:
            return
        page = self.instance
        parent = page.get_parent() if page.pk else self.parent_page
        problems = publishing_problems(page, parent)
        if self.goes_live(action):
            problems += publish_refusals(self.for_user, page) if page.pk else going_live_refusals(self.for_user, parent)
        for problem in problems:
            self.add_error(None, problem)


def pages_to_bulk_publish(action_type, objects, action):
    """The pages a bulk action would publish (draft descendants included when asked); empty for other actions."""
    if action_type != "publish":
        return []
    pages = list(objects)
    if action.cleaned_form.cleaned_data.get("include_descendants"):
        pages += [descendant for page in objects for descendant in page.get_descendants().not_live().specific()]
    return pages


def refuse(request, problems, next_url):
    """Stop an admin action: show each problem as an error message and go back to `next_url`."""
    for problem in problems:
        messages.error(request, problem)
    return redirect(next_url)

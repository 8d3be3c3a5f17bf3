"""Every way a page is published runs the checks before publishing, not only the editor's buttons.

The editor form runs them itself (`portal.forms.PortalPageForm`). Here: bulk publishing, approving from the
dashboard or a page's status panel (the approval that ends a workflow publishes the latest draft), and the
admin API's publish action. Who may put content live where (三审) is the page permission tester's, which
Wagtail asks on all of these paths as well; the checks here also say why, instead of a bare refusal.
"""

from django.contrib import messages
from django.shortcuts import redirect

from wagtail.admin.api.actions.publish import PublishPageAPIAction
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.api.v2.utils import BadRequestError

from portal.forms import approval_publishes, draft_problems, pages_to_bulk_publish, publish_refusals, refuse


def problems_publishing(user, page):
    """Why `user` may not publish the saved page's latest draft where it stands."""
    return publish_refusals(user, page) + draft_problems(page)


def refuse_bulk_publishing(request, action_type, objects, action):
    """Bulk publishing (descendants included) follows the editor's rules, naming each page refused."""
    problems = [
        f"“{page.title}” {problem}"
        for page in pages_to_bulk_publish(action_type, objects, action)
        for problem in problems_publishing(request.user, page)
    ]
    return refuse(request, problems, action.next_url) if problems else None


class CheckedWorkflowActionView(WorkflowActionView):
    """An approval that would publish is refused, with the reasons, while a check fails; the draft and the task
    stay as they were."""

    def post(self, request, *args, **kwargs):
        if self.action_name == "approve" and approval_publishes(self.object):
            problems = problems_publishing(request.user, self.object)
            if problems:
                return self.refuse(problems)
        return super().post(request, *args, **kwargs)

    def refuse(self, problems):
        for problem in problems:
            messages.error(self.request, problem)
        if self.request.headers.get("x-requested-with") == "XMLHttpRequest":
            return self.render_modal_json(self.request, {"step": "success", "redirect": self.redirect_url})
        return redirect(self.redirect_url)


class CheckedPageViewSet(PageViewSet):
    """Wagtail's views for every page type, with the checked workflow action."""

    name = "checked_pages"
    workflow_action_view_class = CheckedWorkflowActionView


class CheckedPublishAPIAction(PublishPageAPIAction):
    """The admin API's publish: refused with the reasons (400) while a content check fails."""

    def execute(self, instance, data):
        may_publish = instance.permissions_for_user(self.request.user).can_publish()  # if not, Wagtail says 403
        if may_publish and (problems := draft_problems(instance)):
            raise BadRequestError("；".join(problems))
        return super().execute(instance, data)


class CheckedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    actions = {**PagesAdminAPIViewSet.actions, "publish": CheckedPublishAPIAction}

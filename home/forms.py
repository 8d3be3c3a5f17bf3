"""The page editing form every portal page uses."""

from django.contrib import messages
from django.shortcuts import redirect

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm

CHECK_HOOK = "check_page_before_publish"


class PortalPageForm(WagtailAdminPageForm):
    """Runs the `check_page_before_publish` hooks when an editor publishes, submits or approves a page.

    Each hook takes the page (already holding the submitted values) and this form, and returns messages;
    any message refuses the action, and the form comes back with the editor's text intact.
    Saving a draft is never refused.
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

    def _post_clean(self):
        super()._post_clean()
        if self.publishing_action() is None:
            return
        for check in hooks.get_hooks(CHECK_HOOK):
            for message in check(self.instance, self):
                self.add_error(None, message)


def pages_to_bulk_publish(action_type, objects, action):
    """The pages a bulk action would publish (descendants included when asked); empty for other actions."""
    if action_type != "publish":
        return []
    pages = list(objects)
    if action.cleaned_form.cleaned_data.get("include_descendants"):
        pages += [descendant for page in objects for descendant in page.get_descendants().specific()]
    return pages


def refuse(request, problems, next_url):
    """Stop an admin action: show each problem as an error message and go back to `next_url`."""
    for problem in problems:
        messages.error(request, problem)
    return redirect(next_url)

"""The page editing form every portal page uses."""

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm

CHECK_HOOK = "check_page_before_publish"


class PortalPageForm(WagtailAdminPageForm):
    """Runs the `check_page_before_publish` hooks when an editor publishes, submits or approves a page.

    Each hook takes the page (already holding the submitted values) and returns messages; any message
    refuses the action, and the form comes back with the editor's text intact. Saving a draft is never refused.
    """

    def is_publishing(self):
        data = self.data
        approving = "action-workflow-action" in data and data.get("workflow-action-name") == "approve"
        return approving or any(name in data for name in ("action-publish", "action-submit", "action-restart-workflow"))

    def _post_clean(self):
        super()._post_clean()
        if not self.is_publishing():
            return
        for check in hooks.get_hooks(CHECK_HOOK):
            for message in check(self.instance):
                self.add_error(None, message)

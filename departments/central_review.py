"""三审: content goes live in a centrally reviewed column (通知公告, 政府信息公开) only through the centre.

One rule, `refuse_going_live_past_the_centre`, registered under `portal.hooks.REFUSE_GOING_LIVE_AT`: every portal page's
permission tester asks it before Wagtail lets a user publish a page, publish under a parent (new pages, published
copies, aliases) or move live, scheduled or aliased content under a parent. Wagtail asks that tester on every
path, so the rule holds for the editor, bulk publish and bulk move, moves, copies, aliases, reverts, scheduled
publishing, workflow approval (the publish at its end is the approver's) and the admin API alike.
"""

from .access import is_central
from .workflows import central_review_assignments, needs_central_review

CENTRAL_REVIEW_REQUIRED = "本栏目实行三审制，须经门户审核后发布：请使用“提交审核”。"


def assignments_for(user):
    """The workflow assignments to check for this user (none for the centre), looked up once per request and kept
    on the user object, as Wagtail keeps its page permissions."""
    if not hasattr(user, "_central_review_assignments"):
        user._central_review_assignments = {} if is_central(user) else central_review_assignments()
    return user._central_review_assignments


def refuse_going_live_past_the_centre(user, place):
    """Where the centre reviews (its group has a task in the place's workflow), only the centre puts content live."""
    assignments = assignments_for(user)
    return [CENTRAL_REVIEW_REQUIRED] if assignments and needs_central_review(place, assignments) else []

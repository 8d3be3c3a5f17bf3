"""Who may do what in the site group: Wagtail groups, page permissions and collection permissions.

"集中管理、分布维护": the centre's groups act on the whole tree; each department's groups act on its
branch and its collection only. Every function is idempotent.
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page


class AccessError(ValueError):
    """Set-up that would let one department act on another's pages or media."""


PORTAL_ADMINS = "门户管理员"
CENTRAL_REVIEWERS = "门户审核"

EDITOR_PAGE_PERMISSIONS = ["add", "change", "lock"]
REVIEWER_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]
ADMIN_PAGE_PERMISSIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
# What the centre manages beyond pages: shared snippets, site settings, workflows, department accounts, search
# promotions, the search reports (what citizens search for, and what they do not find) and 热门搜索's pins and blocks.
ADMIN_MODEL_PERMISSIONS = [
    ("home", "office", ["add", "change", "delete"]),
    ("home", "portalsettings", ["change"]),
    ("portal", "holidaynotice", ["add", "change", "delete"]),
    ("departments", "sensitiveexpression", ["add", "change", "delete"]),
    ("wagtailcore", "workflow", ["add", "change", "delete"]),
    ("wagtailcore", "task", ["add", "change", "delete"]),
    ("auth", "user", ["add", "change"]),
    ("wagtailsearchpromotions", "searchpromotion", ["add", "change", "delete"]),
    ("search", "searchlog", ["view"]),
    ("search", "hotsearchterm", ["add", "change", "delete"]),
]
MEDIA_MODELS = [("wagtailimages", "image"), ("wagtaildocs", "document")]
DEPARTMENT_MEDIA_ACTIONS = ["add", "change", "choose"]


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_group(name):
    """A group that may log in to the admin."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(permission("wagtailadmin", "access_admin"))
    return group


def grant_pages(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission("wagtailcore", f"{action}_page")
        )


def grant_collection(group, collection, actions=DEPARTMENT_MEDIA_ACTIONS):
    for app_label, model in MEDIA_MODELS:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission(app_label, f"{action}_{model}")
            )


def ensure_central_groups():
    """门户管理员 act on every branch and collection; 门户审核 give the central review (三审)."""
    root = Page.get_first_root_node()
    admins = ensure_group(PORTAL_ADMINS)
    grant_pages(admins, root, ADMIN_PAGE_PERMISSIONS)
    grant_collection(admins, Collection.get_first_root_node(), [*DEPARTMENT_MEDIA_ACTIONS, "delete"])
    admins.permissions.add(
        *[permission(app, f"{action}_{model}") for app, model, actions in ADMIN_MODEL_PERMISSIONS for action in actions]
    )
    reviewers = ensure_group(CENTRAL_REVIEWERS)
    grant_pages(reviewers, root, ["change", "publish", "lock", "unlock"])
    return admins, reviewers


def ensure_collection(name):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def unclaimed(department, field, found):
    """`found` (a group or collection named after the department), unless another department already owns it."""
    owner = type(department).objects.filter(**{field: found}).exclude(translation_key=department.translation_key)
    if owner.exists():
        raise AccessError(f"“{found}”已属于{owner.first().title}：两个部门不能同名，请先改名再入驻。")
    return found


def ensure_department_access(department, name):
    """The department's editor and reviewer groups and its collection, with rights on its branch only."""
    editors = department.editor_group or unclaimed(department, "editor_group", ensure_group(f"{name} 编辑"))
    reviewers = department.reviewer_group or unclaimed(department, "reviewer_group", ensure_group(f"{name} 审核"))
    collection = department.collection or unclaimed(department, "collection", ensure_collection(name))
    grant_pages(editors, department, EDITOR_PAGE_PERMISSIONS)
    grant_pages(reviewers, department, REVIEWER_PAGE_PERMISSIONS)
    for group in (editors, reviewers):
        grant_collection(group, collection)
    return editors, reviewers, collection


def belongs_to(user, *group_names):
    return user.is_superuser or user.groups.filter(name__in=group_names).exists()


def is_central(user):
    """Superusers and the centre's own groups act across the whole site group."""
    return belongs_to(user, PORTAL_ADMINS, CENTRAL_REVIEWERS)


def is_portal_admin(user):
    """Superusers and 门户管理员: they onboard departments."""
    return belongs_to(user, PORTAL_ADMINS)

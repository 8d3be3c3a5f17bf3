"""Wagtail's permission policy for cases: staff see the cases `access.visible` gives them; nobody edits a
case through generic forms (every change goes through the workflow's actions)."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies.base import BasePermissionPolicy

from departments.access import CENTRAL_REVIEWERS, PORTAL_ADMINS
from departments.models import DepartmentPage

from .access import DESK, actor_for, visible


class CasePermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return action == "view" and actor_for(user).is_staff

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and actor_for(user).can_see(instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" not in actions:
            return self.model.objects.none()
        return visible(self.model.objects.all(), actor_for(user))

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        central = Q(groups__name__in=[DESK, PORTAL_ADMINS, CENTRAL_REVIEWERS])
        departments = DepartmentPage.objects.all()
        staff = Q(groups__in=departments.values("editor_group")) | Q(groups__in=departments.values("reviewer_group"))
        return get_user_model().objects.filter(Q(is_superuser=True) | central | staff, is_active=True).distinct()

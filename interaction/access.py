"""Who may see and handle which case: the 12345 desk, the centre, department staff, the 12345 platform, citizens.

Everyone acts through an `Actor`, so the admin, the exchange API and the public pages apply one set of rules.
"""

import hmac
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from departments.access import CENTRAL_REVIEWERS, PORTAL_ADMINS, belongs_to
from departments.models import DepartmentPage

from .models.cases import Category

DESK = "12345 受理中心"  # created by migration 0002
SUPERVISORS = "网上监察受理组"  # created by migration 0003: handles 投诉监督 complaints
PLATFORM = "12345平台"


@dataclass(frozen=True)
class Actor:
    name: str
    user: object = None
    desk: bool = False  # accepts, assigns and closes; sees every case
    oversees: bool = False  # the centre's reviewers: see every case, confirm publication
    departments: frozenset = frozenset()  # pks of the departments whose assigned cases it handles
    reviews: frozenset = frozenset()  # pks of the departments whose letters it may publish
    citizen: bool = False  # rates the answer: the citizen, or the 12345 platform relaying its 回访 (callback)
    supervises: bool = False  # the supervision group: acts as the desk for 投诉监督 complaints

    @property
    def is_staff(self):
        return self.desk or self.oversees or self.supervises or bool(self.departments)

    def desk_for(self, case):
        return self.desk or (self.supervises and case.category == Category.SUPERVISION)

    def can_see(self, case):
        return self.desk_for(case) or self.oversees or case.department_id in self.departments

    def handles(self, case):
        return self.desk_for(case) or case.department_id in self.departments

    def reviews_case(self, case):
        return self.desk or self.oversees or case.department_id in self.reviews


CITIZEN = Actor("市民", citizen=True)


def departments():
    """Department pages in the source language: cases point at these, never at their translations."""
    return DepartmentPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("path")


def actor_for(user):
    """The actor a signed-in admin user is: desk, centre, and/or staff of one or more departments
    (worked out once per user object, i.e. once per request)."""
    if not user.is_authenticated:
        return Actor("")
    if not hasattr(user, "_interaction_actor"):
        user._interaction_actor = find_actor(user)
    return user._interaction_actor


def find_actor(user):
    groups = user.groups.all()
    staff = DepartmentPage.objects.filter(Q(editor_group__in=groups) | Q(reviewer_group__in=groups))
    reviewers = DepartmentPage.objects.filter(reviewer_group__in=groups)
    return Actor(
        name=user.get_full_name() or user.get_username(),
        user=user,
        desk=belongs_to(user, PORTAL_ADMINS, DESK),
        supervises=belongs_to(user, SUPERVISORS),
        oversees=belongs_to(user, CENTRAL_REVIEWERS),
        departments=frozenset(staff.values_list("pk", flat=True)),
        reviews=frozenset(reviewers.values_list("pk", flat=True)),
    )


def actor_for_token(token):
    """The 12345 platform's actor for an exchange token: the whole city ("*") or one department's slug; None
    for an unknown token. Tokens come from settings.INTERACTION_EXCHANGE_TOKENS."""
    scope = next(
        (
            scope
            for known, scope in settings.INTERACTION_EXCHANGE_TOKENS.items()
            if hmac.compare_digest(known.encode(), token.encode())  # bytes: any character, never a TypeError
        ),
        None,
    )
    if scope is None:
        return None
    if scope == "*":
        return Actor(PLATFORM, desk=True, citizen=True)
    department = departments().filter(slug=scope).values_list("pk", flat=True).first()
    return Actor(f"{PLATFORM}（{scope}）", departments=frozenset([department] if department else []))


def visible(cases, actor):
    """The cases of the queryset `cases` the actor may see."""
    if actor.desk or actor.oversees:
        return cases
    mine = Q(department__in=actor.departments)
    return cases.filter(mine | Q(category=Category.SUPERVISION) if actor.supervises else mine)

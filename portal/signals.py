"""A holiday notice saved or deleted changes the calendar every process counts on, and open deadlines with it."""

from wagtail import hooks

from .hooks import HOLIDAYS_CHANGED
from .workdays import notices_changed


def holidays_changed(sender, instance, **kwargs):
    notices_changed()
    for recompute in hooks.get_hooks(HOLIDAYS_CHANGED):
        recompute([instance.year])

"""What happens when a disclosure entry is published."""

from django.utils import timezone

from wagtail.models import Locale

from departments.ownership import department_of

from .index_numbers import allocate

UNKNOWN_DEPARTMENT = "0" * 18


def assign_index_number(sender, instance, **kwargs):
    """Give an entry its 索引号 the first time it is published; it never changes afterwards. Translations (other
    locales) copy their source's number and never draw one."""
    if instance.index_number or instance.locale_id != Locale.get_default().pk:
        return
    department = department_of(instance)
    year = timezone.localtime(instance.first_published_at or timezone.now()).year
    number = allocate(department.code if department else UNKNOWN_DEPARTMENT, year)
    type(instance).objects.filter(pk=instance.pk, index_number__isnull=True).update(index_number=number)
    instance.index_number = number

"""Factories for service items (办事事项) and the pages that list them."""

import factory
import wagtail_factories

from channels.models import PageAudience
from home.models import Office
from services.models import DepartmentServicesPage, ServiceIndexPage, ServiceItemPage


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    title = "办事事项"
    slug = "items"

    class Meta:
        model = ServiceIndexPage


class DepartmentServicesPageFactory(wagtail_factories.PageFactory):
    title = "办事服务"
    slug = "services"

    class Meta:
        model = DepartmentServicesPage


def procedure(name="现场办理", office=None):
    """A complete procedure of a service item, at `office` (a new Office when not given)."""
    office = office or Office.objects.create(
        name=f"{name}窗口", address="江门市蓬江区建设三路88号", opening_hours="周一至周五", phone="0750-3500123"
    )
    return (
        "procedure",
        {
            "name": name,
            "steps": [{"title": "受理", "description": "提交材料"}, {"title": "办结", "description": ""}],
            "materials": [{"name": "居民身份证", "copies": 1, "form": "original", "notes": "", "blank_form": None}],
            "statutory_days": 20,
            "promised_days": 5,
            "fee": "不收费",
            "office": office,
            "hours": "",
            "consultation_phone": "",
            "complaint_phone": "",
            "online_url": "",
            "visits": "1",
        },
    )


class ServiceItemPageFactory(wagtail_factories.PageFactory):
    """A complete service item with one procedure (pass `procedures=[…]` for more)."""

    title = factory.Sequence(lambda n: f"办事事项{n}")
    item_code = factory.Sequence(lambda n: f"11440700MB0000001X4440{n:09d}")
    item_type = "licensing"
    legal_basis = "《中华人民共和国行政许可法》"
    conditions = "申请人为本市居民"
    procedures = factory.LazyFunction(lambda: [procedure()])

    class Meta:
        model = ServiceItemPage
        skip_postgeneration_save = True

    @factory.post_generation
    def audiences(item, create, audiences, **kwargs):
        if audiences:
            item.audience_links = [PageAudience(audience=audience) for audience in audiences]
            item.save()

"""The blocks of a service item: its procedures (办理流程), each with steps and materials."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal import blocks as home_blocks
from portal.blocks import OfficeChooserBlock

from .taxonomy import Visits

VISIT_CHOICES = [(str(value), label) for value, label in Visits.choices]  # block choices are strings


class ProcedureStepBlock(blocks.StructBlock):
    """One stage of handling (受理、审查、决定、送达 …)."""

    title = blocks.CharBlock(label="环节", max_length=120)
    description = blocks.TextBlock(label="说明", required=False)

    class Meta:
        icon = "list-ol"
        label = "办理环节"


class ServiceMaterialBlock(home_blocks.MaterialBlock):
    """A material of a service procedure, with its blank form (空白表格) when there is one."""

    blank_form = DocumentChooserBlock(label="空白表格", required=False, help_text="可供下载填写的表格文档")


class ProcedureValue(blocks.StructValue):
    def visits_label(self):
        return dict(VISIT_CHOICES).get(str(self.get("visits")), "")


class ProcedureBlock(blocks.StructBlock):
    """One way of getting the item done (办事指南): where, how, with what, how long, at what cost."""

    name = blocks.CharBlock(label="办理项名称", max_length=120, help_text="例如：内地居民结婚登记（江门市婚姻登记处）")
    steps = blocks.ListBlock(ProcedureStepBlock(), label="办理流程", default=[])
    materials = blocks.ListBlock(ServiceMaterialBlock(), label="办理材料", default=[])
    statutory_days = blocks.IntegerBlock(
        label="法定办结时限（工作日）", required=False, min_value=0, max_value=365, help_text="法律未规定时留空"
    )
    promised_days = blocks.IntegerBlock(
        label="承诺办结时限（工作日）", required=False, min_value=0, max_value=365, help_text="0 表示即办"
    )
    fee = blocks.CharBlock(label="收费标准", max_length=250, required=False, help_text="不收费的请填写“不收费”")
    office = OfficeChooserBlock(
        label="办理地点", required=False, help_text="只能网上办理的可留空，但须填写网上办理链接"
    )
    hours = blocks.CharBlock(label="办理时间", max_length=160, required=False, help_text="留空则使用办理地点的办公时间")
    consultation_phone = blocks.CharBlock(
        label="咨询电话", max_length=60, required=False, help_text="留空则使用办理地点的电话"
    )
    complaint_phone = blocks.CharBlock(label="投诉电话", max_length=60, required=False, help_text="留空则为 12345")
    online_url = blocks.URLBlock(label="网上办理链接", required=False)
    visits = blocks.ChoiceBlock(label="到现场次数", choices=VISIT_CHOICES, default=str(Visits.ONE))

    class Meta:
        icon = "tasks"
        label = "办理流程"
        value_class = ProcedureValue

    def clean(self, value):
        value = super().clean(value)
        statutory, promised = value.get("statutory_days"), value.get("promised_days")
        if statutory is not None and promised is not None and promised > statutory:
            raise blocks.StructBlockValidationError(block_errors={"promised_days": ["承诺时限不能长于法定时限。"]})
        return value

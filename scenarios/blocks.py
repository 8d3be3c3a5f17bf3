"""Blocks of a scenario guide: questions about the reader's situation, steps, materials, conditions."""

from django.core.validators import RegexValidator

from wagtail import blocks

from portal import blocks as home_blocks
from portal.blocks import RICH_TEXT_FEATURES, OfficeChooserBlock

KEY = RegexValidator(r"^[a-z][a-z0-9_]{0,39}$", "只能使用小写英文字母、数字和下划线，并以字母开头。")


def split_keys(text):
    """'local, nonlocal，other' -> ['local', 'nonlocal', 'other']"""
    return [key for key in text.replace("，", ",").replace(" ", ",").split(",") if key]


class AnswerBlock(blocks.StructBlock):
    key = blocks.CharBlock(label="答案代码", max_length=40, validators=[KEY], help_text="出现在网址中，例如 yes、local")
    label = blocks.CharBlock(label="答案文字", max_length=80)

    class Meta:
        icon = "radio-full"
        label = "答案"


class QuestionBlock(blocks.StructBlock):
    """A question about the reader's situation; their answer decides which steps and materials apply."""

    key = blocks.CharBlock(label="问题代码", max_length=40, validators=[KEY], help_text="在本指南内唯一，例如 hukou")
    text = blocks.CharBlock(label="问题", max_length=120)
    help = blocks.CharBlock(label="说明", max_length=200, required=False)
    answers = blocks.ListBlock(AnswerBlock(), label="答案", min_num=2)

    class Meta:
        icon = "help"
        label = "情形问题"


class ConditionBlock(blocks.StructBlock):
    """Show the enclosing step or material only when the reader answered `question` with one of `answers`."""

    question = blocks.CharBlock(label="问题代码", max_length=40, help_text="填写本指南“情形问题”中的问题代码")
    answers = blocks.CharBlock(label="答案代码", max_length=200, help_text="多个答案用逗号分隔，满足其一即显示")

    class Meta:
        icon = "tick"
        label = "显示条件"

    def get_api_representation(self, value, context=None):
        return {"question": value["question"], "answers": split_keys(value["answers"])}


class MaterialBlock(home_blocks.MaterialBlock):
    """A document the reader must bring (申请材料), shown only in the situations its conditions name."""

    conditions = blocks.ListBlock(ConditionBlock(), label="显示条件", default=[], help_text="留空表示所有情形都需要")


class StepBlock(blocks.StructBlock):
    """One numbered step of the guide; required, optional, or one of a group of alternatives (“或”)."""

    title = blocks.CharBlock(label="步骤名称", max_length=120)
    body = blocks.RichTextBlock(label="说明", features=RICH_TEXT_FEATURES, required=False)
    requirement = blocks.ChoiceBlock(
        label="性质",
        choices=[("required", "必经步骤"), ("optional", "可选步骤"), ("alternative", "多选一")],
        default="required",
    )
    alternative_group = blocks.CharBlock(
        label="多选一分组",
        max_length=40,
        required=False,
        help_text="“多选一”步骤填写相同的分组名，读者只需完成其中一个",
    )
    materials = blocks.ListBlock(MaterialBlock(), label="申请材料", default=[])
    office = OfficeChooserBlock(label="办理地点", required=False)
    time_limit = blocks.CharBlock(label="办理时限", max_length=60, required=False)
    fee = blocks.CharBlock(label="收费标准", max_length=120, required=False)
    service_item = blocks.PageChooserBlock(
        label="所属事项",
        page_type="services.ServiceItemPage",
        required=False,
        help_text="选择本步骤办理的办事事项，读者可直接打开该事项的办事指南",
    )
    online_url = blocks.URLBlock(label="网上办理链接", required=False)
    conditions = blocks.ListBlock(ConditionBlock(), label="显示条件", default=[], help_text="留空表示所有情形都需要")

    class Meta:
        icon = "list-ol"
        label = "办事步骤"


class FAQBlock(blocks.StructBlock):
    question = blocks.CharBlock(label="问题", max_length=200)
    answer = blocks.RichTextBlock(label="解答", features=["bold", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = "常见问题"
        template = "scenarios/blocks/faq_block.html"

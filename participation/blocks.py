"""Blocks of an online interview (在线访谈): its guests and its transcript."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from portal.blocks import ImageBlock


class GuestBlock(blocks.StructBlock):
    """A guest of the interview: usually a department head."""

    name = blocks.CharBlock(label="姓名", max_length=40)
    position = blocks.CharBlock(label="职务", max_length=80, help_text="例如：江门市民政局局长")
    photo = ImageChooserBlock(label="照片", required=False)

    class Meta:
        icon = "user"
        label = "访谈嘉宾"


class ExchangeBlock(blocks.StructBlock):
    """One question and its answer in the transcript (文字实录)."""

    asker = blocks.CharBlock(
        label="提问人", max_length=40, help_text="例如：主持人、网友“陈先生”；不要写全名和联系方式"
    )
    question = blocks.TextBlock(label="问题")
    answerer = blocks.CharBlock(label="回答人", max_length=40, help_text="填写嘉宾姓名")
    answer = blocks.RichTextBlock(label="回答", features=["bold", "ol", "ul", "link"])

    class Meta:
        icon = "openquote"
        label = "问答"
        template = "participation/blocks/exchange_block.html"


class TranscriptBlock(blocks.StreamBlock):
    exchange = ExchangeBlock()
    image = ImageBlock()
    note = blocks.CharBlock(label="旁白", max_length=200, template="participation/blocks/note_block.html")

    class Meta:
        label = "文字实录"

"""Factories for 公众互动: its pages under the section, and cases saved as a citizen's submission would be."""

import factory
import wagtail_factories

from interaction.models import (
    DisclosureRequestPage,
    LetterBoardPage,
    MessageFormPage,
    TrackingPage,
)
from interaction.models.cases import Case
from interaction.submission import fingerprint


class MessageFormPageFactory(wagtail_factories.PageFactory):
    title = "我要写信"
    slug = "write"

    class Meta:
        model = MessageFormPage


class DisclosureRequestPageFactory(wagtail_factories.PageFactory):
    title = "依申请公开"
    slug = "request"

    class Meta:
        model = DisclosureRequestPage


class TrackingPageFactory(wagtail_factories.PageFactory):
    title = "办理查询"
    slug = "track"

    class Meta:
        model = TrackingPage


class LetterBoardPageFactory(wagtail_factories.PageFactory):
    title = "公开信件"
    slug = "letters"

    class Meta:
        model = LetterBoardPage


class CaseFactory(factory.django.DjangoModelFactory):
    kind = "message"
    name = "陈大文"
    honorific = "先生"
    phone = factory.Sequence(lambda n: f"139{n:08d}")
    category = "complaint"
    title = factory.Sequence(lambda n: f"反映小区噪音问题{n}")
    content = "晚上十点后仍有施工噪音，影响休息。"
    publish_consent = True
    fingerprint = factory.LazyAttribute(lambda case: fingerprint(case.kind, case.phone, case.title, case.content))

    class Meta:
        model = Case
        skip_postgeneration_save = True

    @factory.post_generation
    def deadline(case, create, extracted, **kwargs):
        case.refresh_deadline()
        if create:
            case.save()

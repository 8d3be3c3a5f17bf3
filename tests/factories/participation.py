"""Factories for surveys (征集调查) and online interviews (在线访谈)."""

import factory
import wagtail_factories

from participation.models import InterviewIndexPage, InterviewPage, SurveyIndexPage, SurveyPage


class SurveyIndexPageFactory(wagtail_factories.PageFactory):
    title = "征集调查"
    slug = "surveys"

    class Meta:
        model = SurveyIndexPage


class SurveyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"2026年民生实事项目征集（第{n}期）")
    organiser = "江门市人民政府办公室"

    class Meta:
        model = SurveyPage


class InterviewIndexPageFactory(wagtail_factories.PageFactory):
    title = "在线访谈"
    slug = "interviews"

    class Meta:
        model = InterviewIndexPage


class InterviewPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"局长在线访谈（第{n}期）")

    class Meta:
        model = InterviewPage

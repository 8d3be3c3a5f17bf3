"""What participation tells the rest of the admin: its figures for the 政府网站工作年度报表."""

from django.conf import settings

from wagtail import hooks
from wagtail.contrib.forms.models import FormSubmission

from portal.hooks import WEBSITE_REPORT_FIGURES

from .models import InterviewPage, SurveyPage


@hooks.register(WEBSITE_REPORT_FIGURES)
def website_report_figures(year):
    """征集调查 opened in the year, the answers they got, those whose results were published; 在线访谈 held."""
    surveys = SurveyPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE, opens_at__year=year)
    interviews = InterviewPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE, starts_at__year=year)
    return {
        "surveys": surveys.count(),
        "survey_answers": FormSubmission.objects.filter(page__in=surveys, submit_time__year=year).count(),
        "survey_results": surveys.exclude(feedback_summary="").count(),
        "interviews": interviews.count(),
    }

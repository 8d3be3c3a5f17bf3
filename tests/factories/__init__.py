"""Factories for every page type, one module per app (a test checks each page type has one), so tests say only
what matters to them. Import them from here: `from .factories import ArticlePageFactory`."""

from .channels import ChannelPageFactory
from .departments import ArticleIndexPageFactory, ArticlePageFactory, DepartmentIndexPageFactory, DepartmentPageFactory
from .disclosure import DisclosureCatalogPageFactory, DisclosureEntryPageFactory, DisclosureIndexPageFactory
from .home import ContentListPageFactory, HomePageFactory, SectionPageFactory, StandardPageFactory
from .interaction import (
    CaseFactory,
    DisclosureRequestPageFactory,
    LetterBoardPageFactory,
    MessageFormPageFactory,
    TrackingPageFactory,
)
from .participation import InterviewIndexPageFactory, InterviewPageFactory, SurveyIndexPageFactory, SurveyPageFactory
from .performance import PerformanceBoardPageFactory, SupervisionComplaintPageFactory
from .scenarios import (
    MAINLAND,
    MARRIAGE_QUESTIONS,
    OVERSEAS,
    ScenarioGuidePageFactory,
    ScenarioIndexPageFactory,
    marriage_steps,
    material,
    step,
)
from .services import DepartmentServicesPageFactory, ServiceIndexPageFactory, ServiceItemPageFactory, procedure

__all__ = [
    "ArticleIndexPageFactory",
    "ArticlePageFactory",
    "CaseFactory",
    "ChannelPageFactory",
    "ContentListPageFactory",
    "DepartmentIndexPageFactory",
    "DepartmentPageFactory",
    "DepartmentServicesPageFactory",
    "DisclosureCatalogPageFactory",
    "DisclosureEntryPageFactory",
    "DisclosureIndexPageFactory",
    "DisclosureRequestPageFactory",
    "HomePageFactory",
    "InterviewIndexPageFactory",
    "InterviewPageFactory",
    "LetterBoardPageFactory",
    "MAINLAND",
    "MARRIAGE_QUESTIONS",
    "MessageFormPageFactory",
    "OVERSEAS",
    "PerformanceBoardPageFactory",
    "ScenarioGuidePageFactory",
    "ScenarioIndexPageFactory",
    "SectionPageFactory",
    "ServiceIndexPageFactory",
    "ServiceItemPageFactory",
    "StandardPageFactory",
    "SupervisionComplaintPageFactory",
    "SurveyIndexPageFactory",
    "SurveyPageFactory",
    "TrackingPageFactory",
    "marriage_steps",
    "material",
    "procedure",
    "step",
]

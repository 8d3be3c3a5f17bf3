"""Factories for 网上监察 (the app supervision/, whose label is still "performance"): the performance board and the
complaint page."""

import wagtail_factories

from supervision.models import PerformanceBoardPage, SupervisionComplaintPage


class PerformanceBoardPageFactory(wagtail_factories.PageFactory):
    title = "部门绩效看板"
    slug = "performance"

    class Meta:
        model = PerformanceBoardPage


class SupervisionComplaintPageFactory(wagtail_factories.PageFactory):
    title = "投诉监督"
    slug = "complaints"

    class Meta:
        model = SupervisionComplaintPage

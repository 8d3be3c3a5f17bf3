"""Factories for 网上监察's performance board."""

import wagtail_factories

from performance.models import PerformanceBoardPage


class PerformanceBoardPageFactory(wagtail_factories.PageFactory):
    title = "部门绩效看板"
    slug = "performance"

    class Meta:
        model = PerformanceBoardPage

"""Admin report plumbing shared by the apps' Wagtail reports."""

from django.urls import path


def report_urls(slug, view_class, name):
    """The two URLs a Wagtail ReportView needs: the page, and its results for filtering (`<name>_results`)."""
    return [
        path(f"reports/{slug}/", view_class.as_view(), name=name),
        path(f"reports/{slug}/results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]

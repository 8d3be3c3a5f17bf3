"""Review workflows (审核发布): department review for the whole branch, plus central review (三审) on chosen columns."""

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from .access import CENTRAL_REVIEWERS

CENTRAL_REVIEW_TASK = "门户审核"


def needs_central_review(page):
    """Whether the page's workflow (its own or its nearest ancestor's) has a review by the centre's group."""
    workflow = page.get_workflow()
    return (
        bool(workflow)
        and GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow, groups__name=CENTRAL_REVIEWERS).exists()
    )


def ensure_task(name, group):
    task = GroupApprovalTask.objects.filter(name=name).first() or GroupApprovalTask.objects.create(name=name)
    task.groups.add(group)
    return task


def ensure_workflow(name, tasks):
    workflow, _ = Workflow.objects.get_or_create(name=name)
    for order, task in enumerate(tasks):
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    return workflow


def assign(workflow, page):
    """Give the page (and its descendants) this workflow, unless the centre already chose one for it."""
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def has_workflow(page):
    return WorkflowPage.objects.filter(page=page).exists()


def ensure_department_workflows(department, name, reviewers, central_reviewers, central_columns):
    """Workflows for the branch and its centrally reviewed columns, made only where none is assigned yet
    (so renaming a department and onboarding it again creates nothing new)."""
    columns = [
        column for column in department.get_children().filter(slug__in=central_columns) if not has_workflow(column)
    ]
    branch_needs_one = not has_workflow(department)
    if not columns and not branch_needs_one:
        return
    department_review = ensure_task(f"{name} 审核", reviewers)
    if branch_needs_one:
        assign(ensure_workflow(f"{name} 审核发布", [department_review]), department)
    if columns:
        central_review = ensure_task(CENTRAL_REVIEW_TASK, central_reviewers)
        three_levels = ensure_workflow(f"{name} 三审发布", [department_review, central_review])
        for column in columns:
            assign(three_levels, column)

"""Review workflows (审核发布): department review for the whole branch, plus central review (三审) on chosen columns."""

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from .access import CENTRAL_REVIEWERS

CENTRAL_REVIEW_TASK = "门户审核"


def central_review_assignments():
    """{path: whether the centre reviews there} for every page assigned an active workflow."""
    central = set(
        GroupApprovalTask.objects.filter(active=True, groups__name=CENTRAL_REVIEWERS).values_list(
            "workflow_tasks__workflow", flat=True
        )
    )
    assigned = WorkflowPage.objects.filter(workflow__active=True).values_list("page__path", "workflow_id")
    return {path: workflow_id in central for path, workflow_id in assigned}


def needs_central_review(page, assignments=None):
    """Whether the page's workflow (its own or its nearest ancestor's, as Wagtail chooses it) has a review by the
    centre's group. `assignments` (from `central_review_assignments`) saves the lookup when asking often."""
    assignments = central_review_assignments() if assignments is None else assignments
    nearest = max((path for path in assignments if page.path.startswith(path)), key=len, default=None)
    return nearest is not None and assignments[nearest]


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

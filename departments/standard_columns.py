"""The standard columns every department gets at onboarding: 部门动态, 通知公告, 政府信息公开, 办事服务, 联系我们.

A domain app declares its column once, on the column's page class, and onboarding finds it there:

    class DepartmentServicesPage(ColumnPage):
        department_column = StandardColumn("services", "办事服务", order=40)
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class StandardColumn:
    slug: str
    title: str
    order: int  # place among the department's columns
    pages: tuple = ()  # (slug, title, build(department, **page fields)) of the pages the column starts with
    central_review: bool = False  # 三审: what is published here also passes the centre's review

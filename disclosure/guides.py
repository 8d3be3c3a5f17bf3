"""The pages every department's disclosure catalog starts with: its guide, its rules, its annual reports.

Their text follows the 2019 Regulations and names the department's own office, address and phone; the
department's editors then complete them.
"""

from home.models import StandardPage


def paragraphs(*texts):
    return [("paragraph", f"<p>{text}</p>") for text in texts]


def disclosure_guide(department, **page):
    return StandardPage(
        summary=f"如何获取{department.title}的政府信息：主动公开、依申请公开及其办理流程。",
        body=[
            ("heading", {"text": "一、主动公开", "level": "h2"}),
            *paragraphs(
                f"{department.title}主动公开的政府信息通过江门政务之窗“政府信息公开”栏目发布，"
                "属于主动公开范围的信息自形成或者变更之日起20个工作日内予以公开。"
            ),
            ("heading", {"text": "二、依申请公开", "level": "h2"}),
            *paragraphs(
                "公民、法人或者其他组织可以通过网上申请、信函或者当面提交等方式申请获取政府信息。"
                "能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，"
                "需要延长答复期限的，经负责人同意并告知申请人，延长期限最长不超过20个工作日。",
            ),
            (
                "contact",
                {
                    "name": f"{department.title}政府信息公开受理机构",
                    "address": department.address,
                    "opening_hours": department.opening_hours,
                    "phone": department.phone,
                },
            ),
        ],
        **page,
    )


def disclosure_rules(department, **page):
    return StandardPage(
        summary=f"{department.title}政府信息公开工作制度。",
        body=paragraphs(
            f"{department.title}依据《中华人民共和国政府信息公开条例》建立政府信息公开审查、发布协调、"
            "依申请公开办理、考核评议和责任追究等工作制度，公开前对拟公开信息进行保密审查。",
        ),
        **page,
    )


def annual_reports(department, **page):
    return StandardPage(
        summary=f"{department.title}政府信息公开工作年度报告，每年1月31日前发布上一年度报告。",
        **page,
    )


CATALOG_PAGES = (
    ("guide", "政府信息公开指南", disclosure_guide),
    ("rules", "政府信息公开制度", disclosure_rules),
    ("annual-reports", "政府信息公开年度报告", annual_reports),
)

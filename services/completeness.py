"""The ten elements every service guide must show (办事指南十要素), checked before an item is published."""

ITEM_ELEMENTS = ["事项名称", "设定依据", "申请条件"]
PROCEDURE_ELEMENTS = ["办理材料", "办理地点", "办理机构", "收费标准", "办理时间", "联系电话", "办理流程"]
ELEMENTS = ITEM_ELEMENTS + PROCEDURE_ELEMENTS


def present(value):
    return bool(value.strip() if isinstance(value, str) else value)


def procedure_has(procedure, agency):
    """{element: bool} for one procedure (a ProcedureBlock value or a dict of the same keys)."""
    office = procedure.get("office")
    return {
        "办理材料": present(procedure.get("materials")),
        "办理地点": office is not None or present(procedure.get("online_url")),
        "办理机构": present(agency),
        "收费标准": present(procedure.get("fee")),
        "办理时间": present(procedure.get("hours")) or (office is not None and present(office.opening_hours)),
        "联系电话": present(procedure.get("consultation_phone")) or (office is not None and present(office.phone)),
        "办理流程": present(procedure.get("steps")),
    }


def missing_elements(name, legal_basis, conditions, procedures, agency):
    """The elements missing from an item, in the national order; a procedure's gap names the procedure when
    the item has several. `agency` is the 办理机构 (the item's own, or its department's name)."""
    missing = [
        element
        for element, value in zip(ITEM_ELEMENTS, [name, legal_basis, conditions], strict=True)
        if not present(value)
    ]
    if not procedures:
        return missing + PROCEDURE_ELEMENTS
    for procedure in procedures:
        gaps = [element for element, has in procedure_has(procedure, agency).items() if not has]
        if len(procedures) > 1:
            gaps = [f"{element}（{procedure.get('name', '')}）" for element in gaps]
        missing += gaps
    return missing


def incomplete_message(missing):
    return f"办事指南要素不全，不能发布。缺少：{'、'.join(missing)}。"

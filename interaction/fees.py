"""信息处理费 under 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), computed to the yuan.

An agency charges either by item (按件计收) or by amount (按量计收), never both for one request:

- by item: one applicant's requests to the agency in one calendar month, up to the 10th free; the 11th to the 30th
  100 元 each; from the 31st, the charge rises by 100 元 for every further band of 10 (31st–40th 200 元, 41st–50th
  300 元 …);
- by amount: the pages the agency decides to provide for one request, up to 30 free; pages 31–100 10 元 each,
  101–200 20 元 each, from 201 40 元 each (an electronic copy counts the pages it would have on paper).
"""

FREE_ITEMS = 10
ITEM_RATE = 100
PAGE_BANDS = [(30, 0), (100, 10), (200, 20), (None, 40)]  # (last page of the band, yuan a page)


def item_fee(nth):
    """The fee for an applicant's `nth` request this month to the agency (按件计收)."""
    if nth <= FREE_ITEMS:
        return 0
    if nth <= 30:
        return ITEM_RATE
    return ITEM_RATE * (2 + (nth - 31) // 10)


def page_fee(pages):
    """The fee for providing `pages` pages for one request (按量计收)."""
    fee, first = 0, 1
    for last, rate in PAGE_BANDS:
        top = pages if last is None else min(pages, last)
        if top >= first:
            fee += (top - first + 1) * rate
        if last is None or pages <= last:
            break
        first = last + 1
    return fee


def explain_pages(pages):
    return f"按量计收：提供 {pages} 页（30 页以下免费，31—100 页 10 元/页，101—200 页 20 元/页，201 页以上 40 元/页），应收 {page_fee(pages)} 元"

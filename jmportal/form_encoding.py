"""Forms are read as UTF-8: a form body that declares another character set is refused with the reason.

Every page of the portal is UTF-8, so browsers post UTF-8. Django refuses another charset on a url-encoded body
with a bare "Bad Request", and decodes a multipart body in it (garbled text saved as a letter); this answers both
with one sentence the sender can act on, before any view or the CSRF check reads the body.
"""

from django.http import HttpResponseBadRequest

FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
UTF_8 = {"utf-8", "utf8"}
REFUSAL = "表单须以 UTF-8 编码提交，请刷新页面后重新填写。"


class FormEncodingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        charset = request.content_params.get("charset", "utf-8").strip().lower()
        if request.content_type in FORM_TYPES and charset not in UTF_8:
            return HttpResponseBadRequest(REFUSAL, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

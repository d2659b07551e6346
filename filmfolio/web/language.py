"""The language switch: Django's ``set_language`` that a same-origin form may use without a
CSRF token.

Pages for plain visitors are cached whole (``films.page_cache.visitor_page_cache``) and carry
no token, so their switch is accepted when the browser says the form was sent from this site
(``Sec-Fetch-Site: same-origin``, or an ``Origin`` header naming the site or one of
``CSRF_TRUSTED_ORIGINS``). A request that shows neither is checked for a token as before: a
cross-site form cannot change anyone's language.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views import i18n
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from filmfolio.accounts.language import user_language_set

_with_token = csrf_protect(i18n.set_language)


def sent_from_this_site(request: HttpRequest) -> bool:
    """Whether the browser says the request comes from a page of this site."""
    if request.headers.get("Sec-Fetch-Site") == "same-origin":
        return True
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return False
    own = f"{request.scheme}://{request.get_host()}"
    return origin == own or origin in settings.CSRF_TRUSTED_ORIGINS


@csrf_exempt
@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Set the language cookie and go back (``next``), as Django's view does; a signed-in
    user's account keeps the language too, for the e-mails written to them."""
    view = i18n.set_language if sent_from_this_site(request) else _with_token
    response = view(request)
    if response.status_code < 400:
        user_language_set(user=request.user, language=request.POST.get("language", ""))
    return response

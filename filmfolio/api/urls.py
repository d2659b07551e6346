"""URLs of the API app: the versioned API and the personal token pages.

Included by the root URLconf as ``path("api/", include("filmfolio.api.urls"))``.
"""

from django.urls import URLPattern, include, path

from . import views
from .api import api
from .errors import json_method_not_allowed

_patterns, _app_name, _namespace = api.urls
for _pattern in _patterns:
    if isinstance(_pattern, URLPattern):
        _pattern.callback = json_method_not_allowed(_pattern.callback)

urlpatterns = [
    path("v1/", include((_patterns, _app_name), namespace=_namespace)),
    path("tokens/", views.tokens, name="api-tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="api-token-revoke"),
]

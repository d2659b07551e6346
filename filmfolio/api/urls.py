"""URLs of the API app: the versioned API and the personal token pages.

Included by the root URLconf as ``path("api/", include("filmfolio.api.urls"))``.
"""

from django.urls import path

from . import views
from .api import api

urlpatterns = [
    path("v1/", api.urls),
    path("tokens/", views.tokens, name="api-tokens"),
    path("tokens/<int:token_id>/revoke/", views.token_revoke, name="api-token-revoke"),
]

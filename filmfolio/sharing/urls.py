"""URLs of screener links and invitations (mounted at /share/)."""

from django.urls import path

from . import reports_views, views

app_name = "sharing"
urlpatterns = [
    path("s/<str:token>/", views.link_open, name="link"),
    path("unlock/", views.link_unlock, name="unlock"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation"),
    path("viewings/beat/", reports_views.viewing_beat, name="viewing-beat"),
]

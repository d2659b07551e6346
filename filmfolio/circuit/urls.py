"""URLs of the festival run across a filmmaker's films; include at ``run/`` with the namespace
``circuit`` (a film's own run is a section of its studio, ``circuit.studio``)."""

from django.urls import path

from . import views

app_name = "circuit"
urlpatterns = [
    path("", views.board, name="board"),
    path("status/<str:status>/", views.status_column, name="status"),
    path("calendar/", views.calendar_page, name="calendar"),
    path("calendar/address/", views.calendar_address, name="calendar-address"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="feed"),
]

"""URLs of the calls for entry and the festivals' desks (mounted at /calls/)."""

from django.urls import path

from . import desk_views, manage_views, views

app_name = "calls"
urlpatterns = [
    path("", views.index, name="index"),
    path("submissions/", views.mine, name="mine"),
    path("submissions/<slug:public_id>/withdraw/", views.withdraw, name="withdraw"),
    path("desk/s/<slug:public_id>/", desk_views.submission, name="submission"),
    path("desk/s/<slug:public_id>/watch/", desk_views.watch, name="watch"),
    path("desk/c/<slug:call_slug>/", manage_views.call_manage, name="call_manage"),
    path("desk/<slug:slug>/", desk_views.desk, name="desk"),
    path("desk/<slug:slug>/notify/", desk_views.notify, name="notify"),
    path("desk/<slug:slug>/members/", desk_views.members, name="members"),
    path(
        "desk/<slug:slug>/members/<int:member_id>/remove/",
        manage_views.member_remove,
        name="member_remove",
    ),
    path("desk/<slug:slug>/programme/", manage_views.programme, name="programme"),
    path("<slug:slug>/", views.detail, name="detail"),
]

"""URLs of the film editor. Mount before the public film pages:
``path("films/", include("filmfolio.films.editing.urls"))``."""

from django.urls import path

from . import sharing_views, views

app_name = "films_edit"
urlpatterns = [
    path("new/", views.film_new, name="new"),
    path("lookup/people/", views.people_lookup, name="people_lookup"),
    path("lookup/festivals/", views.festivals_lookup, name="festivals_lookup"),
    path("<slug:slug>/unlock/", sharing_views.unlock, name="unlock"),
    path("<slug:slug>/edit/", views.edit_start, name="edit"),
    path("<slug:slug>/edit/history/", views.history, name="history"),
    path("<slug:slug>/edit/sharing/", sharing_views.sharing_page, name="sharing"),
    path(
        "<slug:slug>/edit/sharing/links/<int:link_id>/revoke/",
        sharing_views.link_revoke,
        name="link_revoke",
    ),
    path(
        "<slug:slug>/edit/sharing/invitations/<int:invitation_id>/withdraw/",
        sharing_views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path(
        "<slug:slug>/edit/sharing/collaborators/<int:collaborator_id>/remove/",
        sharing_views.collaborator_remove,
        name="collaborator_remove",
    ),
    path(
        "<slug:slug>/edit/sharing/collaborators/<int:collaborator_id>/role/",
        sharing_views.collaborator_role,
        name="collaborator_role",
    ),
    path("<slug:slug>/edit/<slug:section>/", views.edit_section, name="section"),
    path(
        "<slug:slug>/edit/<slug:section>/<int:item_id>/remove/",
        views.remove_item,
        name="remove",
    ),
]

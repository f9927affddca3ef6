from django.urls import path

from ilacs.evidence import views

app_name = "evidence"

_action = "<slug:slug>/plans/<int:pk>/actions/<int:number>/"

urlpatterns = [
    path(_action + "evidence/add/", views.attach_to_action, name="attach_to_action"),
    path(
        _action + "updates/<int:update_pk>/evidence/add/",
        views.attach_to_update,
        name="attach_to_update",
    ),
    path("<slug:slug>/evidence/<int:file_pk>/", views.download, name="download"),
    path("<slug:slug>/evidence/<int:file_pk>/delete/", views.delete, name="delete"),
]

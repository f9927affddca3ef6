from django.urls import path

from ilacs.assessments import views

app_name = "assessments"

_plan = "<slug:slug>/plans/<int:pk>/"
_round = _plan + "self-assessment/<int:round_pk>/"
_forum = "<slug:slug>/forums/<int:forum_pk>/"

urlpatterns = [
    path(_plan + "self-assessment/", views.rounds, name="rounds"),
    path(_plan + "self-assessment/start/", views.round_start, name="round_start"),
    path(_plan + "self-assessment/across-rounds/", views.across, name="across"),
    path(_round, views.round_detail, name="round"),
    path(_round + "edit/", views.round_edit, name="round_edit"),
    path(_round + "sign-off/", views.round_sign_off, name="sign_off"),
    path(_round + "recommendations/<int:number>/", views.entry_edit, name="entry_edit"),
    path(_plan + "monitoring/", views.monitoring, name="monitoring"),
    path(_plan + "monitoring/<int:number>/", views.monitoring_edit, name="monitoring_edit"),
    path("<slug:slug>/forums/", views.forums, name="forums"),
    path("<slug:slug>/forums/add/", views.forum_edit, name="forum_add"),
    path(_forum, views.forum_detail, name="forum"),
    path(_forum + "edit/", views.forum_edit, name="forum_edit"),
    path(_forum + "meetings/add/", views.meeting_add, name="meeting_add"),
    path(_forum + "meetings/<int:meeting_pk>/remove/", views.meeting_remove, name="meeting_remove"),
]

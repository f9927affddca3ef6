from django.urls import path

from ilacs.plans import import_views, views

app_name = "plans"

_plan = "<slug:slug>/plans/<int:pk>/"
_action = _plan + "actions/<int:number>/"

urlpatterns = [
    path("<slug:slug>/inspections/<int:inspection_pk>/plan/", views.create, name="create"),
    path(
        "<slug:slug>/inspections/<int:inspection_pk>/plan/import/",
        import_views.upload,
        name="import",
    ),
    path(
        "<slug:slug>/inspections/<int:inspection_pk>/plan/import/columns/",
        import_views.columns,
        name="import_columns",
    ),
    path(
        "<slug:slug>/inspections/<int:inspection_pk>/plan/import/preview/",
        import_views.preview,
        name="import_preview",
    ),
    path(_plan, views.detail, name="detail"),
    path(_plan + "edit/", views.edit, name="edit"),
    path(_plan + "dashboard/", views.dashboard, name="dashboard"),
    path(_plan + "history/", views.plan_history, name="history"),
    path(_plan + "themes/", views.themes, name="themes"),
    path(_plan + "themes/<int:theme_pk>/", views.theme_edit, name="theme_edit"),
    path(_plan + "themes/<int:theme_pk>/move/", views.theme_move, name="theme_move"),
    path(_plan + "requirements/add/", views.requirement_add, name="requirement_add"),
    path(_plan + "requirements/<int:number>/", views.requirement_detail, name="requirement"),
    path(
        _plan + "requirements/<int:number>/topics/",
        views.requirement_topics,
        name="requirement_topics",
    ),
    path(_plan + "actions/add/", views.action_add, name="action_add"),
    path(_action, views.action_detail, name="action"),
    path(_action + "edit/", views.action_edit, name="action_edit"),
    path(_action + "update/", views.action_update, name="action_update"),
    path(_action + "rag/", views.action_rag, name="action_rag"),
    path(_action + "history/", views.action_history, name="action_history"),
    path(_action + "topics/", views.action_topics, name="action_topics"),
    path(_action + "withdraw/", views.action_withdraw, name="action_withdraw"),
    path(_action + "updates/<int:update_pk>/", views.update_correct, name="update_correct"),
    path(
        _action + "updates/<int:update_pk>/withdraw/",
        views.update_withdraw,
        name="update_withdraw",
    ),
    path(_action + "milestones/add/", views.milestone_add, name="milestone_add"),
    path(_action + "milestones/<int:milestone_pk>/", views.milestone_edit, name="milestone_edit"),
    path(
        _action + "milestones/<int:milestone_pk>/done/", views.milestone_done, name="milestone_done"
    ),
]

# Not about one council: the RAG rules, for everyone signed in.
help_urlpatterns = [
    path("rag/", views.rag_help, name="rag"),
]

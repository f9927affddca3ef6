from django.urls import path

from ilacs.measures import views

app_name = "measures"

_m = "<slug:slug>/measures/"

urlpatterns = [
    path(_m, views.index, name="index"),
    path(_m + "add/", views.measure_add, name="add"),
    path(_m + "<int:pk>/", views.detail, name="detail"),
    path(_m + "<int:pk>/edit/", views.measure_edit, name="edit"),
    path(_m + "<int:pk>/values/", views.value_add, name="value_add"),
    path(_m + "scorecards/add/", views.scorecard_edit, name="scorecard_add"),
    path(_m + "scorecards/<int:pk>/", views.scorecard, name="scorecard"),
    path(_m + "scorecards/<int:pk>/edit/", views.scorecard_edit, name="scorecard_edit"),
    path(_m + "audits/add/", views.audit_edit, name="audit_add"),
    path(_m + "audits/<int:pk>/", views.audit, name="audit"),
    path(_m + "audits/<int:pk>/edit/", views.audit_edit, name="audit_edit"),
    path(_m + "audits/<int:pk>/results/", views.audit_result_add, name="audit_result_add"),
    path(_m + "import/", views.import_upload, name="import"),
    path(_m + "import/preview/", views.import_preview, name="import_preview"),
    path(
        _m + "import/template-<str:kind>.<str:fmt>",
        views.import_template,
        name="import_template",
    ),
]

from django.urls import path

from ilacs.selfevaluation import views

app_name = "selfevaluation"

_one = "<slug:slug>/self-evaluations/<int:year>/"
_section = _one + "sections/<slug:kind>/"

urlpatterns = [
    path("<slug:slug>/self-evaluations/", views.index, name="index"),
    path("<slug:slug>/self-evaluations/new/", views.start, name="start"),
    path(_one, views.detail, name="detail"),
    path(_one + "compare/", views.compare, name="compare"),
    path(_section, views.section_edit, name="section_edit"),
    path(_section + "versions/", views.section_versions, name="section_versions"),
    path(_section + "versions/<int:number>/", views.section_version, name="section_version"),
]

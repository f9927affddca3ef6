from django.urls import path

from ilacs.inspections import views

app_name = "inspections"
urlpatterns = [
    path("<slug:slug>/inspections/upload/", views.upload, name="upload"),
    path("<slug:slug>/inspections/<int:pk>/", views.detail, name="detail"),
    path("<slug:slug>/inspections/<int:pk>/report/", views.source, name="source"),
    path("<slug:slug>/inspections/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<slug:slug>/inspections/<int:pk>/published/", views.mark_published, name="published"),
]

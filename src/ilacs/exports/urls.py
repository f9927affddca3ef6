from django.urls import path

from ilacs.exports import views

app_name = "exports"

_docs = "<slug:slug>/plans/<int:pk>/documents/"

urlpatterns = [
    path(_docs, views.documents, name="documents"),
    path(_docs + "progress-report/", views.progress_report, name="progress_report"),
    path(_docs + "house-style/", views.house_style, name="house_style"),
    path(_docs + "<slug:kind>.<str:fmt>", views.download, name="download"),
]

from django.urls import path

from ilacs.audit import views

app_name = "audit"
urlpatterns = [
    path("<slug:slug>/reads/", views.reads, name="reads"),
]

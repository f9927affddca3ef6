from django.urls import path

from ilacs.localauthorities import views

app_name = "localauthorities"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.detail, name="detail"),
]

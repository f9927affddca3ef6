from django.urls import path

from ilacs.national import views

app_name = "national"
urlpatterns = [
    path("", views.index, name="index"),
    path("grades/", views.grades, name="grades"),
    path("grades/<slug:table>.<str:fmt>", views.grades_download, name="grades_download"),
    path("topics/", views.topics, name="topics"),
    path("topics/<slug:table>.<str:fmt>", views.topics_download, name="topics_download"),
    path("due/", views.due, name="due"),
    path("due/<slug:table>.<str:fmt>", views.due_download, name="due_download"),
    path("councils/<slug:slug>/", views.council, name="council"),
    path(
        "councils/<slug:slug>/<slug:table>.<str:fmt>",
        views.council_download,
        name="council_download",
    ),
]

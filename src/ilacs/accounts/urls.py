from django.urls import path

from ilacs.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("password/changed/", views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("password/reset/sent/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

# Under /la/<slug>/members/ (namespace "members"): a council's admins manage its members.
member_urlpatterns = [
    path("<slug:slug>/members/", views.members, name="list"),
    path("<slug:slug>/members/add/", views.member_add, name="add"),
    path("<slug:slug>/members/<int:pk>/", views.member_detail, name="detail"),
    path("<slug:slug>/members/<int:pk>/remove/", views.member_remove, name="remove"),
]

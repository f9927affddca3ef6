from django.contrib import admin
from django.urls import include, path

from ilacs import views
from ilacs.accounts.urls import member_urlpatterns
from ilacs.plans import urls as plan_urls

admin.site.site_header = "ilacs administration"
admin.site.site_title = "ilacs administration"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("ilacs.accounts.urls")),
    path("la/", include("ilacs.localauthorities.urls")),
    path("la/", include((member_urlpatterns, "members"))),
    path("la/", include("ilacs.audit.urls")),
    path("la/", include("ilacs.inspections.urls")),
    path("la/", include("ilacs.plans.urls")),
    path("la/", include("ilacs.exports.urls")),
    path("la/", include("ilacs.measures.urls")),
    path("la/", include("ilacs.evidence.urls")),
    path("la/", include("ilacs.selfevaluation.urls")),
    path("la/", include("ilacs.assessments.urls")),
    path("search/", include("ilacs.search.urls")),
    path("help/", include((plan_urls.help_urlpatterns, "help"))),
    path("admin/", admin.site.urls),
]

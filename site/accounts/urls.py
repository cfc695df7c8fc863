from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("setup/", views.enrol, name="enrol"),
    path("verify/", views.verify, name="verify"),
    path("backup-codes/", views.backup_codes, name="backup_codes"),
]

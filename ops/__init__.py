"""Running a Commune site: backups and their restoration, and the health endpoint."""

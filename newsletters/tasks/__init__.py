"""The letters' background work, as django-tasks tasks: dispatch (sending campaigns) and
audience (confirmation mails, purges) each in their own module."""

"""What core tells the rest of the project. Core sends nothing itself: the apps above it
(e.g. `notifications`) listen."""

from django.dispatch import Signal

# A resident's contact form submission was stored. Sent with `page` (the ContactFormPage)
# and `submission` (its FormSubmission), inside the request; listeners that do slow work
# defer it with `transaction.on_commit`.
contact_form_submitted = Signal()

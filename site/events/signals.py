"""What the agenda tells the rest of the project. The events app sends no e-mail itself:
the apps above it (e.g. `notifications`) listen."""

from django.dispatch import Signal

# An association proposed an event: sent with `proposal` (the EventProposal, whose `page` is
# the draft event) inside the transaction that stored it.
event_proposed = Signal()

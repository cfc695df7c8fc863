"""The town's letters: e-mail (and SMS) campaigns to one GDPR-compliant contact base.

Four parts that stay apart, as a mature mailer is shaped:

- audience: contacts, their consents per theme and channel, segments (saved queries);
- compose: the newsletter pages, their blocks and their MJML rendering;
- dispatch: the tasks that turn a campaign into delivery rows and send them;
- record: deliveries, provider events, the suppression list and statistics.
"""

"""One module per SMS gateway; `connectors.sms.get_backend()` picks one by its short name."""

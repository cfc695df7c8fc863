"""Second factor (TOTP and backup codes) for the Wagtail admin, and the lockout page."""

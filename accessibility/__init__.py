"""Automated accessibility (axe-core) and eco-design budget checks of the public site, run
in headless Chromium against every page type of the demo town."""

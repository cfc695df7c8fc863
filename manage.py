#!/usr/bin/env python
"""Django's command-line utility for Commune."""

import os
import sys
from pathlib import Path

# `site` is a standard-library module name, so the website lives in a source folder
# put on sys.path rather than in a package.
sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "commune.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

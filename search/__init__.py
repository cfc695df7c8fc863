"""Public search with Meilisearch: the local server for development and tests."""

"""Outside services (SMS gateways, social networks) behind small interfaces, one module each."""

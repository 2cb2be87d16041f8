"""The workspace's apps (Firebase projects): their identity, icon, and who may change them."""

"""A local FCM: the HTTP v1 send endpoint, an OAuth2 token endpoint and virtual devices.

Lets a newcomer (and every test) send real HTTP requests with no Google account.
"""

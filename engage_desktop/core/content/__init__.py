"""Message content: typed push content, the FCM message builder and SMS encoding rules."""

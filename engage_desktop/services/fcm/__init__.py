"""Firebase Cloud Messaging: credentials, the bulk HTTP v1 sender, rate limits and error mapping."""

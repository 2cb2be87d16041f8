"""Settings → Apps → "SMS and email accounts…": an app's Twilio and SMTP accounts."""

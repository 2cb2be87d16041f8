"""Senders of the channels that do not go through FCM: SMS (Twilio) and email (SMTP)."""

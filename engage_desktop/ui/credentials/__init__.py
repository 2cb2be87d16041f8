"""The admin's credentials dialog: an app's service-account key in the OS keyring, the machines
holding it, "Test connection", and the switch between the sandbox and FCM."""

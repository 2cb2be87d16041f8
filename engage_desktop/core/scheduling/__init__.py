"""When a campaign goes out: the time a person chose, checked, and the use cases that store it."""

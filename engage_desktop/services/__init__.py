"""The background service: dispatcher, providers, scheduler, local sandbox. Never imports ui."""

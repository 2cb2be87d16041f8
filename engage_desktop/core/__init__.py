"""Qt-free, network-free use cases and rules. Everything here can run in the GUI, CLI or service."""

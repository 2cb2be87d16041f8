"""An app's service-account key: checked (``key_file``), kept in the OS keyring, fingerprinted
in the workspace (``admin``), and said to people (``messages``)."""

"""The live phone preview: push surfaces drawn from the core's font-metric layout."""

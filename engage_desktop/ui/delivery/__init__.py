"""What the delivery rules will do, in words: shown by the send confirmation (its own catalogue)."""

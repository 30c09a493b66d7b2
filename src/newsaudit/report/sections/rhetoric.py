"""Report section for the rhetoric layer (filled in with the layer)."""

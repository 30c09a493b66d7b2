"""Report section for the quotes layer (filled in with the layer)."""

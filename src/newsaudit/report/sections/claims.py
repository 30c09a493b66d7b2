"""Report section for the claims layer (filled in with the layer)."""

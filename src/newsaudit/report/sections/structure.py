"""Report section for the structure layer (filled in with the layer)."""

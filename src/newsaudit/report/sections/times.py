"""Report section for the times layer (filled in with the layer)."""

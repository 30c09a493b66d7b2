"""Report section for the citations layer (filled in with the layer)."""

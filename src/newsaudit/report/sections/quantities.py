"""Report section for the quantities layer (filled in with the layer)."""

"""Report section for the entities layer (filled in with the layer)."""

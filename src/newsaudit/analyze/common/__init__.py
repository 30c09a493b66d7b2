"""Helpers shared by several layers: dates written in free text (``dates``) and reference-list
entries (``reference_entries``, read by both the structure and the citations layer)."""

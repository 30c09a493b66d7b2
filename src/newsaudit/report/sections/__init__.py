"""One module per dossier layer; see ``newsaudit.report``."""

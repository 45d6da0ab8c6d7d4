"""The clinician-facing API: the FastAPI app, its routes, the clinician's pages, the admin CLI."""

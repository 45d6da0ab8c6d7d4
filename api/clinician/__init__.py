"""Code shared by the clinician's web pages (the routes are in api/routes/clinician*.py)."""

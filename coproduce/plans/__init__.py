"""What the clinician and the patient agreed at the visit, version by version."""

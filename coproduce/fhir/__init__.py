"""The FHIR export of a patient's aim, for the clinical record."""

"""Follow-ups: the patient re-rates their own measure weeks after the visit."""

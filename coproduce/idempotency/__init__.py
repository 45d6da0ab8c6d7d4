"""Idempotency-Key for the API's POSTs: a retried request returns the first result."""

"""Clinics, their clinicians, and the API tokens that act for them."""

"""The aims of a visit: what the patient said, stored as structure and read back as a summary."""

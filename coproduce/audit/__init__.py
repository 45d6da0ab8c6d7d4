"""The audit log: who read or deleted which visit's record."""

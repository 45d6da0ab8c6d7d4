"""Red flags: spot current danger in a message, decide its urgency, and tell the clinic."""

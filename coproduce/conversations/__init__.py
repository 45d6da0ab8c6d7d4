"""Chat conversations: the outbox of unsaved messages, Rasa's tracker store, retention."""

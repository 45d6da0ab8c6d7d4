"""Coproduce's own code, shared by the API, the action server and the Rasa server."""

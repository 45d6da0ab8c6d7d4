"""Rasa custom actions of Coproduce, one module per flow (rasa-sdk registers them all).

The action server is `python -m actions.server`; importing this package starts nothing.
"""

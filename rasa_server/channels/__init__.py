"""Rasa input channels of Coproduce."""

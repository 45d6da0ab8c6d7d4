"""Visits, their invites and conversations, who may talk in them, and forgetting one."""

"""The clinic's improvement over time: SPC series, shared themes, the funnel, charts, demo data."""

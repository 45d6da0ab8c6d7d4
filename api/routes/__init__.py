"""The API's routes, one module per concept; `api/main.py` mounts their routers."""

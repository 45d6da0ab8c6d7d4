"""What the Rasa server process loads: its channels, stores, NLU component and patches.

Rasa imports these classes by the names in `bot/credentials.yml` (channels),
`bot/endpoints.yml` (tracker store, lock store) and `config.yml` (the red-flag component).
The server is started by `python -m rasa_server run ...` (`scripts/rasa_server.sh`), which
installs the patches (`patches.py`) before Rasa starts. Importing any module here changes
nothing in Rasa; `coproduce/` (the core shared with the action server and the API) never
imports this package.
"""

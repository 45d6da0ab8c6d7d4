"""Start the Rasa server: `python -m rasa_server run [rasa run's options]`.

The one entry point of the Rasa server process. It installs Coproduce's patches (each checks
the Rasa version first and refuses any other), then hands the command line to Rasa's own.
"""

from __future__ import annotations

from rasa.__main__ import main as rasa_main

from rasa_server import patches


def main() -> None:
    """Install the patches, then run Rasa's command line."""
    patches.install()
    rasa_main()


if __name__ == "__main__":
    main()

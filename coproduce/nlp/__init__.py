"""Reading patients' words: the spaCy pipeline and the extraction of items, ratings and answers."""

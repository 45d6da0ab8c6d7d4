"""Turn raw patient text into normalised words that keep their original character spans."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


def _split(text: str) -> list[str]:
    return text.split()


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})

# Text-speak, dialect and run-together words, one token in, several words out.
_WORD_MAP: dict[str, str] = {
    "cannot": "can not",
    "cant": "can not",
    "carnt": "can not",
    "cnt": "can not",
    "cudnt": "could not",
    "couldnt": "could not",
    "dont": "do not",
    "wont": "will not",
    # Scots: "nae chest pain", "didnae take them", "cannae breathe".
    "nae": "no",
    "dinnae": "do not",
    "didnae": "did not",
    "cannae": "can not",
    "canna": "can not",
    "wouldnae": "would not",
    "couldnae": "could not",
    "havnae": "have not",
    "havenae": "have not",
    "hasnae": "has not",
    "isnae": "is not",
    "wasnae": "was not",
    "wisnae": "was not",
    "im": "i am",
    "ive": "i have",
    "wanna": "want to",
    "gotta": "got to",
    "u": "you",
    "ur": "your",
    "rn": "right now",
    "atm": "at the moment",
    "kms": "kill myself",
    "alot": "a lot",
    "abt": "about",
    "cos": "because",
    "coz": "because",
    "cuz": "because",
    "rly": "really",
    "v": "very",
    "ma": "my",
    "meself": "myself",
    "myslef": "myself",
    "chestpain": "chest pain",
    "chestpains": "chest pains",
    "heartattack": "heart attack",
    "selfharm": "self harm",
    "selfharming": "self harming",
    "nosebleed": "nose bleed",
    "breastbone": "chest",
    "sternum": "chest",
    "mom": "mum",
    "mam": "mum",
    "haemorrhage": "hemorrhage",
    "haemorrhaging": "hemorrhaging",
    "haemorrhaged": "hemorrhaged",
    "paralysed": "paralyzed",
    "vomitting": "vomiting",
    "vommiting": "vomiting",
    "vommitting": "vomiting",
    "vomiting": "vomiting",
    "puking": "vomiting",
    "labored": "laboured",
    "gray": "grey",
    "unalive": "kill",
    "oded": "overdosed",
    "od": "overdose",
    "hes": "he is",
    "shes": "she is",
    "theyre": "they are",
    "theyll": "they will",
    "youre": "you are",
    "whats": "what is",
    "thats": "that is",
    "tonights": "tonight is",
    "somethings": "something is",
    "someones": "someone is",
    "no1": "no one",
    "every1": "everyone",
    "b4": "before",
    "pls": "please",
    "plz": "please",
    "hospitalised": "hospitalized",
    "nebuliser": "nebulizer",
    "haemorrhoids": "hemorrhoids",
}

# Misspellings too short or too far for the automatic correction below.
_TYPOS: dict[str, str] = {
    "pian": "pain",
    "pane": "pain",
    "pains": "pains",
    "cheast": "chest",
    "chesst": "chest",
    "chst": "chest",
    "ches": "chest",
    "chset": "chest",
    "brest": "chest",
    "breth": "breath",
    "brath": "breath",
    "breeth": "breath",
    "brethe": "breathe",
    "breath": "breath",
    "blod": "blood",
    "bloood": "blood",
    "pils": "pills",
    "pillz": "pills",
    "tabs": "tablets",
    "meds": "meds",
    "suicidle": "suicidal",
    "sucidal": "suicidal",
    "suisidal": "suicidal",
    "suiside": "suicide",
    "sucide": "suicide",
    "droopin": "drooping",
    "bleedin": "bleeding",
    "bleding": "bleeding",
    "hurtin": "hurting",
    "killin": "killing",
    "breathin": "breathing",
    "strok": "stroke",
    "paracetemol": "paracetamol",
    "paracetomol": "paracetamol",
    "paracetamole": "paracetamol",
    "parecetamol": "paracetamol",
    "ibuprophen": "ibuprofen",
}

# Correction targets: distinctive words of six letters or more used by the patterns.
_KEYWORDS: frozenset[str] = frozenset(
    _split("""breathe breathing breathless bleeding hemorrhage stroke drooping droopy dropped
    slurred slurring suicidal suicide myself tablets paracetamol overdose overdosed crushing
    pressure tightness squeezing elephant wheezing gasping struggling vomiting coughing
    attack speech living killing harming hurting cutting swallowed packet bottle strangled
    punched threatened frightened scared ibuprofen diazepam morphine insulin heavily anymore
    without better weakness suffocating choking throat inhaler asthma abused hitting kicking
    violent husband partner boyfriend girlfriend heart everyone nobody bleeding pouring
    antidepressants painkillers codamol sleeping catch lifting numbness""")
)

# Real words one edit away from a keyword; never "correct" them.
_PROTECTED: frozenset[str] = frozenset(
    _split("""breadth breeding bleeping bleating stroked strokes strike stride butter batter bitter
    hearth hearty hunting hurling sweeping scarred scares sacred attach attacks crashing
    brushing grasping cooking chores threat threats throats bottles packets strangle
    punches scarce better letter setter tablet choked chokes cutting catching loving lining
    liking pocket battle""")
)


@dataclass(frozen=True)
class Word:
    """One normalised word and the span of the original text it came from."""

    text: str
    start: int
    end: int
    sent: int


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """Build the blank English tokenizer with a sentencizer, once."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=1)
def _deletes_index() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for word in _KEYWORDS:
        for variant in _deletes(word) | {word}:
            index.setdefault(variant, set()).add(word)
    return {key: frozenset(value) for key, value in index.items()}


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diffs) <= 1:
            return True
        first, second = diffs[0], diffs[-1]
        swapped = a[first] == b[second] and a[second] == b[first]
        return len(diffs) == 2 and second == first + 1 and swapped
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@lru_cache(maxsize=4096)
def correct(token: str) -> str:
    """Return the keyword a misspelt token most likely stands for, or the token itself."""
    if token in _TYPOS:
        return _TYPOS[token]
    if len(token) < 6 or not token.isalpha() or token in _KEYWORDS or token in _PROTECTED:
        return token
    index = _deletes_index()
    candidates: set[str] = set()
    for variant in _deletes(token) | {token}:
        candidates |= index.get(variant, frozenset())
    matches = sorted(
        word for word in candidates if word[0] == token[0] and _within_one_edit(word, token)
    )
    return matches[0] if len(matches) == 1 else token


_PRONOUN_IS = frozenset(_split("it he she there that what who where here everything nothing this"))
_NOT_HOSTS = frozenset(
    [
        "do",
        "does",
        "did",
        "is",
        "was",
        "are",
        "were",
        "have",
        "has",
        "had",
        "could",
        "would",
        "should",
        "must",
        "ai",
        "need",
    ]
)
# Dropped-g spellings ("thinkin", "bleedin") of these words are restored.
_ING_WORDS = frozenset(
    _split("""thinking feeling bleeding breathing coughing hurting killing cutting talking slurring
    going taking planning wanting struggling gasping wheezing vomiting throwing dying getting
    pouring choking drooping hitting kicking punching burning ending harming shaking bringing
    spitting pressing squeezing crushing spreading saying""")
)
# Verbs that show a bare "hell", "shell" or "ill" is "he'll", "she'll" or "I'll".
_WILL_VERBS = frozenset(
    _split("""kill hurt hit beat stab burn do be come get go find leave make take never not
    end try have lose snap smash throw strangle break murder punch definitely probably just""")
)
_DETERMINERS = frozenset(
    _split("""the a an this from of to in feel felt feeling am is was very so really be
    been look looks looked seriously critically mentally quite too""")
)
_CLITICS = {"'m": "am", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would"}


def _expand(lower: str, prev: str, nxt: str) -> list[str]:
    """Expand one lower-cased spaCy token into normalised words."""
    if lower in ("n't", "nt") and (prev in _NOT_HOSTS or prev in ("ca", "wo")):
        return ["not"]
    if lower == "ca" and nxt in ("n't", "nt"):
        return ["can"]
    if lower == "wo" and nxt in ("n't", "nt"):
        return ["will"]
    if lower == "gon" and nxt == "na":
        return ["going"]
    if lower == "na" and prev == "gon":
        return ["to"]
    if lower in ("m", "'m") and prev == "i":
        return ["am"]
    if lower in ("ve", "'ve") and prev in ("i", "we", "you", "they", "could", "would", "should"):
        return ["have"]
    if lower in _CLITICS:
        return [_CLITICS[lower]]
    if lower in ("'s", "s") and prev in _PRONOUN_IS:
        return ["is"]
    if lower in ("'s", "'"):
        return []
    if lower in ("hell", "shell", "ill") and nxt in _WILL_VERBS and prev not in _DETERMINERS:
        return [{"hell": "he", "shell": "she", "ill": "i"}[lower], "will"]
    if lower == "2" and prev in ("want", "going", "need", "wish", "have", "trying", "wanna"):
        return ["to"]
    if "'" in lower:
        head, _, tail = lower.partition("'")
        return [*_expand(head, prev, ""), *_expand("'" + tail, head, nxt)] if head else []
    mapped = _WORD_MAP.get(lower)
    if mapped is not None:
        return mapped.split()
    if lower.endswith("in") and lower + "g" in _ING_WORDS:
        return [lower + "g"]
    return [correct(lower)]


def words(text: str) -> list[Word]:
    """Split text into normalised words with sentence numbers and original spans."""
    doc = pipeline()(text.translate(_APOSTROPHES))
    tokens = [tok for tok in doc if not tok.is_space]
    sent_of = {}
    for number, sent in enumerate(doc.sents):
        for tok in sent:
            sent_of[tok.i] = number
    result: list[Word] = []
    for position, tok in enumerate(tokens):
        prev = tokens[position - 1].lower_ if position else ""
        nxt = tokens[position + 1].lower_ if position + 1 < len(tokens) else ""
        for word in _expand(tok.lower_, prev, nxt):
            result.append(Word(word, tok.idx, tok.idx + len(tok.text), sent_of[tok.i]))
    return result

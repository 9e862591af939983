"""Reading a typed answer as one of the offered choices: a typed label is as good as a tap.

Labels and answers are compared without case, accents, emoji or punctuation; common words people
type instead of a label ("gak" for "Tidak", "L" for "Laki-laki") count as that label's word.
The closest tier wins: the whole label, then the label's beginning, then the beginning of one of
its words. Several choices in the winning tier make the answer ambiguous: the caller asks again,
naming them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Words typed for a label's word, by that word (either locale's labels may hold it).
_SAME: dict[str, tuple[str, ...]] = {
    "tidak": ("gak", "ga", "nggak", "ngga", "enggak", "engga", "ndak", "tdk", "no", "nope"),
    "ya": ("iya", "y", "yes", "yup", "ok", "oke", "okay", "yoi", "betul"),
    "tahu": ("tau", "know"),
    "laki": ("l", "lk", "pria", "cowok", "lelaki", "male", "man", "m"),
    "perempuan": ("p", "pr", "wanita", "cewek", "female", "woman", "f", "w"),
    "selesai": ("sudah", "udah", "beres", "cukup", "done", "finish", "finished"),
    "darurat": ("gawat", "urgent", "emergency"),
    "tinggi": ("high",),
    "sedang": ("medium", "menengah"),
    "rendah": ("low",),
    "lewati": ("skip", "lewat"),
}
_WORD = {typed: word for word, typed_words in _SAME.items() for typed in typed_words}
_NOT_WORD = re.compile(r"[^\w]+|_")


def words(text: str) -> tuple[str, ...]:
    """The text's words without case, accents or punctuation, each as the word it stands for."""
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )
    # "Laki-laki" and "laki2" are one word typed twice: keep the first.
    plain = re.sub(r"\b(\w{2,})(?:[-\s]\1|2)\b", r"\1", plain.casefold())
    return tuple(_WORD.get(w, w) for w in _NOT_WORD.split(plain) if w)


def pick(typed: str, labels: Sequence[str]) -> list[int]:
    """The indexes of the labels `typed` names: none, exactly one, or several (ambiguous)."""
    answer = words(typed)
    if not answer:
        return []
    offered = [words(label) for label in labels]
    typed = " ".join(answer)
    tiers = (
        lambda label: label == answer,
        lambda label: label[: len(answer)] == answer,
        lambda label: _starts(" ".join(label), typed),
        lambda label: any(_starts(" ".join(label[i:]), typed) for i in range(len(label))),
    )
    for fits in tiers:
        found = [i for i, label in enumerate(offered) if fits(label)]
        if found:
            return found
    return []


def _starts(label: str, answer: str) -> bool:
    # "ting" names "Tinggi", but one letter names only a label word of one letter.
    return len(answer) >= 2 and label.startswith(answer)

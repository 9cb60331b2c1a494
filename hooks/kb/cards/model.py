"""A card and the build's card counts."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Card:
    id: str
    front: str
    back: str
    kind: str  # the name of a CardKind (kinds.py): cloze, question, truefalse, term, list, choice
    topic: str  # entity slug; '' when the card names none
    section: str
    source: str  # 'note:line'
    options: tuple[str, ...] = ()  # multiple-choice options, the answer among them
    answer: int | tuple[int, ...] = -1  # index of the right option; the indexes when several are right
    explain: str = ""  # why the answer is right (practice questions, flipped rules)
    generated: bool = False
    image: str = ""  # a practice question's image, as served in the site (media/…)


@dataclass
class CardReport:
    imported: Counter[str] = field(default_factory=Counter)  # by kind
    generated: Counter[str] = field(default_factory=Counter)
    by_section: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)  # reason → count
    choice: int = 0  # cards with options

    def as_dict(self) -> dict:
        return {"imported": dict(self.imported), "generated": dict(self.generated),
                "by_section": dict(self.by_section), "skipped": dict(self.skipped), "multiple_choice": self.choice}

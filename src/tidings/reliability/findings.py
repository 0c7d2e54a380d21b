"""What a detector reports before scoring: a named finding with a strength in [0, 1].

The scorer (``score.py``) turns strengths into points off the score with the calibrated weights
and the findings into reader-facing ``Signal`` objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Finding:
    name: str  # snake_case signal name, the key of its weight in the weights file
    strength: float  # 0 = absent, 1 = as strong as the detector measures
    message: str  # one line a reader understands
    evidence: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.strength = max(0.0, min(1.0, float(self.strength)))


def ramp(value: float, low: float, high: float) -> float:
    """0 at or below ``low``, 1 at or above ``high``, linear between."""
    if high <= low:
        return 1.0 if value >= high else 0.0
    return max(0.0, min(1.0, (value - low) / (high - low)))


def clip(text: str, limit: int = 120) -> str:
    """Evidence text shortened for display."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"

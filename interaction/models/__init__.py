"""Cases (12345 messages and disclosure requests), their timeline, and the public pages under 公众互动."""

from .cases import Case, Pause, Review, Transition
from .pages import DisclosureRequestPage, LetterBoardPage, MessageFormPage, TrackingPage
from .submissions import SubmissionClaim

__all__ = [
    "Case",
    "DisclosureRequestPage",
    "LetterBoardPage",
    "MessageFormPage",
    "Pause",
    "Review",
    "SubmissionClaim",
    "TrackingPage",
    "Transition",
]

"""The alignment toolkit's areas: where each one's service lives.

`Services` has one typed property per area (`services.goals`, `services.glossary`, …);
this table lists them for what goes over all areas (the minutes' toolkit sections, the
tests that check every service). tests/services/test_typed_services.py keeps the two in
step."""

from __future__ import annotations

# Services attribute -> (module, class).
TOOLKIT = {
    "goals": ("alignmeet.services.goals", "GoalService"),  # shared goals and KPIs
    "glossary": ("alignmeet.services.glossary", "GlossaryService"),
    "personas": ("alignmeet.services.personas", "PersonaService"),
    "data_needs": ("alignmeet.services.data_needs", "DataNeedService"),
    "lead_feedback": ("alignmeet.services.lead_feedback", "LeadFeedbackService"),
    "coaching": ("alignmeet.services.coaching", "CoachingService"),
    "board": ("alignmeet.services.board", "BoardService"),  # wins and hard lessons
    "channels": ("alignmeet.services.channels", "ChannelService"),  # who to call for what
    # Accountability over time (issue 15): ratings, say/do, proposals for the agenda. Not a
    # section of the minutes' toolkit part: the minutes carry its figures as their own fields.
    "accountability": ("alignmeet.services.accountability", "AccountabilityService"),
}

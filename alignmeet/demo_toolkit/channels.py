"""Demo data: the communication expectations both teams agreed (seed 002)."""

from __future__ import annotations

from alignmeet.demo_toolkit import DemoContext
from alignmeet.services import Services


def seed(services: Services, ctx: DemoContext) -> dict[str, int]:
    """Urgent (deal at risk) → phone within 1 hour, today → team chat, this week → e-mail,
    FYI → the shared channel or newsletter. Every meeting's minutes then carry them."""
    del ctx  # the agreement holds for the whole series, not for one meeting
    rules = services.channels.ensure_defaults()
    return {"channel_rules": len(rules)}

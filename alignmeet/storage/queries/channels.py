"""Who to call for what: the channel rules."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from alignmeet.storage import models as m

__all__ = ["rules"]


def rules(s: Session) -> list[m.ChannelRule]:
    """Every rule, in its position in the list."""
    return list(s.scalars(select(m.ChannelRule).order_by(m.ChannelRule.position, m.ChannelRule.id)))

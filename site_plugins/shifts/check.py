"""What `torget check` says about the shift plan: the staffed days just ahead that still lack an organisation."""

from __future__ import annotations

import datetime as dt

from .model import ON_DUTY, ShiftPlan


def shift_warnings(plan: ShiftPlan | None, today: dt.date) -> list[str]:
    """One line per staffed day of the next four weeks with fewer than two organisations on duty.

    Without a plan there is nothing to say: the plan is optional.
    """
    if not plan:
        return []
    lines = []
    for day in plan.understaffed(today):
        if day.shift is None:
            lines.append(f"{plan.source}: {day.day} is a staffed day with no entry in the plan; "
                         f"no organisation is on duty yet ({ON_DUTY} places open)")
        else:
            taken = ", ".join(day.organisations) or "none"
            lines.append(
                f"{plan.source}:{day.shift.line}: {day.day} has {len(day.organisations)} of {ON_DUTY} "
                f"organisations on duty ({taken}); {day.open_slots} place{'s' if day.open_slots > 1 else ''} open"
            )
    return lines

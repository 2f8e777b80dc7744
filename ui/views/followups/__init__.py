"""The panels of the follow-ups page (`ui.views.followups_view.FollowUpsView`): the filters
bar, the team balance strip, the "My commitments" card, the selected action's details,
the decisions log and search tabs, and the page's exports."""

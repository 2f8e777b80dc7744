"""The panels of the Prepare page (`ui.views.prepare_view.PrepareView`): the meeting's details,
its invitees and its time-boxed agenda."""

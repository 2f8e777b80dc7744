"""Sending e-mail: the SMTP settings (a small file in the user's config folder, readable by
the app and the Qt-free command line alike), the password (the OS keyring, or an
environment variable for scheduled runs — never a file) and the SMTP conversation itself.

What goes out and when is decided by alignmeet.services.recaps; this package only knows
how to hand one message to a server and how to say, precisely, what went wrong.
"""

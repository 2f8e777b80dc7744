"""The PySide6 desktop app. Imports alignmeet; alignmeet never imports ui."""

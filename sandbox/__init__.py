"""The local exercise runners. Usable without any window; never imports the app."""

"""The Qt application. Talks to ``app`` only through its services."""

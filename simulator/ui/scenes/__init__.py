"""The game's scenes: start, settings, play, pause, debrief, history."""

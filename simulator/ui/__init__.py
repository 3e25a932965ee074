"""The pygame window: scenes on a stack, drawn with pygame-ce and pygame_gui, driving the pure core."""

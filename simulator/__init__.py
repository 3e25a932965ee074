"""Service Recovery Simulator: practise turning an upset customer into a loyal one.

The core (model, loader, engine, scoring, outcome, analyzer, results) is plain Python and never imports pygame.
"""
__version__ = "0.1.0"

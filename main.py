"""Service Recovery Simulator: `python main.py [--scenarios DIR] [--data-dir DIR] [--size WxH] [--no-voice]`."""
from __future__ import annotations

import argparse
import sys

NEEDS = ("The game window needs pygame-ce and pygame_gui.\n"
         "Install them with:  pip install 'pygame-ce==2.5.8' 'pygame_gui==0.6.14'\n"
         "(or: pip install -e '.[game]'). The terminal version works without them: python -m simulator play FILE")


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="main.py", description="Practise turning an upset customer into a loyal one.")
    p.add_argument("--scenarios", action="append", default=[], metavar="DIR",
                   help="a folder of extra scenarios (the trainer's); may be given more than once")
    p.add_argument("--data-dir", metavar="DIR", help="where settings and results are kept")
    p.add_argument("--size", default="1024x600", help="window size, WIDTHxHEIGHT (default 1024x600)")
    p.add_argument("--voice", choices=("auto", "espeak-ng", "pyttsx3", "none"), default="auto",
                   help="how the customer speaks (default: the first that works)")
    p.add_argument("--no-voice", dest="voice", action="store_const", const="none", help="same as --voice none")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        import pygame  # noqa: F401
        import pygame_gui  # noqa: F401
    except ImportError:
        print(NEEDS, file=sys.stderr)
        return 1
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        print(f"--size must look like 1024x600, not {args.size!r}", file=sys.stderr)
        return 2
    from simulator.ui.app import App
    from simulator.ui.scenes.start import StartScene

    app = App(data_dir=args.data_dir, scenario_dirs=args.scenarios, size=(width, height), speech=args.voice)
    app.push(StartScene(app))
    app.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())

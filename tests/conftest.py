import os
import tempfile

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
# The analyzer keeps parsed pattern files in the user cache: the tests keep theirs apart.
os.environ.setdefault("SIMULATOR_CACHE_DIR", tempfile.mkdtemp(prefix="simulator-test-cache-"))

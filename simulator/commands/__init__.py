"""One module per CLI command. Each has `NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`.

Exit status: 0 success, 1 a problem found in the input, 2 bad usage.
"""

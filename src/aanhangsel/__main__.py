"""`python -m aanhangsel` runs the command-line tool."""

from aanhangsel.cli import main

main()

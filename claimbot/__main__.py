"""`python -m claimbot` is the `claimbot` command."""

from claimbot.cli import entry

entry()

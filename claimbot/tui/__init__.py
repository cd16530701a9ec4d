"""The claimbot terminal app (Textual): a thin shell over `claimbot.engine.Engine`."""

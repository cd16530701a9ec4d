"""claimbot: who said what in the news. Articles become speaker-attributed claims you can search."""

__version__ = "0.1.0"

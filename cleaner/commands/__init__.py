"""The command line: one module per command; nothing imports this package.
"""

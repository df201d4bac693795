"""The bottom layer: records, errors, lines, decoding, language, dates, the time limit, the
declared stage list. Imports nothing else of cleaner.
"""

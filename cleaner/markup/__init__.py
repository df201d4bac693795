"""The HTML path: page parsing and DOM drops, DOM cards, page metadata, the trafilatura adapter
(the only module that imports trafilatura).
"""

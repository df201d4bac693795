"""The HTML path: page parsing and DOM drops, DOM cards, page metadata, the trafilatura adapter
(extract and its parts extract_choice, extract_rescue, extract_speed, extract_cleaning, with
markupmeta and byline for metadata: the only modules of the library that import trafilatura
or htmldate, and standin the one that replaces their internals).
"""

"""Reading results: explain (text and HTML) and benchmark evaluation.
"""

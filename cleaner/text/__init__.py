"""The line stages: zones, related lists, card shapes, line rules, recurrence.
"""

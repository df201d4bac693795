"""The per-record function (`analyze`, `clean_record`): runs the declared stages on one record; its
options.
"""

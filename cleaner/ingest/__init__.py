"""Where records come from: files, folders, JSONL, WARC, stdin, fetched URLs, sample folders.
"""

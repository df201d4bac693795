"""Rule files: the compiled model, the schema that validates them, the YAML reader, safe patterns,
where rule files live and the one rules loader.
"""

"""Maintainer tools: lint, rule tests, scaffolding a site, learning rules, the fuzz generator.
"""

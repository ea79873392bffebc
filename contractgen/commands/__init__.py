"""The commands of the command line, grouped by what they act on; contractgen/cli.py gathers them
under one group with one error boundary.
"""

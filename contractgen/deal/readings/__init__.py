"""What a deal says without a field for it: the readings of its words (sector, public bodies, personal and
special data, payment terms, support hours, process agents, the law it names) and the drafting notes they raise."""

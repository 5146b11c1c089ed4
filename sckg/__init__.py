"""sckg: the graph contract, the store gateway and the command line."""

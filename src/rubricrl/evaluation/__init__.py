"""rubricrl.evaluation (see DESIGN.md)."""

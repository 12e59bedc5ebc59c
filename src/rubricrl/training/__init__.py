"""rubricrl.training (see DESIGN.md)."""

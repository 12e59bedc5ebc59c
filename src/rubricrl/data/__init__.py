"""rubricrl.data (see DESIGN.md)."""

"""rubricrl.generation (see DESIGN.md)."""

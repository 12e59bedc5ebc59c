"""rubricrl.defense (see DESIGN.md)."""

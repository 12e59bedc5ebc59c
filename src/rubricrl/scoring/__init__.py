"""rubricrl.scoring (see DESIGN.md)."""

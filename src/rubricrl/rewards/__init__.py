"""rubricrl.rewards (see DESIGN.md)."""

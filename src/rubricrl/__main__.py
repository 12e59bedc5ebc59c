"""``python -m rubricrl`` runs the CLI."""

from rubricrl.cli import main

main()

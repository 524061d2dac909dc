"""The fact-checker's desk."""

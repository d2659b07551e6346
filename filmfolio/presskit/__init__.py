"""JSON-LD, exports and the PDF press kit."""

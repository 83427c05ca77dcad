"""PDF documents (reportlab). Pure functions from stored data to bytes; never imports Qt."""

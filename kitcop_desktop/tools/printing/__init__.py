"""The printing tool (Impression): pick parts, preview the pages, save or open the PDF."""

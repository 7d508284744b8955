"""Search: synonyms, the terms each organisation is found by, and the site search index."""

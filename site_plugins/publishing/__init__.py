"""What decides whether the site may be published: drafts, review status, proof prints and the report."""

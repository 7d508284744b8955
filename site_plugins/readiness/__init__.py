"""Whether the content is ready to publish: drafts left out, proof prints while `site_url` is a placeholder,
and the publication report of `torget check` (deploying the built site is `publish/`'s)."""

"""The web editor at /admin/ (Decap CMS): its config made from the models, and the files it needs."""

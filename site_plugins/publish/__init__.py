"""What a production web server needs from a build: pre-compressed files and the Content-Security-Policy."""

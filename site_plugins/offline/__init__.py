"""Works without a network: the offline copy (a service worker shared with the kiosk), the page shown for
what is not stored, and the web app manifest that lets a visitor add the site to the home screen."""

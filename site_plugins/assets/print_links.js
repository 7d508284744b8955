// Marks links to other sites so the print stylesheet can print their address after the link text.
// CSS alone cannot tell them apart: Material's instant navigation rewrites the site's own links
// to absolute URLs, so this runs on every page, instant or not.
window.torgetOnPage(() => {
  for (const link of document.querySelectorAll(".md-content a[href]")) {
    if (/^https?:$/.test(link.protocol) && link.origin !== location.origin) {
      link.dataset.printUrl = link.href;
    }
  }
});

"""The site in more than one language: which language an output is rendered in, and its message catalogue.

The model stays language-neutral; every output renders in the language `use_language` sets, and reads
its interface text through `gettext` (the catalogues in `site_plugins/locale/`, made with Babel).
"""

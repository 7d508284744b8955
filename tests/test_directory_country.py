"""What the whole-country directory shows in the built site: helplines, order of an organisation page,
umbrella sentences and filter data, the directory's count, and forwarding pages for former addresses."""

from __future__ import annotations

import html
import re

from conftest import REPO, Project, listed_organisation_files

from site_plugins.directory.helplines import helpline_entries
from site_plugins.directory.load import load_directory


def _text(page: str) -> str:
    article = re.search(r"<article.*?</article>|<div class=\"torget-directory\">.*?</form>", page, re.S).group(0)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article)))


def _in_order(page: str, *needles: str) -> bool:
    positions = [page.find(needle) for needle in needles]
    return -1 not in positions and positions == sorted(positions)


def test_helplines_page_lists_every_helpline_beside_the_emergency_numbers(bundled_site: Project):
    page = bundled_site.page("hjelpetelefoner")
    assert '<h1>Hjelpetelefoner</h1>' in page
    assert 'href="tel:113"' in page and 'href="tel:116117"' in page
    directory = load_directory(REPO / "organisations", REPO)
    entries = helpline_entries(directory)
    numbers = {line.phone for org in directory.organisations for line in org.helplines}
    assert len(entries) == len(numbers) >= 5  # one entry per number, however many organisations list it
    for entry in entries:
        assert "<h3 id=\"linje-" in page and f">{html.escape(entry.line.name)}</h3>" in page
        assert f'href="{entry.line.reach[0].href}"' in page
        for org in entry.organisations:
            assert f'href="../organisasjoner/{org.slug}/"' in page
    text = _text(page)
    assert "Hjelpetelefonen Ring 116 123" in text and "Åpen hele døgnet" in text
    # The advice line two organisations list is one entry naming both.
    assert re.search(r"Står oppført hos Landsforeningen for Pårørende innen Psykisk helse \(LPP\) og Pårørendesenteret PIO", text)
    assert _in_order(page, "Haster det?", "Åpne hele døgnet")


def test_helplines_are_reached_from_the_front_page_the_hours_page_and_the_menu(bundled_site: Project):
    front = bundled_site.page("")
    assert front[front.index("md-content__inner"):].count('href="hjelpetelefoner/"') == 2  # an entrance, and «when nobody is on duty»
    hours = bundled_site.page("apningstider")
    closed = hours[hours.index('id="stengt"'):]
    assert 'href="../hjelpetelefoner/"' in closed and 'href="tel:113"' in closed and 'href="tel:116117"' in closed
    assert '<a href="../hjelpetelefoner/" class="md-nav__link">' in bundled_site.page("organisasjoner")


def test_organisation_page_reads_what_it_is_then_how_to_reach_it_then_peer_support_then_chapters(bundled_site: Project):
    lpp = bundled_site.page("organisasjoner/landsforeningen-for-parorende-innen-psykisk-helse")
    assert _in_order(lpp, 'class="torget-lead"', 'class="torget-umbrella"', 'id="kontakt"', 'class="torget-helpline"',
                     'href="tel:+4722491922"', 'href="tel:+4721075433"', 'href="https://www.lpp.no"', 'id="grupper"', 'id="kilder"')
    assert "LPP er medlem av <a href=\"../funksjonshemmedes-fellesorganisasjon/\">Funksjonshemmedes Fellesorganisasjon (FFO)</a>." in lpp
    children = bundled_site.page("organisasjoner/barnekreftforeningen")
    assert _in_order(children, 'id="kontakt"', 'href="tel:+4791902099"', 'href="mailto:kontakt@barnekreftforeningen.no"',
                     'href="https://www.barnekreftforeningen.no"', 'id="likeperson"', 'id="lokallag"')
    # Contacts are big tel:/mailto: buttons; post and visits that differ get a label each.
    assert 'class="torget-reach__link torget-reach__link--phone" href="tel:+4791902099"' in children
    assert "<dt>Postadresse</dt><dd>Postboks 78 Sentrum, 0101 Oslo</dd>" in children
    assert "<dt>Besøksadresse</dt><dd>Tollbugata 35, 0157 Oslo</dd>" in children
    assert "<strong>Barnekreftforeningen fylkesforening Nordland</strong></li>" in children  # the region is in the name
    same = bundled_site.page("organisasjoner/autismeforeningen-i-norge")
    assert "<dt>Adresse</dt><dd>Wergelandsveien 1-3, 0167 Oslo</dd>" in same and "Besøksadresse" not in same


def test_two_umbrellas_make_one_sentence_with_the_names_spelled_out(bundled_site: Project):
    page = bundled_site.page("organisasjoner/norilco")
    paragraph = re.search(r'<p class="torget-umbrella">(.*?)</p>', page, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", paragraph)) == (
        "NORILCO er medlem av Funksjonshemmedes Fellesorganisasjon (FFO) og er en av pasientforeningene som "
        "samarbeider med Kreftforeningen.")
    assert '<a href="../kreftforeningen/">Kreftforeningen</a>' in paragraph


def test_directory_gives_its_count_its_gaps_and_an_umbrella_filter(bundled_site: Project):
    page = bundled_site.page("organisasjoner")
    count = len(listed_organisation_files(REPO / "organisations"))
    assert f"Oversikten har {count} pasient-, bruker- og pårørendeorganisasjoner fra hele landet" in page
    assert "Oversikten er ikke fullstendig." in page and 'href="mailto:lmsenter@nlsh.no"' in page
    assert "alle pasient- og brukerorganisasjonene" not in page.lower()
    options = re.findall(r'<option value="([a-z-]+)">([^<]+)</option>', page[page.index('id="torget-filter-umbrella"'):])
    assert options == [("ffo", "Medlem av FFO"), ("safo", "Medlem av SAFO"),
                       ("kreftforeningen-samarbeidspartner", "Samarbeider med Kreftforeningen"),
                       ("parorendealliansen", "Medlem av Pårørendealliansen")]
    safo = re.findall(r'data-umbrellas="[^"]*\bsafo\b[^"]*">\s*<a href="[^"]+">([^<]+)</a>', page)
    assert "Norges Handikapforbund (NHF)" in safo and len(safo) == 4


def test_former_addresses_forward_to_the_renamed_organisations(bundled_site: Project):
    for old, new in (("prolar", "prolar-nett"), ("norsk-nettverk-for-down-syndrom", "downs-syndrom-norge")):
        page = (bundled_site.site / "organisasjoner" / old / "index.html").read_text(encoding="utf-8")
        assert f'<meta http-equiv="refresh" content="0; url=../{new}/">' in page
        assert f'<link rel="canonical" href="https://torget.example.no/organisasjoner/{new}/">' in page
        assert f'<a href="../{new}/">' in page and '<meta name="robots" content="noindex">' in page
        assert (bundled_site.site / "organisasjoner" / new / "index.html").is_file()
    # Forwarding pages are not pages of the site: not in the sitemap or the search index.
    assert "organisasjoner/prolar/" not in (bundled_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert '"organisasjoner/prolar/' not in (bundled_site.site / "search" / "search_index.json").read_text(encoding="utf-8")

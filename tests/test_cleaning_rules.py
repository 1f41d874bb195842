"""The rules file: shipped rules are documented and general; user files extend them."""

import tomllib
from importlib import resources

import pytest

from exporter.cleaning import load_rules
from exporter.cleaning.rules import parse_rules
from exporter.errors import ConfigError

SHIPPED = tomllib.loads(resources.files("exporter.cleaning").joinpath("rules.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("kind", ["drop_line", "widget_line", "drop_phrase", "drop_selector", "metadata"])
def test_every_shipped_rule_says_why(kind):
    assert SHIPPED[kind], f"no {kind} rules shipped"
    for rule in SHIPPED[kind]:
        assert len(rule.get("why", "")) > 20, rule


@pytest.mark.parametrize("line", [
    "Get the latest updates as we post them — right on your browser",
    "Get the latest news delivered right to your browser",
    "Share this article",
    "Share on Facebook",
    "ADVERTISEMENT",
    "Advertisement",
    "Anzeige", "Publicidad", "— Publicité —", "PUBBLICITÀ", "Publicidade", "Contenido patrocinado",
    "Sign up for our daily newsletter to get the best stories in your inbox",
    "Subscribe now",
    "Read more",
    "You might also like",
    "More from Politics",
    "We use cookies to improve your experience on our site. By continuing you agree.",
    "© 2021 Example Media Group. All rights reserved.",
    "Skip to main content",
    "12 Comments",
    "Leave a comment",
    "Follow us on Instagram for more stories",
    "4 min read",
    "Continue reading the main story",
    "Your video will play in 00:12",
    "Log In Log Out",
    "These are external links and will open in a new window",
])
def test_furniture_lines_are_dropped(line):
    assert load_rules().is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The council will share the cost of the new bridge with the county, officials said on Tuesday.",
    "Subscribers to the service complained for weeks before the company responded.",
    "Read the full report, the minister said, before you judge the plan.",
    "Comments from the public will be accepted until March.",
    "Copyright law has not kept pace with the internet, critics argue.",
    "Home prices rose 4 percent in the second quarter.",
    "Print editions of the paper will end next year.",
    "A Long Road Home",
    "Werbung für Zigaretten ist in Deutschland weitgehend verboten.",
    "Anzeige gegen Unbekannt",
    "Like this:",  # a widget's heading only beside the widget's other lines (a [[widget_line]])
])
def test_prose_is_kept(line):
    assert not load_rules().is_boilerplate(line)


def test_user_rules_add_to_the_shipped_ones(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text("""
[[drop_line]]
why = "my site's footer"
pattern = '^brought to you by acme$'
""", encoding="utf-8")
    shipped = load_rules()
    rules = load_rules([extra])
    assert len(rules.drop_lines) == len(shipped.drop_lines) + 1
    assert rules.is_boilerplate("Brought to you by ACME")
    assert not shipped.is_boilerplate("Brought to you by ACME")
    assert rules.is_boilerplate("Share this article")  # shipped rules still apply


def test_a_widget_line_goes_only_beside_furniture_on_a_saved_page():
    from exporter.cleaning import clean, scorer_view
    from exporter.reading import decode_source

    prose = ("The council voted on Tuesday to extend the tram line to the northern suburbs, a plan that has "
             "divided residents for more than a decade, and the work starts in spring.")

    def paragraphs(middle: str) -> list[str]:
        page = (f"<html><body><article><h1>Trams to the north</h1><p>{prose}</p><p>{prose} Again.</p>{middle}"
                f"<p>{prose} Then.</p></article></body></html>")
        return scorer_view(clean(decode_source(page.encode(), kind="html")))["paragraphs"]

    assert "Like this:" in paragraphs("<p>The rule fits on one line.</p><p>Like this:</p><p>rule = 1</p>")
    assert "Like this:" not in paragraphs("<p>Share this:</p><p>Like this:</p><p>Like Loading...</p>")


@pytest.mark.parametrize("text, fragment", [
    ("[[drop_line]\npattern = 'x'", "not valid TOML"),
    ("[[drop_line]]\npattern = '(unclosed'", "bad pattern"),
    ("[[drop_line]]\nwhy = 'no pattern'", "needs a non-empty string 'pattern'"),
    ("[[drop_selector]]\nselector = 'div[['", "bad CSS selector"),
    ("[[metadata]]\nkind = 'date'\npattern = '^posted (.*)$'", "(?P<value>"),
    ("[[metadata]]\nkind = 'colour'\npattern = '(?P<value>x)'", "kind must be one of"),
    ("[[keep_line]]\npattern = 'x'", "unknown rule kind"),
    ("[[metadata]]\nkind = 'author'\nlabelled = true\npattern = '^by (?P<value>.*)$'", "on a date rule only"),
    ("[[metadata]]\nkind = 'date'\nlabelled = 'yes'\npattern = '^on (?P<value>.*)$'", "labelled must be"),
])
def test_bad_rules_files_raise_config_error(text, fragment):
    with pytest.raises(ConfigError) as info:
        parse_rules(text, origin="mine.toml")
    assert fragment in str(info.value)
    assert "mine.toml" in str(info.value)


def test_missing_rules_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot read rules file"):
        load_rules([tmp_path / "absent.toml"])


def test_shipped_rules_are_valid_including_their_selectors():
    # load_rules skips the CSS check for the shipped file (a text scrape needs no lxml); it is done here.
    from importlib import resources

    shipped = resources.files("exporter.cleaning").joinpath("rules.toml").read_text(encoding="utf-8")
    rules = parse_rules(shipped, origin="rules.toml", check_selectors=True)
    assert rules.drop_selectors and rules.drop_lines and rules.metadata


def test_shipped_bio_patterns_are_valid():
    # load_rules does not compile the shipped bio patterns only to check them (lexicon
    # compiles them when the bio stage runs); a bad one must fail here, as a ConfigError.
    from importlib import resources

    shipped = resources.files("exporter.cleaning").joinpath("bio_rules.toml").read_text(encoding="utf-8")
    rules = parse_rules(shipped, origin="bio_rules.toml", check_bio_patterns=True)
    assert len(rules.bio) > 40
    with pytest.raises(ConfigError, match="bad pattern in \\[\\[bio\\]\\]"):
        parse_rules(shipped + '\n[[bio]]\nkind = "role"\npattern = "(unclosed"\n', origin="x.toml")

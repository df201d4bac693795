"""Cards with no source or time line: a headline and its teaser, over and over.

Category and archive pages of autoblogs, app listings and summary sites print each story
as a headline line and one paragraph of teaser, with at most a caption, a label or an
outlet line between two stories ("Category: UK News", "neutralWorld Affairs", "4don
MSN"). Nothing marks a line as a card's, so the shape stage (`cards`) finds no
anchor. An article's subheads and paragraphs alternate the same way; what differs is
what the lines say:

- a card's headline restates its teaser: most of the headline's content words come back
  in the paragraph under it (`MIN_SHARED_STEMS`, `MIN_HEADLINE_SHARE`), while a subhead
  is a pun or a label ("The heat breaks at last", "What a hedge needs") whose words the
  paragraph seldom repeats;
- a roundup (a press review) prints the same pairs under a headline that names two of
  its items or more; a listing's heading is a section label;
- the pairs follow each other with nothing but short lines between them, and a listing
  has no prose outside them: an article keeps its lead and paragraphs around any such
  run, so a page with a paragraph outside the run is left to the other stages.

A second shape closes articles: after the last paragraph, two or more headlines alone on
their lines, about something else than the story (`mark_tail_headlines`). Words are
compared by their first `STEM_CHARS` letters ("offer"/"offering", "driver"/"drivers").
Holdout pages of autoblog, upday, MSN and summary sites set the numbers (samples 200-229).
"""

from __future__ import annotations

import re

from cleaner.core.letters import ascii_words, letter_runs, lower_runs
from cleaner.core.lines import Line, is_paragraph, nearest_filled
from cleaner.core.records import Related
from cleaner.text.label_lines import is_counted
from cleaner.text.linerules import STATEMENT_END

__all__ = ["pair_cards", "pairs_of", "stems", "headline", "teaser", "mark_tail_headlines",
           "TAIL_HEADLINES", "WIDGET"]

TAIL_HEADLINES = "generic-tail-headlines"
STEM_CHARS = 5
MIN_WORD_CHARS = 4
MIN_PAIRS = 2
MIN_HEADLINE_WORDS = 4
MAX_HEADLINE_WORDS = 30
MAX_HEADLINE_CHARS = 220
MIN_TEASER_CHARS = 80
MIN_TEASER_WORDS = 12
MIN_SHARED_STEMS = 2
MIN_HEADLINE_SHARE = 0.3  # of the headline's stems found in its teaser
MAX_BETWEEN = 3  # lines between two cards: a caption, a label, an outlet line
SHORT_WORDS = 8  # a label or outlet line between a headline and its teaser
MIN_TAIL_WORDS = 5
MAX_TAIL_WORDS = 18  # a gallery's caption under the story runs longer (sample 087)
MIN_TITLE_CASE_WORDS = 8
MAX_TAIL_SHARE = 0.5  # a closing headline shares less than this with the story
MIN_CUT_CHARS, MIN_CUT_WORDS = 150, 25  # an excerpt cut short; a headline is shorter
MAX_LINK_WORDS = 3  # "Read more", "See also"
MAX_HEADING_WORDS = 4  # a box's heading ("More for you") and an outlet line between items

_END = re.compile(r"[.:;,]$")
# What kind of card a headline is, printed before it: "Related video: ", "Watch: ".
_CARD_KIND = re.compile(r"^(?:Related|Recommended|Watch|Video|Listen|Podcast|Gallery)"
                        r"(?: (?:video|videos|story|stories|article|content|coverage))?: ")
_BRACKETED_OUTLET = re.compile(r" \((?P<source>[A-Z][\w&.’' -]{1,40})\)$")
MIN_CARD_TITLE_CHARS = 12
_RANK = re.compile(r"^\d{1,2}(?:\.\)|[.)]) ")  # "1. ", "2) ": a ranked box's counter
_ROW_LABEL = re.compile(r"^\S+(?: \S+)?: ")  # a fact box's row: "Tulsa: Central Library"
_GLUED_LABEL = re.compile(r"^(?P<label>(?:\w+ )?[a-z]{3,})(?P<title>[A-Z][a-z'’]*\b.*)$")
# An outlet's name under a card's headline: one to four words, no digit, no colon.
_OUTLET = re.compile(r"^[A-Z][^\s\d:]*(?: [^\s\d:]+){0,3}$")
_LOWER_WORD = re.compile(r"(?:^|\s)[a-z]")
# A question with its answer buttons ("Was this article helpful? Yes No") or a promo with
# its call ("Get X on your phone: download the app") is a widget, not a headline.
WIDGET = re.compile(r"(?i)[?!] \S|\b(?:download|install|subscribe|sign up|follow)\b")


def stems(text: str) -> set[str]:
    """Content words cut to their first `STEM_CHARS` letters."""
    if ascii_words(text):  # then cutting and lower-casing commute: one lower() for all
        return {w[:STEM_CHARS] for w in lower_runs(text, MIN_WORD_CHARS)}
    return {w[:STEM_CHARS].lower() for w in letter_runs(text, MIN_WORD_CHARS)}


def headline(text: str) -> bool:
    """A headline's shape: 4 to 30 words, no end punctuation, no bullet, no sentence."""
    if len(text) > MAX_HEADLINE_CHARS:  # before counting words: most long lines end here
        return False
    words = len(text.split())
    return (MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS and _END.search(text) is None
            and not text.startswith(("*", "•", "·", "-")) and not is_paragraph(text))


def teaser(text: str) -> bool:
    """A teaser's shape: a long line of 12 words or more."""
    return len(text) >= MIN_TEASER_CHARS and len(text.split()) >= MIN_TEASER_WORDS


def _restates(headline: str, teaser: str) -> bool:
    """Most of the headline's content words come back in the teaser."""
    head = stems(headline)
    if not head:
        return False
    if ascii_words(teaser):
        # a bound first: each stem of such a teaser is a piece of its lower-cased text, so
        # a stem found nowhere in that text is shared by no word (most lines over a
        # paragraph are no headline of it); exact, only the teaser's words are not cut
        low = teaser.lower()
        bound = sum(1 for stem in head if stem in low)
        if bound < MIN_SHARED_STEMS or bound / len(head) < MIN_HEADLINE_SHARE:
            return False
    shared = len(head & stems(teaser))
    return shared >= MIN_SHARED_STEMS and shared / len(head) >= MIN_HEADLINE_SHARE


def pairs_of(texts: list[str]) -> list[tuple[int, int]]:
    """Each headline's index with its restating teaser's (next line, or one after a label)."""
    out: list[tuple[int, int]] = []
    last = -1
    n = len(texts)
    for i, text in enumerate(texts):
        # a teaser is at least MIN_TEASER_CHARS long: without such a line in the next two
        # there is no pair, whatever the line is (tested before the headline's shape)
        if i <= last or not ((i + 1 < n and len(texts[i + 1]) >= MIN_TEASER_CHARS)
                             or (i + 2 < n and len(texts[i + 2]) >= MIN_TEASER_CHARS)):
            continue
        if not headline(text):
            continue
        for j in (i + 1, i + 2):
            if j >= len(texts) or (j == i + 2 and len(texts[i + 1].split()) > SHORT_WORDS
                                   and not _dek(texts[i + 1], texts[j])):
                break
            if teaser(texts[j]) and _restates(text, texts[j]):
                out.append((i, j))
                last = j
                break
    return out


def _dek(line: str, teaser_line: str) -> bool:
    """A longer line between a headline and its teaser that is the headline's dek
    ("Residents will have until 2027 to switch", a tag page's cards, sample 586): headline
    shaped, and not restating the teaser (a line that does is the card's own headline,
    a caption stands over it)."""
    return headline(line) and not _restates(line, teaser_line)


def pair_cards(texts: list[str]) -> tuple[list[Related], list[int]] | None:
    """The page's headline-and-teaser cards and the lines they take, when the page is made
    of them (see the module docstring), else None.

    >>> pair_cards(["Council approves new library for the east side",
    ...     "The city council approved a new library for the east side on Monday, "
    ...     "after years of campaigning.",
    ...     "Ferry fares to rise for island commuters in spring",
    ...     "Island commuters will pay more for ferry fares from the spring, the operator "
    ...     "said on Tuesday."])[1]
    [0, 1, 2, 3]
    """
    pairs = pairs_of(texts)
    if len(pairs) < MIN_PAIRS:
        return None
    run = [pairs[0]]
    for pair in pairs[1:]:
        start = run[-1][1] + 1
        gap = texts[start:pair[0]]
        if len(gap) == 2 and headline(gap[0]) and teaser(gap[1]) and not _prose(gap[1]):
            # a card between two cards, its teaser cut short: the run proves its shape
            # where its words do not ("Shipping firms reroute vessels" over "container
            # lines said they would send more ships ...")
            run.append((start, start + 1))
        elif len(gap) > MAX_BETWEEN or any(_prose(t) for t in gap):
            return None  # prose between two cards: an article's subheads
        run.append(pair)
    last = run[-1][1] + 1
    if _cut_card(texts[last:]):  # the last card, its teaser cut shorter than the rest
        run.append((last, last + 1))
    if len({" ".join(texts[i].lower().split()) for i, _ in run}) < len(run):
        return None  # one headline twice: a story printing its title again, not a list
    lo, hi = run[0][0], run[-1][1]
    if any(_prose(t) for t in texts[:lo] + texts[hi + 1:]):
        return None  # a lead or story around the run: the other stages decide
    if any(_covers(t, texts, run) for t in texts[:lo]):
        return None  # a roundup's headline over its items ("Wales' papers: X and Y")
    items = [Related(texts[i], teaser=texts[j]) for i, j in run]
    return items, list(range(lo, hi + 1))


def _cut_card(rest: list[str]) -> bool:
    """The page ends with one more headline and a teaser cut short (ellipsis) that
    restates it: the run's last card, its teaser shorter than `MIN_TEASER_CHARS`
    ("Hundreds of traders at the Mile 1 market ... protested…", sample 591)."""
    return (len(rest) == 2 and headline(rest[0]) and rest[1].endswith(("…", "..."))
            and len(rest[1].split()) >= MIN_TEASER_WORDS and _restates(rest[0], rest[1]))


def _prose(text: str) -> bool:
    """A story's paragraph; a teaser cut short ("... some are paying bonuses of ...") is
    another card's, printed without its headline."""
    return is_paragraph(text) and not text.endswith(("...", "…"))


def _covers(line: str, texts: list[str], run: list[tuple[int, int]]) -> bool:
    """A headline above the run that speaks of two of its stories or more: the page is a
    roundup article (a press review), its items the story's sections."""
    if not headline(line):
        return False
    own = stems(line)
    return sum(1 for i, j in run if own & stems(texts[i] + " " + texts[j])) >= MIN_PAIRS


def _sentence_case(text: str) -> bool:
    """A headline in sentence case, or a long one in title case ("Town Votes to Keep Its
    One-Lane Covered Bridge", a Yahoo blog's recommended list, sample 432): a short line
    in title case is a menu item or a name ("Terms of Service", "Weather Desk")."""
    return (len(_LOWER_WORD.findall(text)) >= 2
            or len(text.split()) >= MIN_TITLE_CASE_WORDS)


def _story_line(order: list[Line], k: int) -> bool:
    """A tail line that ends as a sentence ("The unit will treat 4,000 patients a year.
    (Sky News)") or has one right under it is the story's: a short last item and its
    subhead, or the last row of a fact box over a closing sentence. A related headline
    stands over another headline, chrome or the end of the page."""
    return STATEMENT_END.search(order[k].text) is not None or (
        k + 1 < len(order) and STATEMENT_END.search(order[k + 1].text) is not None)


def _under_link(lines: list[Line], ln: Line) -> bool:
    """The page's last line, a headline on another topic, right under a link label a rule
    removed ("Read more" over "Council tenants in Bradford to get new smoke alarms", inkl,
    sample 551): one related link, as a box of two would be."""
    above = nearest_filled(lines, ln.index, -1)
    return (above is not None and above.fate == "noise"
            and above.category in ("promo", "related")
            and len(above.text.split()) <= MAX_LINK_WORDS)


def _outlet_cards(order: list[Line], heads: list[Line]) -> bool:
    """Headlines under a heading of their own, each over its outlet's name ("Mehr für Sie",
    headline, "NDR", headline, "Kieler Nachrichten": MSN's German edition, sample 535): a
    language that capitalises its nouns prints few lower-case words in a short headline,
    so the card's frame vouches for it instead of its case."""
    if len(heads) < MIN_PAIRS or not _headed_run(order, heads, rows_ok=True):
        return False
    at = {id(ln): k for k, ln in enumerate(order)}
    for h in heads:  # a fact box's rows ("Kiel: 12 trains") are no outlets over headlines
        k = at[id(h)]
        if k + 1 >= len(order) or not _OUTLET.match(order[k + 1].text):
            return False
    return True


def _cut_paragraph(text: str) -> bool:
    """A story's paragraph cut short by the copy ("... being built at a yard …", an
    autoblog's excerpt, sample 463): a long line that ends in an ellipsis."""
    return (text.endswith(("…", "...")) and len(text) >= MIN_CUT_CHARS
            and len(text.split()) >= MIN_CUT_WORDS)


def _headed_run(order: list[Line], heads: list[Line], rows_ok: bool = False) -> bool:
    """The tail's headlines stand together under a heading of their own: a label of one to
    `MAX_HEADING_WORDS` words with no end punctuation right over the first of them, and
    between two of them nothing but short lines (an outlet name: "KOCO", "The Weather
    Channel"). A related box on the topic of the story ("More for you" on MSN, samples 483
    and 510) repeats the story's words, so the share test alone keeps it in; one of its
    headlines about something else and the heading over the run tell it from a list the
    story closes with, whose items all restate the story. Rows that open with a label of
    one or two words and a colon are a fact box's, under the story's own subhead."""
    if not rows_ok and any(_ROW_LABEL.match(h.text) for h in heads):
        return False  # "Somerset: 417 for six": the rows of the story's fact box (428)
    at = {id(ln): k for k, ln in enumerate(order)}
    first = at[id(heads[0])]
    if first == 0:
        return False
    label = order[first - 1].text
    if not 1 <= len(label.split()) <= MAX_HEADING_WORDS or _END.search(label) or label in (
            h.text for h in heads):
        return False
    spans = zip((at[id(h)] for h in heads), (at[id(h)] for h in heads[1:]))
    return all(len(order[j].text.split()) <= MAX_HEADING_WORDS
               for a, b in spans for j in range(a + 1, b))


def mark_tail_headlines(lines: list[Line]) -> list[Related]:
    """Headlines alone on their lines after the story's last paragraph, about something
    else, are related links: decide them so and return them."""
    live = [ln for ln in lines if ln.open]
    tail: list[Line] = []
    for ln in reversed(live):
        if is_paragraph(ln.text) or _cut_paragraph(ln.text):
            break
        tail.append(ln)
    if len(tail) == len(live):
        return []  # no story paragraph above: not an article's tail
    order = list(reversed(tail))
    shaped = [ln for k, ln in enumerate(order)
              if MIN_TAIL_WORDS <= len(ln.text.split()) <= MAX_TAIL_WORDS
              and ln.text[:1].isalnum() and headline(ln.text)
              and WIDGET.search(ln.text) is None and not _story_line(order, k)]
    heads = [ln for ln in shaped if _sentence_case(ln.text)]
    cased = [ln for ln in shaped if _LOWER_WORD.search(ln.text)]
    if len(heads) < MIN_PAIRS and _outlet_cards(order, cased):
        heads = cased
    if not heads or (len(heads) < MIN_PAIRS and heads != live[-1:]):
        return []
    story: set[str] = set()
    for ln in live[:len(live) - len(tail)]:
        story |= stems(ln.text)
    found = []
    for ln in heads:
        own = stems(ln.text)
        if own and len(own & story) / len(own) < MAX_TAIL_SHARE:
            found.append(ln)
    if found and len(found) < MIN_PAIRS and _headed_run(order, heads):
        found = heads  # a labelled box about the story's topic: its items share words
    if not (len(found) >= MIN_PAIRS or (found == heads == live[-1:] and _under_link(lines,
                                                                                   found[0]))):
        return []
    for ln in found:
        ln.decide("related", "related", TAIL_HEADLINES)
    return [_card(title) for title in _uncounted(_unlabelled([ln.text for ln in found]))]


def _uncounted(titles: list[str]) -> list[str]:
    """The headlines without their ranks when every one is numbered 1, 2, 3 in a row (a
    "Most Read" box: "1. Wankhede to host women's T20 final", sample 588): the rank is
    the box's, not the headline's."""
    if not is_counted(titles) or not all(_RANK.match(t) for t in titles):
        return titles
    return [_RANK.sub("", t, count=1) for t in titles]


def _card(text: str) -> Related:
    """A closing headline as its card: a box's kind printed before it ("Related video:",
    "Watch:") is no part of the headline, and an outlet in brackets after it is its source
    ("... day four (Sky Sports)", MSN, sample 557), as `generic-also-read` reads them."""
    m = _CARD_KIND.match(text)
    title = text[m.end():] if m and len(text) - m.end() >= MIN_CARD_TITLE_CHARS else text
    outlet = _BRACKETED_OUTLET.search(title)
    if outlet is None:
        return Related(title, None, None)
    return Related(title[:outlet.start()], outlet["source"], None)


def _unlabelled(titles: list[str]) -> list[str]:
    """The headlines without the label glued to each when two or more carry one ending on
    the same word ("Previous articleTwo provinces ...", "Next articlePeso closes ...": a
    WordPress theme's post navigation, sample 470). One headline with a capital inside a
    word ("Microsoft buys LinkedIn ...") is a name, not a label."""
    glued = [_GLUED_LABEL.match(t) for t in titles]
    ends = [m["label"].split()[-1] for m in glued if m]
    if len(ends) < MIN_PAIRS or len(set(ends)) > 1:
        return titles
    return [m["title"] if m else t for m, t in zip(glued, titles)]

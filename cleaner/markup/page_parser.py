"""The page parsed as trafilatura's own loader parses it, with the element classes chosen in C.

Why this is its own module: lxml.html's parser picks each element's Python class
(HtmlElement, or FormElement, InputElement ... by tag) with a lookup written in Python
(lxml.html.HtmlElementClassLookup.lookup), called every time lxml hands an element to Python:
on cleaner's HTML path about 3,800 calls a page (every iteration, XPath result and
trafilatura's own walks over cleaner's tree and its copies). The same classes are picked
here by lxml's namespace-class lookup, in C: same tree, same classes, same extraction.

trafilatura alone (the benchmark's baseline) keeps trafilatura's parser and its lookup; only
the trees cleaner parses for itself use this one (a copy of a tree keeps its parser).
tests/markup/test_page_parser.py holds the loader to trafilatura's load_html.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlElementClassLookup,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    fromstring,
)
from trafilatura.utils import (
    DOCTYPE_TAG,
    FAULTY_HTML,
    INVALID_XML_CHARS,
    is_dubious_html,
    repair_faulty_html,
)

# trafilatura's repair_faulty_html (pinned 2.3.1) first deletes the characters XML forbids
# with a character class run over the whole page (0.5 ms on a 130 kB page), and none of the
# 892 benchmark pages holds one. Whether a page does is read faster from its UTF-8 bytes
# (a C byte search per forbidden control character: they are never part of a longer UTF-8
# sequence) and a search of the str for the two forbidden non-characters: 0.13 ms.
_FORBIDDEN_BYTES = tuple(bytes([c]) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
# Only while trafilatura's class is the one this module was written against.
MATCHES_TRAFILATURA = INVALID_XML_CHARS.pattern == r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"


def _class_lookup() -> etree.ElementNamespaceClassLookup:
    """HtmlElementClassLookup's choices without its Python call: the special tags' classes
    registered by name (the HTML parser lowercases every tag name, which HtmlElementClassLookup
    does itself), HtmlElement and the HtmlComment family for everything else."""
    lookup = etree.ElementNamespaceClassLookup(etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction,
        entity=HtmlEntity))
    lookup.get_namespace(None).update(HtmlElementClassLookup._default_element_classes)
    return lookup


# trafilatura.utils.HTML_PARSER's options (pinned 2.3.1), with the lookup above.
PAGE_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                         remove_comments=True, remove_pis=True)
PAGE_PARSER.set_element_class_lookup(_class_lookup())


def _from_bytes(html: str, utf8: bytes | None = None) -> HtmlElement | None:
    try:
        data = html.encode("utf8", "surrogatepass") if utf8 is None else utf8
        return fromstring(data, parser=PAGE_PARSER)
    except Exception:  # noqa: BLE001 - as trafilatura: an unparsable page is no tree
        return None


def _utf8_of(repaired: str, html: str, utf8: bytes) -> bytes | None:
    """The UTF-8 bytes of `repaired` from those of `html` (utf8): the same when the repairs
    changed nothing, else when they changed the first line only (trafilatura rewrites it
    whenever the page opens with a doctype); None otherwise."""
    if repaired == html:
        return utf8
    head, newline, rest = repaired.partition("\n")
    cut = utf8.find(b"\n")
    if newline and cut >= 0 and html.find("\n") + 1 + len(rest) == len(html) and \
            html.endswith(rest):
        return head.encode("utf-8") + utf8[cut:]
    return None


def has_forbidden_chars(html: str, utf8: bytes | None = None) -> bool:
    """Whether INVALID_XML_CHARS finds a character in html (`utf8`: its UTF-8 bytes)."""
    if "\ufffe" in html or "\uffff" in html:
        return True
    data = html.encode("utf-8", "surrogatepass") if utf8 is None else utf8
    return any(c in data for c in _FORBIDDEN_BYTES)


def repair_faulty(html: str, beginning: str, utf8: bytes | None = None) -> str:
    """trafilatura.utils.repair_faulty_html(html, beginning), the same string: its steps,
    the deletion of forbidden characters left out when there is none to delete (then it
    returns html itself)."""
    if not MATCHES_TRAFILATURA or has_forbidden_chars(html, utf8):
        return repair_faulty_html(html, beginning)
    if "doctype" in beginning:
        firstline, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", firstline, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    return html


def load_page(html: str, utf8: bytes | None = None) -> HtmlElement | None:
    """trafilatura.utils.load_html (pinned 2.3.1) on a decoded page, with PAGE_PARSER: the
    same repairs, the same byte-string retry and the same rejection of what is not HTML.

    `utf8`, when given, is html's UTF-8 bytes, which the parser reads instead: the tree is
    the same (libxml2 reads a str as UTF-8 only when it is all ASCII, and converts the
    others from Latin-1, UCS-2 or UCS-4 first; on the 892 benchmark pages the bytes are
    read in 1.35 ms against 1.58 for the str), and trafilatura reads the bytes itself when
    the str is refused. cleaner has them from its decoding checks on every page that is
    not all ASCII."""
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    repaired = repair_faulty(html, beginning, utf8)
    data = _utf8_of(repaired, html, utf8) if utf8 is not None else None
    if data is not None:
        tree = _from_bytes(repaired, data)
        return None if tree is None or dubious and len(tree) < 2 else tree
    html = repaired
    tree, retried = None, False
    try:
        tree = fromstring(html, parser=PAGE_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, retried = _from_bytes(html), True
    except Exception:  # noqa: BLE001, S110 - as trafilatura: retried as bytes below
        pass
    if (tree is None or len(tree) < 1) and not retried:
        tree = _from_bytes(html)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree

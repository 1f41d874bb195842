"""<pre> and block <code> as the page wrote them (part of the element → blocks walk)."""

from __future__ import annotations

# Containers in which a lone <code> is a block of code (trafilatura writes <pre> as <code>).
_CODE_CONTAINERS = {"body", "div", "section", "article", "main", "doc", "li", "item", "quote", "blockquote"}
_BREAK = {"br", "lb"}
# Neighbours that end a line: a <code> between them, with no text beside it, stands alone.
_LINE_ENDS = {"p", "div", "section", "article", "pre", "code", "head", "h1", "h2", "h3", "h4", "h5", "h6",
              "ul", "ol", "list", "table", "quote", "blockquote", "figure", "graphic", "hr", "br", "lb"}
# Not text of the code (the sanitiser has removed these already; defence in depth).
_SKIP = {"script", "style", "noscript", "template"}


def _tag(element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def is_code_block(element) -> bool:
    """<code> that stands for a block: several lines, or alone on its line in its
    container (trafilatura writes <pre> as <code>, often <code><code>…</code></code>;
    a one-line command of a tutorial comes out as that between two paragraphs)."""
    text = "".join(element.itertext())
    if "\n" in text.strip("\n"):
        return True
    parent = element.getparent()
    if parent is None or _tag(parent) not in _CODE_CONTAINERS:
        return False
    previous = element.getprevious()
    before = (previous.tail if previous is not None else parent.text) or ""
    if before.strip() or (element.tail or "").strip():
        return False
    following = element.getnext()
    return all(side is None or _tag(side) in _LINE_ENDS for side in (previous, following))


def preformatted_text(element) -> str:
    """The text of a <pre>/<code> block as written: line breaks and spaces kept,
    <br> as a new line, the newline right after <pre> and trailing blank lines dropped."""
    parts: list[str] = []

    def walk(node) -> None:
        if _tag(node) in _BREAK:
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            if _tag(child) not in _SKIP:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    text = "".join(parts).replace("\r\n", "\n").replace("\t", "    ")
    return text.removeprefix("\n").rstrip()

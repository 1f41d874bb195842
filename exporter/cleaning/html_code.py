"""<pre> and block <code> as the page wrote them (part of the element → blocks walk)."""

from __future__ import annotations

# Containers in which a lone <code> is a block of code (trafilatura writes <pre> as <code>).
_CODE_CONTAINERS = {"body", "div", "section", "article", "main", "doc", "li", "item", "quote", "blockquote"}
_BREAK = {"br", "lb"}
# Not text of the code (the sanitiser has removed these already; defence in depth).
_SKIP = {"script", "style", "noscript", "template"}


def _tag(element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def is_code_block(element) -> bool:
    """<code> that stands for a block: several lines, or alone in its container
    (trafilatura writes <pre> as <code>, often <code><code>…</code></code>)."""
    text = "".join(element.itertext())
    if "\n" in text.strip("\n"):
        return True
    parent = element.getparent()
    if parent is None or _tag(parent) not in _CODE_CONTAINERS:
        return False
    previous = element.getprevious()
    before = (previous.tail if previous is not None else parent.text) or ""
    return not before.strip() and not (element.tail or "").strip() and len(parent) == 1


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

"""How the integrity check finds relationship references in a part's bytes (``_references``).

The whole check, on damaged and on generated packages, is tested in tests/redline/test_integrity.py;
here the scan itself: every prefix bound to the relationships namespace, VML's ``o:relid``, the
blanks XML allows around an attribute, and text that only looks like an attribute.
"""

from __future__ import annotations

import pytest

from pipeline.ooxml.integrity import O_NS, R_NS, _references

HEAD = f'<w:document xmlns:w="w" xmlns:r="{R_NS}" xmlns:rel="{R_NS}" xmlns:ar="a" xmlns:o="{O_NS}"'


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<a:blip r:embed="rId5"/>', [("r:embed", "rId5")]),
        ('<w:hyperlink\tr:id = "rId7"/>', [("r:id", "rId7")]),
        ('<v:imagedata\nr:id="rId2" o:relid="rId3"/>', [("r:id", "rId2"), ("o:relid", "rId3")]),
        ('<x rel:link="rId9"/><y r:dm="rId1"/>', [("rel:link", "rId9"), ("r:dm", "rId1")]),
        ('<x r:id=""/>', []),  # an empty reference names nothing to check
        ('<w:t>r:id=&quot;rId1&quot; 与 xr:id="rId2"</w:t>', []),  # text, no blank before the prefix
        ('<x ar:id="rId4"/>', []),  # another namespace's prefix ending in r
        ('<x o:spid="_x0000_s1" o:relid="rId8"/>', [("o:relid", "rId8")]),
    ],
)
def test_references_are_found_in_document_order(body: str, expected: list[tuple[str, str]]) -> None:
    data = f"{HEAD}><w:body>{body}</w:body></w:document>".encode()
    assert _references(data) == expected


def test_a_part_without_the_namespaces_has_no_references() -> None:
    assert _references(b'<w:document xmlns:w="w"><x r:id="rId1"/></w:document>') == []

"""Package integrity (``pipeline.ooxml.integrity``) and the redline's output as an intact package.

Every redline the engine writes is checked by ``redline_bytes`` itself (a broken package raises
``BrokenPackageError``), so every redline of the whole suite passes the check; the tests here make
sure the check catches each kind of damage and run it over generated whole documents.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from helpers import assert_stories_round_trip, part, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from richdocs import DOC, Rich, build, edited

from pipeline.ooxml.integrity import BrokenPackageError, assert_intact, problems
from pipeline.word.package import read_package_bytes

BASE = Rich(
    [("p", "甲段落。"), ("pic", "red"), ("art", "图示"), ("fn", "带脚注", "脚注")], ["页眉"], ["页脚"]
)


def _parts(doc: Rich = BASE) -> dict[str, bytes]:
    return read_package_bytes(build(doc))


def _replace(parts: dict[str, bytes], name: str, old: bytes, new: bytes) -> dict[str, bytes]:
    assert old in parts[name]
    return {**parts, name: parts[name].replace(old, new, 1)}


def _without(parts: dict[str, bytes], name: str) -> dict[str, bytes]:
    return {n: d for n, d in parts.items() if n != name}


DAMAGE = {
    "relationship to a missing part": (lambda p: _without(p, "word/media/red.png"), "not in the package"),
    "r:embed naming no relationship": (
        lambda p: _replace(p, "word/document.xml", b'r:embed="rId', b'r:embed="rIdX'),
        "names no relationship",
    ),
    "SmartArt drawing's own picture": (
        lambda p: _without(p, "word/diagrams/_rels/drawing1.xml.rels"),
        'r:embed="rId1" names no relationship',
    ),
    "dataModelExt relId": (
        lambda p: _replace(p, "word/diagrams/data1.xml", b'relId="rId', b'relId="rIdZ'),
        "dataModelExt",
    ),
    "part without a content type": (lambda p: {**p, "word/extra.bin": b"\0"}, "no content type"),
    "override of a missing part": (
        lambda p: _without(_without(p, "word/footer1.xml"), "word/_rels/footer1.xml.rels"),
        "override for a missing part",
    ),
    "colliding part names": (lambda p: {**p, "word/Media/red.png": p["word/media/red.png"]}, "collides"),
    "relationships of a missing part": (
        lambda p: {**p, "word/_rels/ghost.xml.rels": p["word/_rels/document.xml.rels"]},
        "of a missing part",
    ),
    "duplicate relationship id": (
        lambda p: _replace(p, "word/_rels/document.xml.rels", b'Id="rId12"', b'Id="rId11"'),
        "used twice",
    ),
}


def test_generated_documents_are_intact() -> None:
    assert problems(_parts()) == []


@pytest.mark.parametrize("name", list(DAMAGE))
def test_each_kind_of_damage_is_found(name: str) -> None:
    damage, message = DAMAGE[name]
    found = problems(damage(_parts()))
    assert any(message in line for line in found), found
    with pytest.raises(BrokenPackageError):
        assert_intact(damage(_parts()))


def test_text_that_looks_like_a_reference_is_not_one() -> None:
    parts = _replace(_parts(), "word/document.xml", "甲段落。".encode(), b' r:id="rId999" ')
    assert problems(parts) == []


def test_damage_the_input_already_had_is_not_ours() -> None:
    damaged = DAMAGE["r:embed naming no relationship"][0](_parts())
    assert_intact(damaged, damaged)
    with pytest.raises(BrokenPackageError):
        assert_intact(damaged, _parts())


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "old_body, new_body",
    [
        ([("p", "前文。"), ("art", "旧图示"), ("p", "后文。")], [("p", "前文。"), ("p", "后文。")]),
        ([("p", "前文。"), ("art", "图示")], [("p", "前文。"), ("art", "新图示")]),
        ([("pic", "red"), ("p", "后文。")], [("pic", "blue"), ("p", "后文。")]),
        ([("fn", "正文", "旧脚注"), ("art", "图示")], [("p", "正文")]),
    ],
)
def test_deleted_diagrams_and_pictures_come_with_their_relationships(old_body: list, new_body: list) -> None:
    old, new = build(Rich(old_body)), build(Rich(new_body, rid_base=30))
    out = run(old, new).docx
    assert problems(read_package_bytes(out)) == []
    if any(kind == "art" for kind, *_ in old_body):
        copied = [n for n in read_package_bytes(out) if n.startswith("word/diagrams/drawing")]
        assert any(f"_rels/{n.rsplit('/', 1)[1]}.rels" in " ".join(read_package_bytes(out)) for n in copied)
    assert_stories_round_trip(old, new, out, ("body", "footnotes"))
    assert b"rIdOld" in part(out, "word/_rels/document.xml.rels")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOC, st.data())
def test_every_redline_of_whole_documents_is_intact_and_round_trips(doc: Rich, data: st.DataObject) -> None:
    old, new = build(doc), build(edited(data, doc))
    out = run(old, new).docx  # redline_bytes refuses to return a broken package
    assert problems(read_package_bytes(out)) == []
    assert_stories_round_trip(old, new, out)
    assert run(old, new).docx == out  # deterministic with every kind of part too

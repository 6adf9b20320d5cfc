"""The evaluation items: the common file, the unit's own items, errors in a workspace's own file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO_ROOT
from render.fixtures import fixture_unit

from pipeline.companions.evaluation import (
    EXPECTED_UNIT_ITEMS,
    UNIT_GROUP_TITLE,
    form_for_unit,
    load_form,
    read_standard,
    standard_items_path,
)
from pipeline.content.layout import PACKAGED_TEMPLATES
from pipeline.errors import IssueCollector, UserError


def _standard():
    issues = IssueCollector()
    standard = read_standard(REPO_ROOT / "templates" / "evaluation" / "standard.yaml", issues)
    assert not issues.issues and standard is not None
    return standard


def test_the_common_items() -> None:
    items = _standard().items()
    assert [i.id for i in items] == [f"C{n:02d}" for n in range(1, 25)]
    assert len({i.text for i in items}) == 24
    assert len(_standard().groups) == 4


def test_the_packaged_file_is_the_repository_file() -> None:
    assert (PACKAGED_TEMPLATES / "evaluation" / "standard.yaml").read_bytes() == (
        REPO_ROOT / "templates" / "evaluation" / "standard.yaml"
    ).read_bytes()


def test_the_example_unit_has_its_four_items() -> None:
    from pipeline.content.load import read_unit

    issues = IssueCollector()
    unit = read_unit(REPO_ROOT / "drafts" / "qingshigang" / "unit.yaml", issues)
    form = load_form(REPO_ROOT, unit)
    own = [i for i in form.items() if i.group == UNIT_GROUP_TITLE]
    assert [i.id for i in own] == ["U1", "U2", "U3", "U4"] and len(own) == EXPECTED_UNIT_ITEMS
    assert len(form.items()) == 28


def test_a_unit_without_own_items_gets_no_empty_group() -> None:
    form = form_for_unit(_standard(), fixture_unit())
    assert [g.title for g in form.groups][-1] != UNIT_GROUP_TITLE


def test_a_workspace_file_overrides_the_packaged_one(tmp_path: Path) -> None:
    own = tmp_path / "templates" / "evaluation" / "standard.yaml"
    own.parent.mkdir(parents=True)
    own.write_text(
        "title: 测评表\ngroups:\n  - title: 一组\n    items:\n      - {id: K1, text: 一项}\n",
        encoding="utf-8",
    )
    assert standard_items_path(tmp_path) == own
    assert [i.id for i in load_form(tmp_path, None).items()] == ["K1"]
    assert standard_items_path(tmp_path / "elsewhere") == PACKAGED_TEMPLATES / "evaluation" / "standard.yaml"


BAD_FILES = [
    (
        "groups:\n  - title: 组\n    items:\n      - {id: C01, text: 一}\n      - {id: C01, text: 二}\n",
        [
            "standard.yaml:5:14: groups[0].items[1].id: duplicate item id 'C01'",
            "missing required key 'title'",
        ],
    ),
    (
        "title: 表\ngroups:\n  - title: 组\n    items:\n      - {id: U1, text: 一}\n",
        ["standard.yaml:5:14: groups[0].items[0].id: item id 'U1' is reserved"],
    ),
    (
        "title: 表\ngroups:\n  - title: 组\n    items:\n      - {id: respondent, text: 一}\n      - {id: 1a, text: 二}\n",  # noqa: E501 (a literal as written in the file)
        ["item id 'respondent' is not usable", "item id '1a' is not usable"],
    ),
    # a misspelt required key is one error (unknown key, did you mean), not also a missing one
    ("title: 表\ngroup:\n  - title: 组\n", ["unknown key 'group'", "did you mean 'groups'?"]),
    (
        "title: 表\ngroups:\n  - title: 组\n    items:\n      - {id: C01, txt: 一}\n",
        ["unknown key 'txt'", "did you mean 'text'?"],
    ),
]


@pytest.mark.parametrize("text, messages", BAD_FILES)
def test_errors_in_the_items_file_are_all_reported(tmp_path: Path, text: str, messages: list[str]) -> None:
    path = tmp_path / "templates" / "evaluation" / "standard.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_form(tmp_path, None)
    report = caught.value.format()
    for message in messages:
        assert message in report

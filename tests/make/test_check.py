"""``shuzhi check`` passes on the example and fails, naming file and line, on each planted defect."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlparse
from urllib.request import url2pathname

import pytest

from pipeline.cli.main import main
from pipeline.errors import CODES

REPO = Path(__file__).resolve().parents[2]


def copy_example(dest: Path) -> Path:
    for name in ("drafts", "templates"):
        shutil.copytree(REPO / name, dest / name)
    shutil.copy2(REPO / "shuzhi.toml", dest / "shuzhi.toml")
    return dest


def latest_dir(root: Path) -> Path:
    unit = root / "drafts" / "qingshigang"
    return max((p for p in unit.iterdir() if re.fullmatch(r"v\d+", p.name)), key=lambda p: int(p.name[1:]))


def run_check(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--root", str(root), "--jobs", "1", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture(scope="module")
def example_checked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example, copied and checked once (the build is the slow part)."""
    root = copy_example(tmp_path_factory.mktemp("example"))
    assert main(["check", "--root", str(root), "--jobs", "2"]) == 0
    return root


def test_check_passes_on_the_example(example_checked: Path) -> None:
    assert latest_dir(example_checked).name
    built = example_checked / "build" / "qingshigang"
    assert (built / "redline").is_dir() and (built / "feedback-ledger.docx").is_file()


def _plant_unknown_key(root: Path) -> str:
    report = latest_dir(root) / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("\nproblems:", "\nproblemz:", 1), encoding="utf-8")
    line = text[: text.index("\nproblems:")].count("\n") + 2
    return f"{report.relative_to(root)}:{line}:1: problemz: unknown key 'problemz'"


def _plant_unanswered_feedback(root: Path) -> str:
    responses = latest_dir(root) / "responses.yaml"
    lines = responses.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("- item:"))
    item = lines[start].split("item:")[1].split("#")[0].strip()
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("- item:")), len(lines)
    )
    responses.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")
    return item


def _plant_lint_error(root: Path) -> str:
    report = latest_dir(root) / "report.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(
        text.replace("opening: |\n", "opening: |\n  TODO：此处填写开头。\n", 1), encoding="utf-8"
    )
    return "placeholder"


def _bad_input_code(root: Path) -> int:
    """The exit code of a check where one unit has bad input (README): 1 when other units were
    checked, 2 when it is the only unit."""
    units = [p for p in (root / "drafts").iterdir() if p.is_dir() and not p.name.startswith((".", "_"))]
    return 1 if len(units) > 1 else 2


@pytest.mark.parametrize(
    "plant,expected_code",
    [
        (
            _plant_unknown_key,
            None,
        ),  # bad input in one unit: 1 when others were checked, 2 when it is the only one
        (_plant_unanswered_feedback, 1),
        (_plant_lint_error, 1),
    ],
    ids=["unknown key", "unanswered feedback", "lint error"],
)
def test_check_fails_on_planted_defects(
    example_checked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], plant, expected_code: int
) -> None:
    root = tmp_path / "ws"
    shutil.copytree(example_checked, root)  # with its build/: the check stays incremental
    expected = plant(root)
    code, output = run_check(root, capsys)
    assert code == (_bad_input_code(root) if expected_code is None else expected_code), output
    assert expected in output, output
    assert "FAILED" in output
    assert re.search(r"drafts/qingshigang/v\d+/(report|responses)\.yaml:\d+:\d+", output), output


def test_changed_since_checks_only_the_touched_unit(
    example_checked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "ws"
    shutil.copytree(example_checked, root)
    other = root / "drafts" / "second-unit"
    shutil.copytree(root / "drafts" / "qingshigang", other)
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    (root / ".gitignore").write_text("/build/\n", encoding="utf-8")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "drafts"], check=True)
    report = latest_dir(root).parent.parent / "second-unit" / latest_dir(root).name / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, output = run_check(root, capsys, "--changed-since", "HEAD")
    assert code == 0, output
    assert "units changed since HEAD: second-unit" in output
    assert "qingshigang:" not in output and "second-unit:" in output


def test_changed_since_ignores_what_landed_on_the_base_after_branching(
    example_checked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pull request is checked for its own changes: a template change merged on main later is not one."""
    root = tmp_path / "ws"
    shutil.copytree(example_checked, root)
    shutil.copytree(root / "drafts" / "qingshigang", root / "drafts" / "second-unit")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    (root / ".gitignore").write_text("/build/\n", encoding="utf-8")
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["commit", "-qm", "drafts"],
        ["checkout", "-q", "-b", "feature"],
    ):
        subprocess.run([*git, *args], check=True)
    report = root / "drafts" / "second-unit" / latest_dir(root).name / "report.yaml"
    report.write_text(report.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    subprocess.run([*git, "commit", "-qam", "edit second-unit"], check=True)
    subprocess.run([*git, "checkout", "-q", "main"], check=True)
    (root / "templates" / "questions" / "standard.yaml").write_text(
        (root / "templates" / "questions" / "standard.yaml").read_text(encoding="utf-8") + "\n",
        encoding="utf-8",
    )
    subprocess.run([*git, "commit", "-qam", "template change on main"], check=True)
    subprocess.run([*git, "checkout", "-q", "feature"], check=True)
    code, output = run_check(root, capsys, "--changed-since", "main")
    assert "units changed since main: second-unit" in output, output
    assert code == 0, output


def test_changed_since_with_a_bad_revision_is_a_usage_error(
    example_checked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = run_check(example_checked, capsys, "--changed-since", "no-such-rev")
    assert code == 2
    assert "git diff --name-only failed" in output and "Traceback" not in output


def test_input_errors_are_annotated_and_in_the_sarif(
    example_checked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A typo'd key must reach the pull request as an annotation and code scanning as a result."""
    import json

    root = tmp_path / "ws"
    shutil.copytree(example_checked, root)
    where = _plant_unknown_key(root)  # "drafts/…/report.yaml:LINE:1: problemz: unknown key 'problemz'"
    path, line = where.split(":")[0], where.split(":")[1]
    sarif = tmp_path / "check.sarif"
    monkeypatch.chdir(root)  # as in CI: annotations name files relative to the repository
    code, output = run_check(root, capsys, "--github", "--sarif", str(sarif))
    assert code == _bad_input_code(root)
    annotation = f"::error file={path},line={line},col=1,endLine={line},endColumn=2,title=unknown-key::"
    assert annotation + "problemz: unknown key 'problemz'" in output, output
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    ours = [r for r in results if r["ruleId"] in CODES]  # input errors: their rule is the Issue's code
    assert {r["ruleId"] for r in ours} == {"unknown-key"}
    assert ours and ours[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == int(line)
    errors = int(re.search(r"1 units with invalid content, (\d+) errors", output).group(1))
    assert errors == len(ours) >= 1


def _sarif_file(location: dict, bases: dict) -> Path:
    """The file a SARIF ``artifactLocation`` names (its URI resolved against its ``uriBaseId``)."""
    uri = location["uri"]
    if "uriBaseId" in location:
        uri = urljoin(bases[location["uriBaseId"]]["uri"], uri)
    return Path(url2pathname(urlparse(uri).path))


def test_sarif_describes_every_rule_and_names_real_files(
    example_checked: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lint, feedback and input-error results: each rule described at its ruleIndex, each URI the file."""
    root = tmp_path / "ws"
    shutil.copytree(example_checked, root)
    _plant_unanswered_feedback(root)
    _plant_lint_error(root)
    odd = root / "drafts" / "第二 单位" / "unit.yaml"  # a unit folder whose name needs percent-encoding
    odd.parent.mkdir()
    odd.write_text(
        (root / "drafts" / "qingshigang" / "unit.yaml")
        .read_text(encoding="utf-8")
        .replace("\nname:", "\nnamez:", 1),
        encoding="utf-8",
    )
    sarif = tmp_path / "check.sarif"
    monkeypatch.chdir(tmp_path)  # not the root: URIs are relative to the workspace, not the current folder
    code, output = run_check(root, capsys, "--sarif", str(sarif))
    assert code == 1, output  # one unit has bad input, the others were checked
    run = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]
    rules, bases = run["tool"]["driver"]["rules"], run["originalUriBaseIds"]
    assert bases["%SRCROOT%"]["uri"] == root.resolve().as_uri() + "/"
    for result in run["results"]:
        described = rules[result["ruleIndex"]]
        assert described["id"] == result["ruleId"] and described["shortDescription"]["text"]
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location["uriBaseId"] == "%SRCROOT%" and _sarif_file(location, bases).is_file(), location
    categories = {rules[r["ruleIndex"]]["properties"]["category"] for r in run["results"]}
    assert {"feedback", "content", "placeholder"} <= categories
    odd_uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in run["results"]
        if r["ruleId"] in CODES
    }
    assert odd_uris == {"drafts/%E7%AC%AC%E4%BA%8C%20%E5%8D%95%E4%BD%8D/unit.yaml"}

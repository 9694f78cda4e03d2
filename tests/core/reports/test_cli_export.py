"""``plan-oswiaty export …``: the contract, run through a parser with ``register(sub)``.

Errors are UserErrors that ``app.cli.main.main`` prints as one line (exit 1);
``run`` below handles them the same way, so these tests hold before and after
the subcommand is hooked into the main parser.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli import export as export_cli
from app.cli.parser import Parser
from app.errors import UserError
from app.storage.store import Store


def run(*argv: str) -> tuple[int, str, str]:
    """The exit code and what was printed, as ``plan-oswiaty`` would do it."""
    parser = Parser(prog="plan-oswiaty")
    parser.add_argument("--data-dir")
    export_cli.register(parser.add_subparsers(dest="command"))
    from io import StringIO

    out, err = StringIO(), StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        args = parser.parse_args(list(argv))
        code = args.handler(args)
    except UserError as error:
        print(f"plan-oswiaty: {error.message}", file=sys.stderr)
        code = 1
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        sys.stdout, sys.stderr = saved
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def demo_dir(demo_ro: Store, tmp_path: Path) -> Path:
    """A copy of the demo data folder (the shared one stays untouched)."""
    target = tmp_path / "demo-data"
    shutil.copytree(demo_ro.paths.root, target, ignore=shutil.ignore_patterns("*.lock"))
    return target


@pytest.mark.parametrize("kind", ["plan", "hdr", "monitoring", "visit"])
def test_each_document_is_written(kind: str, demo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / f"{kind}.pdf"
    code, out, err = run(
        "--data-dir", str(demo_dir), "export", kind, "--municipality", "Zielonki Wielkie",
        "-o", str(target),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.strip() == f"Zapisano {target}"
    assert len(PdfReader(str(target)).pages) >= 1


def test_a_period_and_a_password(demo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "m.pdf"
    secret = tmp_path / "haslo.txt"
    secret.write_text("sekretne\n", encoding="utf-8")
    code, _out, err = run(
        "--data-dir", str(demo_dir), "export", "monitoring", "--municipality", "zielonki",
        "--from", "2025-09-01", "--to", "2026-08-31", "--password-file", str(secret),
        "-o", str(target),
    )  # fmt: skip
    assert (code, err) == (0, "")
    reader = PdfReader(str(target))
    assert reader.is_encrypted and reader.decrypt("sekretne") != 0
    assert "1 września 2025 – 31 sierpnia 2026" in reader.pages[0].extract_text()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--from", "2026-02-30"], "Nieprawidłowa data „2026-02-30” w --from"),
        (["--to", "jutro"], "Nieprawidłowa data „jutro” w --to"),
        (["--id", "abc"], "zamiast identyfikatora podaj okres"),
        (["--from", "2026-05-01", "--to", "2026-01-01"], "Początek okresu jest późniejszy"),
        (["--password-file", "{short}"], "co najmniej 8 znaków"),
        (["--password-file", "{long}"], "najwyżej 60 znaków"),
    ],
)
def test_bad_options_give_one_polish_line(
    demo_dir: Path, tmp_path: Path, extra: list[str], message: str
) -> None:
    (tmp_path / "secret").write_text("zażółć gęślą jaźń", encoding="utf-8")
    (tmp_path / "short").write_text("krótkie", encoding="utf-8")
    (tmp_path / "long").write_text("x" * 61, encoding="utf-8")
    extra = [
        part.format(secret=tmp_path / "secret", short=tmp_path / "short", long=tmp_path / "long")
        for part in extra
    ]
    code, out, err = run(
        "--data-dir", str(demo_dir), "export", "monitoring", "--municipality", "Zielonki",
        "-o", str(tmp_path / "x.pdf"), *extra,
    )  # fmt: skip
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err
    assert not (tmp_path / "x.pdf").exists()


def test_unknown_municipality_and_missing_data(demo_dir: Path, tmp_path: Path) -> None:
    code, _out, err = run(
        "--data-dir", str(demo_dir), "export", "plan", "--municipality", "Gdziekolwiek",
        "-o", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert code == 1 and "Nie znaleziono JST „Gdziekolwiek”" in err
    code, _out, err = run(
        "--data-dir", str(tmp_path / "empty"), "export", "plan", "--municipality", "X",
        "-o", str(tmp_path / "x.pdf"),
    )  # fmt: skip
    assert code == 1 and "nie ma jeszcze danych" in err


def test_usage_errors_are_polish(demo_dir: Path) -> None:
    code, _out, err = run("--data-dir", str(demo_dir), "export", "raport", "-o", "x.pdf")
    assert code == 2 and "nieznana wartość" in err
    code, _out, err = run("--data-dir", str(demo_dir), "export", "plan")
    assert code == 2 and "brakuje wymaganych argumentów" in err


def test_the_subcommand_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    parser = Parser(prog="plan-oswiaty")
    export_cli.register(parser.add_subparsers(dest="command"))
    with pytest.raises(SystemExit):
        parser.parse_args(["export", "--help"])
    text = capsys.readouterr().out
    assert "--municipality" in text and "RRRR-MM-DD" in text and "-o" in text


def test_the_parser_knows_the_same_documents_as_the_core() -> None:
    from app.reports.export import FORMATS, KINDS

    assert tuple(KINDS) == export_cli.KINDS
    assert FORMATS == export_cli.FORMATS


def test_building_the_parser_loads_no_reportlab() -> None:
    import subprocess

    code = (
        "import sys, argparse; from app.cli import export; "
        "export.register(argparse.ArgumentParser().add_subparsers()); "
        "sys.exit(any(m.startswith(('reportlab', 'sqlalchemy')) for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_export_runs_without_qt() -> None:
    import subprocess

    code = (
        "import sys, app.cli.export, app.reports.export, app.reports.plan, app.reports.hdr, "
        "app.reports.monitoring, app.reports.visit; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_lang_writes_the_document_in_english(demo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "v.pdf"
    code, _out, err = run(
        "--data-dir", str(demo_dir), "export", "visit", "--municipality", "zielonki",
        "--lang", "en", "-o", str(target),
    )  # fmt: skip
    assert (code, err) == (0, "")
    text = PdfReader(str(target)).pages[0].extract_text()
    assert "Advisory visit report" in text or "Page 1 of" in text
    assert "Strona 1 z" not in text


def test_without_lang_the_windows_language_is_used(demo_dir: Path, tmp_path: Path) -> None:
    (demo_dir / "ui.ini").write_text("[General]\nlanguage=en\n", encoding="utf-8")
    target = tmp_path / "v.pdf"
    code, _out, err = run(
        "--data-dir", str(demo_dir), "export", "visit", "--municipality", "zielonki",
        "-o", str(target),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "Page 1 of" in PdfReader(str(target)).pages[0].extract_text()
    # --lang wins over the window's setting.
    code, _out, err = run(
        "--data-dir", str(demo_dir), "export", "visit", "--municipality", "zielonki",
        "--lang", "pl", "-o", str(target),
    )  # fmt: skip
    assert "Strona 1 z" in PdfReader(str(target)).pages[0].extract_text()


def test_an_unknown_language_is_refused(demo_dir: Path, tmp_path: Path) -> None:
    code, _out, err = run(
        "--data-dir", str(demo_dir), "export", "visit", "--municipality", "zielonki",
        "--lang", "de", "-o", str(tmp_path / "v.pdf"),
    )  # fmt: skip
    assert code == 2 and "nieznana wartość 'de'" in err


def test_format_docx_writes_an_editable_copy(demo_dir: Path, tmp_path: Path) -> None:
    import docx

    target = tmp_path / "plan.docx"
    code, _out, err = run(
        "--data-dir", str(demo_dir), "export", "plan", "--municipality", "zielonki",
        "--format", "docx", "-o", str(target),
    )  # fmt: skip
    assert (code, err) == (0, "")
    document = docx.Document(str(target))
    assert any(p.style.name == "Heading 1" for p in document.paragraphs)
    code, _out, err = run(
        "--data-dir", str(demo_dir), "export", "plan", "--municipality", "zielonki",
        "--format", "docx", "-o", str(tmp_path / "plan.pdf"),
    )  # fmt: skip
    assert code == 1 and "musi mieć rozszerzenie .docx" in err
    assert not (tmp_path / "plan.pdf").exists()

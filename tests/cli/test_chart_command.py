"""``engage-desktop chart``: every chart to an image or a CSV, refusals that say why."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import update

from engage_desktop.core.workspace import Workspace
from engage_desktop.store.models import Campaign, CampaignFormat, Role
from tests.support.analytics_workspace import Small, build_small
from tests.support.cli import run_cli


@pytest.fixture
def small(make_workspace: Callable[..., Workspace]) -> Small:
    return build_small(make_workspace())


def chart(small: Small, *args: str) -> tuple[int, str, str]:
    done = run_cli(
        "chart", *args, "--app", str(small.app_id), workspace=small.ws.location.sqlite_path
    )
    return done.returncode, done.stdout, done.stderr


def test_every_chart_and_every_format(small: Small, tmp_path: Path) -> None:
    magic = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}
    cases = (("trends", "png"), ("open-hours", "svg"), ("funnel", "pdf"), ("uplift", "png"))
    for name, kind in cases:
        out = tmp_path / f"{name}.{kind}"
        code, _, err = chart(small, name, "--campaign", str(small.soldes), "--out", str(out))
        assert code == 0, err
        assert out.read_bytes().startswith(magic[kind])


def test_trends_table_for_french_excel_with_a_date_range(small: Small, tmp_path: Path) -> None:
    out = tmp_path / "trends.csv"
    code, _, err = chart(
        small, "trends", "--from", "2026-11-01", "--to", "2026-11-03", "--out", str(out)
    )
    assert code == 0, err
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert out.read_text(encoding="utf-8-sig").splitlines() == [
        "Day;Sent;Opens;Conversions;Opt-outs",
        "2026-11-01;0;0;0;0",
        "2026-11-02;6;3;1;1",
        "2026-11-03;0;0;1;0",
    ]


def test_uplift_table_numbers_use_decimal_commas(small: Small, tmp_path: Path) -> None:
    out = tmp_path / "uplift.csv"
    code, _, err = chart(small, "uplift", "--campaign", str(small.soldes), "--out", str(out))
    assert code == 0, err
    rows = [line.split(";") for line in out.read_text(encoding="utf-8-sig").splitlines()]
    assert rows[1][:5] == ["A", "3", "1", "0,333333", "0,5"]
    assert rows[1][9].startswith("Too few conversions to conclude for Variant A")


def test_refusals(small: Small, tmp_path: Path) -> None:
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    code, _, err = chart(
        small,
        "funnel",
        "--from",
        "2026-08-01",
        "--to",
        "2026-08-31",
        "--out",
        str(tmp_path / "f.png"),
    )
    assert (code, err.strip()) == (
        1,
        f"engage-desktop: chart funnel: app {small.app_id} has no campaign sent from 2026-08-01 "
        "to 2026-08-31; name one with --campaign",
    )
    code, _, err = chart(
        small,
        "trends",
        "--from",
        "2026-11-05",
        "--to",
        "2026-11-01",
        "--out",
        str(tmp_path / "t.png"),
    )
    assert code == 1 and "--from 2026-11-05 is after --to 2026-11-01: the range is empty" in err
    code, _, err = chart(small, "fatigue", "--channel", "push", "--out", str(tmp_path / "f.png"))
    assert code == 1 and "--channel does not apply (it counts every channel)" in err
    code, _, err = chart(small, "trends", "--out", str(tmp_path / "f.gif"))
    assert code == 1 and "cannot export to '.gif'; use .png, .svg, .pdf" in err
    code, _, err = chart(small, "trends", "--out", str(tmp_path / "no" / "f.png"))
    assert code == 1 and "the folder cannot be written to" in err
    code, _, err = chart(small, "trends", "--from", "30/11/2026", "--out", str(tmp_path / "x.png"))
    assert code == 2 and "'30/11/2026' is not a date like 2026-11-30" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_marketer_cannot_export(make_workspace: Callable[..., Workspace], tmp_path: Path) -> None:
    small = build_small(make_workspace(), Role.MARKETER)
    out = tmp_path / "trends.png"
    code, _, err = chart(small, "trends", "--out", str(out))
    assert code == 1 and "does not allow 'export_analytics'" in err
    assert not out.exists()


def test_channels_and_fatigue_charts_and_tables(small: Small, tmp_path: Path) -> None:
    for name in ("channels", "fatigue"):
        out = tmp_path / f"{name}.png"
        code, _, err = chart(
            small, name, "--from", "2026-07-01", "--to", "2026-11-30", "--out", str(out)
        )
        assert code == 0, err
        assert out.read_bytes().startswith(b"\x89PNG")
    out = tmp_path / "channels.csv"
    code, _, err = chart(
        small,
        "channels",
        "--channel",
        "push",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        str(out),
    )
    assert code == 0, err
    assert out.read_text(encoding="utf-8-sig").splitlines() == [
        "Channel;Sent;Opens;Conversions;Open rate;Conversion rate",
        "Push;6;3;3;0,5;0,5",
    ]
    out = tmp_path / "fatigue.csv"
    code, _, err = chart(
        small, "fatigue", "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(out)
    )
    assert code == 0, err
    assert out.read_text(encoding="utf-8-sig").splitlines()[:3] == [
        "Messages received per week;Person-weeks;Opted out;Opt-out rate",
        "1;6;1;0,166667",
        "2;1;0;0",
    ]


def test_a_table_as_xlsx_keeps_dates_and_numbers_typed(small: Small, tmp_path: Path) -> None:
    from datetime import datetime

    from openpyxl import load_workbook

    out = tmp_path / "trends.xlsx"
    code, _, err = chart(
        small, "trends", "--from", "2026-11-01", "--to", "2026-11-03", "--out", str(out)
    )
    assert code == 0, err
    sheet = load_workbook(out).active
    assert sheet is not None and sheet.title == "Daily results"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Day", "Sent", "Opens", "Conversions", "Opt-outs")
    assert rows[2] == (datetime(2026, 11, 2), 6, 3, 1, 1)
    assert sheet["A3"].is_date and sheet["B3"].data_type == "n"
    assert list(tmp_path.glob(".*part")) == []


def test_every_chart_takes_the_date_range_and_the_channel(small: Small, tmp_path: Path) -> None:
    """Issue 19: ``chart NAME --from --to`` for each chart. The open hours are summed over the
    range's local days; funnel and uplift without ``--campaign`` show the newest campaign sent
    in the range (and on the channel); the daily results and open hours keep one channel."""
    with small.ws.session() as s:  # "Été" (July) went out as an SMS campaign
        s.execute(
            update(Campaign).where(Campaign.id == small.summer).values(format=CampaignFormat.SMS)
        )

    def table(*args: str) -> list[str]:
        out = tmp_path / "t.csv"
        code, _, err = chart(small, *args, "--out", str(out))
        assert code == 0, err
        return out.read_text(encoding="utf-8-sig").splitlines()

    november = ("--from", "2026-11-01", "--to", "2026-11-30")
    monday = table("open-hours", *november)[1].split(";")
    assert [h for h in range(24) if monday[h + 1] != "0"] == [12, 17, 20]  # p6, p1 twice
    everything = table("open-hours")[1].split(";")
    assert (everything[11], everything[13]) == ("1", "2")  # July's opens too (10 h, 12 h)
    assert table("open-hours", "--channel", "sms")[1].split(";")[13] == "1"
    assert table("trends", "--channel", "sms", "--from", "2026-07-05", "--to", "2026-07-07") == [
        "Day;Sent;Opens;Conversions;Opt-outs",
        "2026-07-05;0;0;0;0",
        "2026-07-06;2;2;0;0",
        "2026-07-07;0;0;0;0",
    ]
    summer = table("funnel", "--campaign", str(small.summer))
    assert table("funnel", "--from", "2026-07-01", "--to", "2026-07-31") == summer
    assert table("uplift", "--channel", "sms") == table("uplift", "--campaign", str(small.summer))
    assert table("funnel", *november) == table("funnel", "--campaign", str(small.soldes))

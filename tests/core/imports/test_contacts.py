"""Contacts import end to end on real files and a real SQLite workspace."""

from __future__ import annotations

import csv
import gc
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from engage_desktop.core.imports.contacts import import_contacts
from engage_desktop.core.imports.errors import ImportFailed, write_error_report
from engage_desktop.core.imports.mapping import apply_overrides, auto_map
from engage_desktop.core.imports.tabular import open_table
from engage_desktop.core.progress import Cancelled, CancelToken, Progress
from engage_desktop.core.workspace import Workspace
from engage_desktop.security.errors import PermissionDenied
from engage_desktop.store.models import AuditEntry, Channel, Consent, ConsentState, Profile, Role
from tests.support.paths import IMPORT_SAMPLES

FR_CSV = IMPORT_SAMPLES / "contacts_fr_excel.csv"


def profiles(ws: Workspace, app_id: int) -> dict[str, Profile]:
    with ws.session() as session:
        rows = session.scalars(select(Profile).where(Profile.app_id == app_id))
        return {p.external_id: p for p in rows}


def consents(ws: Workspace) -> dict[tuple[int, str], Consent]:
    with ws.session() as session:
        return {(c.profile_id, c.channel.value): c for c in session.scalars(select(Consent))}


def snapshot(ws: Workspace) -> dict[str, Any]:
    with ws.session() as session:
        return {
            "profiles": sorted(
                (p.external_id, p.email, p.phone, p.city, str(p.attributes))
                for p in session.scalars(select(Profile))
            ),
            "consents": sorted(
                (c.profile_id, c.channel.value, c.state.value)
                for c in session.scalars(select(Consent))
            ),
            "audit": session.scalar(select(func.count()).select_from(AuditEntry)),
        }


def test_french_excel_file_imports_valid_rows_and_reports_the_rest(
    ws: Workspace, app_id: int
) -> None:
    result = import_contacts(ws, app_id, FR_CSV)
    # Bad optional cells cost the cell, not the contact: only the repeated id and the broken
    # row are rejected.
    assert (result.inserted, result.updated, result.failed) == (7, 0, 2)
    assert result.format_label == "Windows-1252, semicolon"
    stored = profiles(ws, app_id)
    elodie = stored["CLI0001"]
    assert (elodie.first_name, elodie.last_name) == ("Élodie", "Lefèvre")
    assert elodie.phone == "+33612345678"
    assert elodie.birth_date == date(1988, 5, 12)
    assert (elodie.city, elodie.postal_code) == ("Lyon", "69003")
    assert stored["CLI0003"].birth_date == date(1992, 7, 21)
    assert stored["CLI0004"].phone == "+262692123456"
    assert elodie.attributes == {}  # unknown columns are ignored unless mapped
    errors = {(e.line, e.column): e.reason for e in result.errors}
    assert set(errors) == {(8, "Identifiant"), (10, None)}
    assert "duplicate external id: already on line 3" in errors[(8, "Identifiant")]
    assert "15 fields but the header has 14" in errors[(10, None)]
    left_out = {(e.line, e.column): e.reason for e in result.left_out}
    assert all(e.left_out for e in result.left_out)
    assert "not a valid phone number" in left_out[(6, "Téléphone")]
    assert "not a valid email" in left_out[(7, "E-mail")]
    assert "not a real date" in left_out[(7, "Date de naissance")]
    assert "not a consent value" in left_out[(9, "Opt-in push")]
    assert result.rows_with_left_out == 3
    ines, theo, zoe = stored["CLI0005"], stored["CLI0006"], stored["CLI0007"]
    assert (ines.email, ines.phone, ines.city) == ("ines.benali@hotmail.fr", None, "Lille")
    assert (theo.email, theo.birth_date, theo.phone) == (None, None, "+33698765432")
    assert (zoe.id, "push") not in consents(ws)  # the unreadable consent stays unknown
    assert consents(ws)[(zoe.id, "email")].state is ConsentState.GRANTED
    assert result.duplicates == 1
    assert any("Carte fidélité" in w for w in result.warnings)


def test_possible_but_unallocated_phone_numbers_lose_no_contact(
    ws: Workspace, app_id: int, tmp_path: Path
) -> None:
    """The fault seen on a real file: numbers phonenumbers finds possible but not valid (not in
    an allocated range) rejected ~8 % of the rows whole, contacts with a valid email and
    consent included. Now the contact is imported without the phone, and the report says so."""
    path = tmp_path / "clients.csv"
    rows = ["Identifiant;E-mail;Téléphone;Opt-in e-mail"]
    for i in range(100):
        phone = "+33 5 90 00 00 00" if i % 12 == 0 else f"06 12 34 {i // 10:02d} {i % 10:02d}"
        rows.append(f"C{i:03d};client{i}@exemple.fr;{phone};oui")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = import_contacts(ws, app_id, path)
    assert (result.inserted, result.failed) == (100, 0)
    assert result.rows_with_left_out == 9
    assert {e.line for e in result.left_out} == {2 + i for i in range(0, 100, 12)}
    stored = profiles(ws, app_id)
    assert stored["C000"].phone is None
    assert stored["C000"].email == "client0@exemple.fr"
    assert consents(ws)[(stored["C000"].id, "email")].state is ConsentState.GRANTED
    report = tmp_path / "report.csv"
    write_error_report([*result.errors, *result.left_out], report)
    lines = report.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "line,column,value,reason,outcome"
    assert lines[1].startswith("2,Téléphone,+33 5 90 00 00 00,")
    assert lines[1].endswith(",row imported without this value")


def test_a_row_without_any_usable_identity_is_rejected_with_its_reasons(
    ws: Workspace, app_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "sans_id.csv"
    path.write_text(
        "E-mail;Téléphone\n"
        "pas-un-email;06 12 34 56 78\n"  # invalid email, no external id: nothing to match on
        "ok@exemple.fr;06 12\n",  # valid email, bad phone: imported without the phone
        encoding="utf-8",
    )
    result = import_contacts(ws, app_id, path)
    assert (result.inserted, result.failed) == (1, 1)
    reasons = [(e.line, e.code, e.left_out) for e in result.errors]
    assert reasons == [(2, "invalid_email", False), (2, "no_key", False)]
    assert [(e.line, e.code) for e in result.left_out] == [(3, "invalid_phone")]


def test_consent_rows_per_channel_with_source(ws: Workspace, app_id: int) -> None:
    import_contacts(ws, app_id, FR_CSV)
    stored = profiles(ws, app_id)
    rows = consents(ws)
    elodie = stored["CLI0001"].id
    assert rows[(elodie, "push")].state is ConsentState.GRANTED
    assert rows[(elodie, "sms")].state is ConsentState.DENIED
    assert rows[(elodie, "email")].state is ConsentState.GRANTED
    assert rows[(elodie, "push")].source == "import:contacts_fr_excel.csv"
    noel = stored["CLI0004"].id
    assert (noel, "push") not in rows  # empty cell: consent unknown, nothing written
    assert rows[(noel, Channel.EMAIL.value)].state is ConsentState.GRANTED


def test_unknown_columns_kept_as_attributes_when_mapped(ws: Workspace, app_id: int) -> None:
    table = open_table(FR_CSV)
    mapping = apply_overrides(
        table.headers,
        auto_map(table.headers),
        {"Panier moyen (€)": "attribute:panier_moyen", "Carte fidélité": "attribute"},
    )
    import_contacts(ws, app_id, FR_CSV, mapping, table=table)
    elodie = profiles(ws, app_id)["CLI0001"]
    assert elodie.attributes == {"panier_moyen": 45.9, "carte_fidelite": "Or"}


def test_second_import_updates_without_erasing(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    import_contacts(ws, app_id, FR_CSV)
    update = tmp_path / "maj.csv"
    update.write_text(
        "identifiant;ville;téléphone;opt-in sms\nCLI0001;Villeurbanne;;oui\nCLI9999;Paris;;\n",
        encoding="utf-8",
    )
    result = import_contacts(ws, app_id, update)
    assert (result.inserted, result.updated, result.failed) == (1, 1, 0)
    elodie = profiles(ws, app_id)["CLI0001"]
    assert elodie.city == "Villeurbanne"
    assert elodie.phone == "+33612345678"  # empty cell: kept
    assert elodie.first_name == "Élodie"
    assert consents(ws)[(elodie.id, "sms")].state is ConsentState.GRANTED


def test_upsert_by_email_when_no_external_id(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    first = tmp_path / "a.csv"
    first.write_text("email,first name\nzoe@exemple.fr,Zoé\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("E-mail,City\nZOE@exemple.fr,Nîmes\nzoe@exemple.fr,Arles\n", encoding="utf-8")
    assert import_contacts(ws, app_id, first).inserted == 1
    result = import_contacts(ws, app_id, second)
    assert (result.inserted, result.updated, result.failed) == (0, 1, 1)
    assert "duplicate email: already on line 2" in result.errors[0].reason
    stored = profiles(ws, app_id)
    assert list(stored) == ["zoe@exemple.fr"]  # the email is the external id of such a contact
    assert stored["zoe@exemple.fr"].city == "Nîmes"


def test_xlsx_streams_typed_cells(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Customer ID", "First name", "Email", "Mobile", "Zip", "Birth date", "SMS"])
    sheet.append(["A-1", "Léa", "lea@exemple.fr", "0612345678", 1000, datetime(1990, 3, 4), True])
    sheet.append(["A-2", "Jules", "jules@exemple.fr", 33781223344, "75011", "04/03/1990", "non"])
    sheet.append(["A-3", "Nina", "nina@exemple", None, None, None, None])
    path = tmp_path / "contacts.xlsx"
    book.save(path)
    result = import_contacts(ws, app_id, path)
    assert result.format_label == "Excel workbook (XLSX)"
    assert (result.inserted, result.failed) == (3, 0)  # Nina stays, without her bad email
    assert result.left_out[0].line == 4 and result.left_out[0].column == "Email"
    assert profiles(ws, app_id)["A-3"].email is None
    stored = profiles(ws, app_id)
    assert stored["A-1"].postal_code == "01000"
    assert stored["A-1"].birth_date == date(1990, 3, 4)
    assert stored["A-2"].phone == "+33781223344"


def test_cancel_leaves_the_database_exactly_as_it_was(
    ws: Workspace, app_id: int, tmp_path: Path
) -> None:
    import_contacts(ws, app_id, FR_CSV)
    before = snapshot(ws)
    big = tmp_path / "big.csv"
    with open(big, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["identifiant", "email", "ville", "opt-in push"])
        out.writerow(["CLI0001", "", "Changée", "non"])
        for i in range(12_000):
            out.writerow([f"N{i}", f"n{i}@exemple.fr", "Paris", "oui"])
    token = CancelToken()
    reports: list[int] = []

    def on_progress(done: int, total: int | None, message: str) -> None:
        reports.append(done)
        if done >= 5_000:
            token.cancel()  # after the first chunk was written

    with pytest.raises(Cancelled):
        import_contacts(ws, app_id, big, progress=Progress(on_progress, token))
    assert max(reports) >= 5_000
    assert snapshot(ws) == before


def test_an_import_off_the_main_thread_leaves_the_collector_on(ws: Workspace, app_id: int) -> None:
    """The GUI imports from a worker: pausing the process-wide collector there held back the
    GUI's own garbage, all collected on the GUI thread when the import ended."""
    seen: list[bool] = []

    def on_progress(done: int, total: int | None, message: str) -> None:
        seen.append(gc.isenabled())

    worker = threading.Thread(
        target=import_contacts,
        args=(ws, app_id, FR_CSV),
        kwargs={"progress": Progress(on_progress)},
    )
    worker.start()
    worker.join()
    assert seen and all(seen)
    seen.clear()
    import_contacts(ws, app_id, FR_CSV, progress=Progress(on_progress))  # the CLI pauses it
    assert seen and not any(seen)
    assert gc.isenabled()


def test_failure_midway_rolls_back(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    before = snapshot(ws)
    path = tmp_path / "broken.csv"
    good = "".join(f"N{i};n{i}@exemple.fr\n" for i in range(20_000)).encode()
    path.write_bytes(b"identifiant;email\n" + good + "X;\xff\xfe@exemple.fr\n".encode("latin-1"))
    with pytest.raises(ImportFailed, match="line 20002"):
        import_contacts(ws, app_id, path)
    assert snapshot(ws) == before


def test_dry_run_writes_nothing_but_counts(ws: Workspace, app_id: int) -> None:
    before = snapshot(ws)
    result = import_contacts(ws, app_id, FR_CSV, dry_run=True)
    assert (result.inserted, result.failed, result.dry_run) == (7, 2, True)
    assert result.rows_with_left_out == 3
    assert snapshot(ws) == before


def test_needs_edit_permission_and_leaves_an_audit_entry(
    ws: Workspace, app_id: int, new_app: Callable[..., int]
) -> None:
    import_contacts(ws, app_id, FR_CSV)
    with ws.session() as session:
        entry = session.scalars(select(AuditEntry)).one()
        assert entry.action == "audience.import_contacts"
        assert entry.details["inserted"] == 7
        assert entry.details["rows_with_left_out_values"] == 3
    read_only = new_app("Pixel Quest", Role.ANALYST)
    with pytest.raises(PermissionDenied):
        import_contacts(ws, read_only, FR_CSV)


def test_error_report_csv(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    result = import_contacts(ws, app_id, FR_CSV)
    report = tmp_path / "erreurs.csv"
    entries = [*result.errors, *result.left_out]
    assert write_error_report(entries, report) == len(entries) == 6
    with open(report, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["line", "column", "value", "reason", "outcome"]
    assert rows[1] == [
        "6",
        "Téléphone",
        "06 12 34",
        "'06 12 34' is not a valid phone number",
        "row imported without this value",
    ]
    assert [row[0] for row in rows[1:]] == ["6", "7", "7", "8", "9", "10"]  # in line order
    assert rows[4][4] == "row rejected"


def test_no_key_column_is_a_clear_error(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    path = tmp_path / "noms.csv"
    path.write_text("prénom;ville\nZoé;Paris\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="external id or the email"):
        import_contacts(ws, app_id, path)


def test_database_refusal_rolls_back_with_a_clear_error(ws: Workspace, app_id: int) -> None:
    from sqlalchemy import text

    before = snapshot(ws)
    with ws.engine.begin() as conn:  # a test-only trigger: the database refuses one row
        conn.execute(
            text(
                "CREATE TRIGGER refuse_one BEFORE INSERT ON profile "
                "WHEN NEW.external_id = 'CLI0004' BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )
        )
    with pytest.raises(ImportFailed, match=r"database refused the import \(refused\)"):
        import_contacts(ws, app_id, FR_CSV)
    assert snapshot(ws) == before


def test_foreign_key_checks_are_back_on_after_imports(
    ws: Workspace, app_id: int, tmp_path: Path
) -> None:
    """The import switches SQLite's per-row checks off for its bulk load, and only for it."""

    def checks_on() -> bool:
        with ws.engine.connect() as conn:
            return bool(conn.exec_driver_sql("PRAGMA foreign_keys").scalar())

    import_contacts(ws, app_id, FR_CSV)
    assert checks_on()
    path = tmp_path / "broken.csv"
    good = "".join(f"N{i};n{i}@exemple.fr\n" for i in range(20_000)).encode()
    path.write_bytes(b"identifiant;email\n" + good + b"X;\xff\xfe@exemple.fr\n")
    with pytest.raises(ImportFailed, match="line 20002"):
        import_contacts(ws, app_id, path)
    assert checks_on()
    with ws.session() as session:  # and they still guard the rest of the application
        session.add(Consent(profile_id=999_999, channel=Channel.PUSH, state=ConsentState.GRANTED))
        with pytest.raises(IntegrityError):
            session.flush()


def test_duplicates_are_found_across_chunks(ws: Workspace, app_id: int, tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(["identifiant", "email"])
        for i in range(7_000):
            out.writerow([f"N{i}", f"n{i}@exemple.fr"])
        out.writerow(["N3", "autre@exemple.fr"])  # line 7002: the id of line 5, two chunks back
        out.writerow(["", "n7000@exemple.fr"])  # line 7003: no id, keyed by its email: new
    result = import_contacts(ws, app_id, path)
    assert (result.inserted, result.duplicates, result.failed) == (7_001, 1, 1)
    [error] = result.errors
    assert (error.line, error.code, error.args) == (7002, "duplicate_external_id", ("5",))


def test_the_report_neutralises_formulas_that_came_from_the_file(
    ws: Workspace, app_id: int, tmp_path: Path
) -> None:
    path = tmp_path / "piege.csv"
    path.write_text(
        'email;téléphone\nzoe@exemple.fr;"=HYPERLINK(""http://x"";""ici"")"\n', encoding="utf-8"
    )
    result = import_contacts(ws, app_id, path)
    report = tmp_path / "rapport.csv"
    write_error_report(result.left_out, report)
    with open(report, encoding="utf-8-sig", newline="") as handle:
        row = list(csv.reader(handle))[1]
    assert row[2] == '\'=HYPERLINK("http://x";"ici")'
    assert row[3].startswith("'")  # the reason quotes the value first

"""``engage-desktop app list|add|edit|remove``: the workspace's apps (Firebase projects).

The same core use cases as Settings → Apps (``core.apps.manage``): the same checks, the same
permissions, the same audit entries. ``remove`` says what goes with the app and asks for its
name before deleting anything.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from engage_desktop.cli.options import CliError, add_workspace_option

if TYPE_CHECKING:
    from engage_desktop.core.apps.identity import AppIdentity
    from engage_desktop.core.apps.manage import AppInfo, RemovalImpact
    from engage_desktop.core.workspace import Workspace
    from engage_desktop.security.vault import Vault


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "app", help="list, add, edit or remove the workspace's apps (Firebase projects)"
    )
    sub = parser.add_subparsers(dest="app_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="the apps you have a role on")
    add = sub.add_parser(
        "add", help="add an app (you become its admin; creates the workspace if missing)"
    )
    add.add_argument("--name", required=True, help="display name")
    add.add_argument("--project", required=True, help="Firebase project id, e.g. shop-prod")
    edit = sub.add_parser("edit", help="change an app's name, project, ids, icon or time zone")
    edit.add_argument("app_id", type=int, metavar="APP_ID")
    edit.add_argument("--name", help="display name")
    edit.add_argument("--project", help="Firebase project id")
    edit.add_argument("--no-icon", action="store_true", help="remove the preview icon")
    for p in (add, edit):
        p.add_argument(
            "--android",
            action="append",
            metavar="PACKAGE",
            help="Android package name(s), comma-separated or repeated (edit: replaces the list)",
        )
        p.add_argument(
            "--ios",
            action="append",
            metavar="BUNDLE_ID",
            help="iOS bundle id(s), comma-separated or repeated (edit: replaces the list)",
        )
        p.add_argument("--time-zone", help="IANA time zone of the audience, e.g. Europe/Paris")
        p.add_argument("--icon", metavar="IMAGE", help="picture shown as the app icon in previews")
    remove = sub.add_parser("remove", help="remove an app and everything of it")
    remove.add_argument("app_id", type=int, metavar="APP_ID")
    remove.add_argument(
        "--confirm",
        metavar="NAME",
        help="the app's name, to remove without being asked (scripts)",
    )
    for p in (listing, add, edit, remove):
        add_workspace_option(p)
        p.add_argument("--json", action="store_true", help="print JSON")
        p.set_defaults(func=run)
    from engage_desktop.cli import app_rules_command  # delivery rules: a module of their own

    app_rules_command.register(sub)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.messages import CodedError

    # Adding an app may start a new workspace file; the other actions need one already.
    workspace = open_workspace_from_args(args, create=args.app_command == "add")
    try:
        action = {"list": _list, "add": _add, "edit": _edit, "remove": _remove}
        return action[args.app_command](workspace, args)
    except CodedError as exc:
        raise CliError(str(exc)) from exc
    finally:
        workspace.close()


def _list(ws: Workspace, args: argparse.Namespace) -> int:
    from engage_desktop.core.apps.manage import list_apps

    apps = list_apps(ws)
    if args.json:
        _print_json([as_dict(a) for a in apps])
    elif not apps:
        print("You have a role on no app of this workspace.")
    for app in [] if args.json else apps:
        print(_line(app))
    return 0


def _add(ws: Workspace, args: argparse.Namespace) -> int:
    from engage_desktop.core.apps.identity import AppIdentity
    from engage_desktop.core.apps.manage import add_app, get_app

    identity = _with_options(AppIdentity(name=args.name, project_id=args.project), args)
    app = get_app(ws, add_app(ws, identity))
    _print_json(as_dict(app)) if args.json else print(f"Added: {_line(app)}")
    return 0


def _edit(ws: Workspace, args: argparse.Namespace) -> int:
    from engage_desktop.core.apps.manage import edit_app, get_app

    current = get_app(ws, args.app_id).identity
    identity = _with_options(current, args)
    if args.name is not None:
        identity = replace(identity, name=args.name)
    if args.project is not None:
        identity = replace(identity, project_id=args.project)
    if args.no_icon:
        identity = replace(identity, icon_png=None)
    app = edit_app(ws, args.app_id, identity)
    _print_json(as_dict(app)) if args.json else print(f"Saved: {_line(app)}")
    return 0


def _remove(ws: Workspace, args: argparse.Namespace) -> int:
    from engage_desktop.core.apps.manage import removal_impact, remove_app

    impact = removal_impact(ws, args.app_id)
    confirm = args.confirm
    if confirm is None:
        if not sys.stdin.isatty():
            raise CliError(
                f"Removing app '{impact.app_name}' deletes {describe(impact)}. "
                "Pass --confirm with the app's name to remove it."
            )
        print(f"Removing app '{impact.app_name}' deletes {describe(impact)}.")
        confirm = input("Type the app's name to remove it: ")
    done = remove_app(ws, args.app_id, confirm_name=confirm, vault=_keyring_for(impact))
    if args.json:
        _print_json(
            {
                "removed": args.app_id,
                "name": done.app_name,
                **done.as_dict(),
                "keyring_entries_deleted": len(done.secrets_here) - len(done.left_here),
                "keyring_entries_left": list(done.left_here),
                "key_still_on": list(done.other_hosts),
            }
        )
    else:
        print(f"Removed app '{done.app_name}' with {describe(done)}.")
        if done.secrets_here and not done.left_here:
            print("Its secrets are deleted from this machine's keyring.")
    for name in done.left_here:
        print(
            f"This machine's keyring still holds '{name}' (no keyring available): delete it "
            "with the system's keyring tool.",
            file=sys.stderr,
        )
    if done.other_hosts:
        print(
            f"The keyring of {', '.join(done.other_hosts)} still holds the app's "
            "service-account key: delete the entries named 'fcm-service-account:…' there with "
            "the system's keyring tool.",
            file=sys.stderr,
        )
    return 0


def _keyring_for(impact: RemovalImpact) -> Vault | None:
    """This machine's keyring, when the app has secrets in it."""
    from engage_desktop.security.vault import Vault

    return Vault.system() if impact.secrets_here else None


def _with_options(identity: AppIdentity, args: argparse.Namespace) -> AppIdentity:
    from engage_desktop.core.apps.icon import read_icon
    from engage_desktop.core.apps.identity import split_identifiers

    if args.android is not None:
        packages = tuple(p for text in args.android for p in split_identifiers(text))
        identity = replace(identity, android_packages=packages)
    if args.ios is not None:
        bundles = tuple(b for text in args.ios for b in split_identifiers(text))
        identity = replace(identity, ios_bundle_ids=bundles)
    if args.time_zone is not None:
        identity = replace(identity, time_zone=args.time_zone)
    if args.icon is not None:
        identity = replace(identity, icon_png=read_icon(args.icon))
    return identity


def describe(impact: RemovalImpact) -> str:
    """'3 campaigns, 1,204 profiles, …' for the confirmation."""
    parts = [f"{count:,} {what.replace('_', ' ')}" for what, count in impact.as_dict().items()]
    return ", ".join(parts[:-1]) + " and the roles of " + parts[-1]


def as_dict(app: AppInfo) -> dict[str, Any]:
    identity = app.identity
    return {
        "id": app.id,
        "name": identity.name,
        "project_id": identity.project_id,
        "android_packages": list(identity.android_packages),
        "ios_bundle_ids": list(identity.ios_bundle_ids),
        "time_zone": identity.time_zone,
        "icon": identity.icon_png is not None,
        "sending": "sandbox" if app.use_sandbox else "firebase",
        "role": app.grant.role.value,
        "approver": app.grant.approver,
    }


def _line(app: AppInfo) -> str:
    identity = app.identity
    ids = [*identity.android_packages, *identity.ios_bundle_ids]
    sending = "sandbox" if app.use_sandbox else "Firebase"
    return (
        f"{app.id:>4}  {identity.name}  project {identity.project_id}  {identity.time_zone}  "
        f"{', '.join(ids) or 'no package or bundle id'}  sends to {sending}  "
        f"(you: {app.grant.role.value}{', approver' if app.grant.approver else ''})"
    )


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))

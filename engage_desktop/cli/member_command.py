"""``engage-desktop member list|add|grant|revoke``: who works on an app, and with which role.

A member's login is their OS account on a SQLite workspace and their database role on
PostgreSQL. The same core use cases as Settings → Team (``core.team``).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from engage_desktop.cli.options import CliError, add_workspace_option

if TYPE_CHECKING:
    from engage_desktop.core.team import TeamMember
    from engage_desktop.core.workspace import Workspace

ROLES = ("admin", "marketer", "analyst")


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "member", help="list an app's team, add people, change or remove their role"
    )
    sub = parser.add_subparsers(dest="member_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="the app's team and their roles")
    add = sub.add_parser("add", help="put someone on the app's team")
    add.add_argument("login", metavar="LOGIN", help="OS account (SQLite) or database role")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--name", help="display name (default: the login)")
    add.add_argument("--email")
    add.add_argument("--approver", action="store_true", help="may approve sends on this app")
    grant = sub.add_parser("grant", help="give a member another role on the app")
    grant.add_argument("login", metavar="LOGIN")
    grant.add_argument("--role", choices=ROLES, required=True)
    flag = grant.add_mutually_exclusive_group()
    flag.add_argument("--approver", dest="approver", action="store_const", const=True)
    flag.add_argument("--no-approver", dest="approver", action="store_const", const=False)
    revoke = sub.add_parser("revoke", help="take a member off the app's team")
    revoke.add_argument("login", metavar="LOGIN")
    for p in (listing, add, grant, revoke):
        p.add_argument("--app", type=int, required=True, help="app id")
        add_workspace_option(p)
        p.add_argument("--json", action="store_true", help="print JSON")
        p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from engage_desktop.cli.common import open_workspace_from_args
    from engage_desktop.core.messages import CodedError

    workspace = open_workspace_from_args(args)
    try:
        action = {"list": _list, "add": _add, "grant": _grant, "revoke": _revoke}
        return action[args.member_command](workspace, args)
    except CodedError as exc:
        raise CliError(str(exc)) from exc
    finally:
        workspace.close()


def _list(ws: Workspace, args: argparse.Namespace) -> int:
    from engage_desktop.core.team import list_members

    team = list_members(ws, args.app)
    if args.json:
        print(json.dumps([_as_dict(m) for m in team], ensure_ascii=False, indent=2))
        return 0
    for member in team:
        print(_line(member))
    return 0


def _add(ws: Workspace, args: argparse.Namespace) -> int:
    from engage_desktop.core.team import add_member, parse_role

    member = add_member(
        ws,
        args.app,
        args.login,
        parse_role(args.role),
        display_name=args.name,
        email=args.email,
        approver=args.approver,
    )
    return _said(args, member, "Added")


def _grant(ws: Workspace, args: argparse.Namespace) -> int:
    from engage_desktop.core.team import grant, parse_role

    member = grant(ws, args.app, args.login, parse_role(args.role), approver=args.approver)
    return _said(args, member, "Now")


def _revoke(ws: Workspace, args: argparse.Namespace) -> int:
    from engage_desktop.core.team import revoke

    revoke(ws, args.app, args.login)
    if args.json:
        print(json.dumps({"revoked": args.login.strip(), "app": args.app}))
    else:
        print(f"{args.login.strip()} has no role on app {args.app} any more.")
    return 0


def _said(args: argparse.Namespace, member: TeamMember, verb: str) -> int:
    if args.json:
        print(json.dumps(_as_dict(member), ensure_ascii=False))
    else:
        print(f"{verb}: {_line(member)}")
    return 0


def _as_dict(member: TeamMember) -> dict[str, Any]:
    out = asdict(member)
    out["role"] = member.role.value
    return out


def _line(member: TeamMember) -> str:
    email = f" <{member.email}>" if member.email else ""
    approver = ", approver" if member.approver else ""
    return f"{member.login:<20} {member.display_name}{email}  {member.role.value}{approver}"

"""Admin command line: clinics, clinicians and API tokens.

python -m api.admin clinic create --name "Riverside Practice"
python -m api.admin clinician create --clinic <clinic id> --name "Dr A. Patel"
python -m api.admin token create --clinician <clinician id> [--expires-days 90]
python -m api.admin token create --admin --label "ops"
python -m api.admin token list
python -m api.admin token revoke --prefix cpd_AbCdEfGh
python -m api.admin purge-transcripts [--days 30]
python -m api.admin demo-data --clinic <clinic id> [--months 12] [--force]
python -m api.admin clinic list | clinician list [--clinic <id>]
"""

from __future__ import annotations

import argparse
import sys

from coproduce.clinics import service as clinic_service
from coproduce.clinics.models import ApiToken, Clinic
from coproduce.config import get_settings
from coproduce.conversations import retention
from coproduce.database import session_scope
from coproduce.quality import demo


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m api.admin",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    things = parser.add_subparsers(dest="thing", required=True)
    clinic = things.add_parser("clinic").add_subparsers(dest="verb", required=True)
    clinic.add_parser("create").add_argument("--name", required=True)
    clinic.add_parser("list")
    clinician = things.add_parser("clinician").add_subparsers(dest="verb", required=True)
    create = clinician.add_parser("create")
    create.add_argument("--clinic", required=True)
    create.add_argument("--name", required=True)
    clinician.add_parser("list").add_argument("--clinic")
    token = things.add_parser("token").add_subparsers(dest="verb", required=True)
    token_create = token.add_parser("create")
    who = token_create.add_mutually_exclusive_group(required=True)
    who.add_argument("--clinician")
    who.add_argument("--admin", action="store_true")
    token_create.add_argument("--expires-days", type=int)
    token_create.add_argument("--label")
    token.add_parser("revoke").add_argument("--prefix", required=True)
    token.add_parser("list")
    demo = things.add_parser(
        "demo-data", help="fill a clinic with a year of clearly marked demo visits (DEMO-...)"
    )
    demo.add_argument("--clinic", required=True, help="the clinic's id (see: clinic list)")
    demo.add_argument("--months", type=int, default=12)
    demo.add_argument("--per-month", type=int, default=30)
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--force", action="store_true", help="add demo visits even beside real ones")
    purge = things.add_parser("purge-transcripts", help="delete chat transcripts past retention")
    purge.add_argument("--days", type=int, help="default: COPRODUCE_TRANSCRIPT_RETENTION_DAYS")
    return parser


def _token_line(row: ApiToken) -> str:
    def day(value: object) -> str:
        return f"{value:%Y-%m-%d}" if value is not None else "-"

    state = "revoked" if row.revoked_at else "live"
    return "\t".join(
        [
            row.prefix,
            row.role,
            row.clinic_id or "-",
            row.label or "-",
            f"created {day(row.created_at)}",
            f"expires {day(row.expires_at)}",
            state,
        ]
    )


def run(argv: list[str]) -> int:
    """Carry out one admin command; return the exit code."""
    args = _parser().parse_args(argv)
    if args.thing == "purge-transcripts":
        days = args.days if args.days is not None else get_settings().transcript_retention_days
        removed = retention.purge_transcripts(older_than_days=days)
        print(f"deleted the transcripts of {removed} conversation(s) older than {days} days")
        return 0
    if args.thing == "demo-data":
        return _demo_data(args)
    try:
        with session_scope() as session:
            if args.thing == "clinic" and args.verb == "create":
                clinic = clinic_service.create_clinic(session=session, name=args.name)
                print(clinic.id)
            elif args.thing == "clinic":
                for clinic in clinic_service.list_clinics(session=session):
                    print(f"{clinic.id}\t{clinic.name}")
            elif args.thing == "clinician" and args.verb == "create":
                person = clinic_service.create_clinician(
                    session=session, clinic_id=args.clinic, name=args.name
                )
                print(person.id)
            elif args.thing == "clinician":
                for person in clinic_service.list_clinicians(
                    session=session, clinic_id=args.clinic
                ):
                    print(f"{person.id}\t{person.clinic_id}\t{person.name}")
            elif args.verb == "list":
                for row in clinic_service.list_tokens(session=session):
                    print(_token_line(row))
            elif args.verb == "create":
                value = clinic_service.create_token(
                    session=session,
                    clinician_id=args.clinician,
                    admin=args.admin,
                    expires_in_days=args.expires_days,
                    label=args.label,
                )
                print(value)
                print("Store this token now; it is not shown again.", file=sys.stderr)
            else:
                count = clinic_service.revoke_token(session=session, prefix=args.prefix)
                print(f"revoked {count} token(s)")
    except clinic_service.ClinicError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def _demo_data(args: argparse.Namespace) -> int:
    if not 1 <= args.months <= 60 or not 1 <= args.per_month <= 500:
        print("error: --months must be 1-60 and --per-month 1-500", file=sys.stderr)
        return 2
    try:
        with session_scope() as session:
            if session.get(Clinic, args.clinic) is None:
                print(f"error: no clinic with id {args.clinic}", file=sys.stderr)
                return 2
            made = demo.create(
                session=session,
                clinic_id=args.clinic,
                months=args.months,
                per_month=args.per_month,
                seed=args.seed,
                force=args.force,
            )
    except demo.RealVisitsPresent as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(
        f"created {made.visits} demo visits (patient refs DEMO-...), "
        f"{made.follow_ups} follow-ups and {made.plans} plans"
    )
    return 0


def main() -> None:
    """Run the command line on this process's arguments and exit with its status."""
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()

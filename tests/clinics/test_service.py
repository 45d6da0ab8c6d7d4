"""Clinics, their clinicians, API tokens and clinician page sign-ins."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from coproduce.clinics import service as clinic_service
from coproduce.clinics.models import ApiToken, Clinician
from coproduce.clinics.service import ClinicError, Principal
from coproduce.config import get_settings
from coproduce.database import utcnow
from tests.conftest import API_TOKEN


def _clinician(session: Session, clinic: str = "Riverside", name: str = "Dr Ada") -> Clinician:
    clinic_row = clinic_service.create_clinic(session=session, name=clinic)
    return clinic_service.create_clinician(session=session, clinic_id=clinic_row.id, name=name)


def test_clinics_and_clinicians_need_a_name_and_clinicians_need_a_clinic(
    session: Session,
) -> None:
    with pytest.raises(ClinicError, match="needs a name"):
        clinic_service.create_clinic(session=session, name="   ")
    with pytest.raises(ClinicError, match="clinician needs a name"):
        clinic_service.create_clinician(session=session, clinic_id="no-such-clinic", name=" \t")
    with pytest.raises(ClinicError, match="No clinic"):
        clinic_service.create_clinician(session=session, clinic_id="no-such-clinic", name="Dr B")
    clinic = clinic_service.create_clinic(session=session, name="  Riverside Practice ")
    doctor = clinic_service.create_clinician(session=session, clinic_id=clinic.id, name=" Dr B ")
    session.commit()
    assert clinic.name == "Riverside Practice"
    assert (doctor.name, doctor.clinic_id, doctor.active) == ("Dr B", clinic.id, True)


def test_clinics_and_clinicians_are_listed_by_name_and_scoped_to_their_clinic(
    session: Session,
) -> None:
    hill = clinic_service.create_clinic(session=session, name="Hillside")
    brook = clinic_service.create_clinic(session=session, name="Brookside")
    for clinic, name in ((hill, "Dr Zed"), (brook, "Dr Bea"), (hill, "Dr Amy")):
        clinic_service.create_clinician(session=session, clinic_id=clinic.id, name=name)
    session.commit()
    assert [c.name for c in clinic_service.list_clinics(session=session)] == [
        "Brookside",
        "Hillside",
    ]
    assert [c.name for c in clinic_service.list_clinicians(session=session)] == [
        "Dr Amy",
        "Dr Bea",
        "Dr Zed",
    ]
    hill_staff = clinic_service.list_clinicians(session=session, clinic_id=hill.id)
    assert [c.name for c in hill_staff] == ["Dr Amy", "Dr Zed"]
    assert clinic_service.list_clinicians(session=session, clinic_id="no-such-clinic") == []


def test_a_clinician_token_acts_for_that_clinician_and_clinic_only(session: Session) -> None:
    doctor = _clinician(session)
    token = clinic_service.create_token(session=session, clinician_id=doctor.id, label="laptop")
    session.commit()
    assert token.startswith(clinic_service.TOKEN_PREFIX)
    principal = clinic_service.authenticate(session=session, token=token)
    assert principal == Principal(
        kind="clinician",
        clinic_id=doctor.clinic_id,
        clinician_id=doctor.id,
        token_prefix=token[:12],
    )
    assert not principal.is_admin
    assert principal.actor == f"clinician:{doctor.id}"
    [stored] = clinic_service.list_tokens(session=session)
    assert token not in (stored.token_hash, stored.prefix)  # only a hash and a prefix are kept
    assert (stored.role, stored.label) == ("clinician", "laptop")


def test_admin_tokens_and_the_bootstrap_token_act_as_admins(session: Session) -> None:
    token = clinic_service.create_token(session=session, admin=True)
    session.commit()
    minted = clinic_service.authenticate(session=session, token=token)
    assert minted == Principal(kind="admin", token_prefix=token[:12])
    assert minted.is_admin and minted.actor == f"admin:{token[:12]}"
    bootstrap = clinic_service.authenticate(session=session, token=API_TOKEN)
    assert bootstrap == Principal(kind="admin")
    assert bootstrap.actor == "admin:bootstrap"


def test_every_token_expires_and_its_lifetime_is_bounded(session: Session) -> None:
    doctor = _clinician(session)
    clinic_service.create_token(session=session, clinician_id=doctor.id)
    session.commit()
    [token] = clinic_service.list_tokens(session=session)
    lifetime = token.expires_at - token.created_at
    default = timedelta(days=get_settings().token_lifetime_days)
    assert default - timedelta(seconds=5) < lifetime <= default
    for days in (0, -1, 3651):
        with pytest.raises(ClinicError, match="between 1 and 3650"):
            clinic_service.create_token(
                session=session, clinician_id=doctor.id, expires_in_days=days
            )
    with pytest.raises(ClinicError, match="No clinician"):
        clinic_service.create_token(session=session, clinician_id="no-such-clinician")
    with pytest.raises(ClinicError, match="No clinician"):
        clinic_service.create_token(session=session)


def test_unknown_malformed_expired_or_revoked_tokens_authenticate_no_one(
    session: Session,
) -> None:
    doctor = _clinician(session)
    expired = clinic_service.create_token(session=session, clinician_id=doctor.id)
    revoked = clinic_service.create_token(session=session, clinician_id=doctor.id)
    session.flush()
    session.execute(
        update(ApiToken)
        .where(ApiToken.prefix == expired[:12])
        .values(expires_at=utcnow() - timedelta(seconds=1))
    )
    assert clinic_service.revoke_token(session=session, prefix=revoked[:12]) == 1
    session.commit()
    for token in (
        expired,
        revoked,
        clinic_service.TOKEN_PREFIX + "never-issued",
        "not-a-token",
        clinic_service.TOKEN_PREFIX + "x" * 300,
        "",
    ):
        assert clinic_service.authenticate(session=session, token=token) is None, token


def test_revoking_by_prefix_counts_live_tokens_only(session: Session) -> None:
    doctor = _clinician(session)
    token = clinic_service.create_token(session=session, clinician_id=doctor.id)
    other = clinic_service.create_token(session=session, clinician_id=doctor.id)
    session.commit()
    # The full token works as well as its prefix: only its first twelve characters count.
    assert clinic_service.revoke_token(session=session, prefix=token) == 1
    assert clinic_service.revoke_token(session=session, prefix=token[:12]) == 0
    assert clinic_service.revoke_token(session=session, prefix="cpd_nothing") == 0
    # A shorter prefix matches no token, so "cpd_" cannot revoke every token at once.
    assert clinic_service.revoke_token(session=session, prefix=other[:8]) == 0
    session.commit()
    assert clinic_service.authenticate(session=session, token=other) is not None


def test_a_deactivated_clinicians_tokens_stop_working(session: Session) -> None:
    doctor = _clinician(session)
    token = clinic_service.create_token(session=session, clinician_id=doctor.id)
    doctor.active = False
    session.commit()
    assert clinic_service.authenticate(session=session, token=token) is None


def test_a_sign_in_works_for_its_own_token_until_it_expires_or_is_closed(
    session: Session,
) -> None:
    doctor = _clinician(session)
    token = clinic_service.create_token(session=session, clinician_id=doctor.id)
    other = clinic_service.create_token(session=session, clinician_id=doctor.id)
    live = clinic_service.open_sign_in(session=session, token=token, lifetime_s=3600)
    stale = clinic_service.open_sign_in(session=session, token=token, lifetime_s=-1)
    session.commit()
    assert clinic_service.sign_in_active(session=session, sign_in=live, token=token)
    assert not clinic_service.sign_in_active(session=session, sign_in=live, token=other)
    assert not clinic_service.sign_in_active(session=session, sign_in=stale, token=token)
    assert not clinic_service.sign_in_active(session=session, sign_in="no-such", token=token)

    clinic_service.close_sign_in(session=session, sign_in=live)
    clinic_service.close_sign_in(session=session, sign_in="no-such")
    session.commit()
    assert not clinic_service.sign_in_active(session=session, sign_in=live, token=token)


def test_a_clinics_name_falls_back_to_the_configured_one(session: Session) -> None:
    clinic = clinic_service.create_clinic(session=session, name="Riverside")
    session.commit()
    assert clinic_service.clinic_name(session=session, clinic_id=clinic.id) == "Riverside"
    configured = get_settings().clinic_name
    for missing in (None, "no-such-clinic"):
        assert clinic_service.clinic_name(session=session, clinic_id=missing) == configured

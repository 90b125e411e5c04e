"""Key rotation: Cloud KMS and Scaleway Key Manager symmetric keys rotate at most every `maxRotationDays`, and Key
Manager keys keep their deletion protection."""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

from ..catalog.scaleway_resources import KEY_MANAGER_KEYS
from .outcome import FAIL, PASS, UNKNOWN, Finding, Subject, quote
from .props import MISSING, get, is_unknown, kind

CRYPTO_KEY = "gcp:kms/cryptoKey:CryptoKey"
SYMMETRIC = "ENCRYPT_DECRYPT"  # the default purpose; other purposes (asymmetric, MAC, raw) cannot auto-rotate
SECONDS = re.compile(r"^\s*(\d+(?:\.\d+)?)s\s*$")
# Key Manager: "Key rotation is only available for symmetric keys"
# (https://github.com/scaleway/docs-content/blob/main/pages/key-manager/concepts.mdx); a period is a Go duration such
# as "720h" (terraform-provider-scaleway internal/services/keymanager ExpandKeyRotationPolicy: time.ParseDuration)
SCW_SYMMETRIC = "symmetric_encryption"
GO_DURATION = re.compile(r"^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$")
GO_UNIT = re.compile(r"(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)")
GO_SECONDS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}


def applies(token: str) -> bool:
    return token == CRYPTO_KEY or token in KEY_MANAGER_KEYS


def schedule(subject: Subject):
    """A key's rotation: None when not applicable (other types, non-symmetric keys); else (days, period): days is a
    number, UNKNOWN (known only after deployment), or None when unset or not a duration (seconds for a CryptoKey, a
    Go duration for a Key Manager key)."""
    if subject.token in KEY_MANAGER_KEYS:
        return _key_manager_schedule(subject)
    if subject.token != CRYPTO_KEY:
        return None
    purpose = subject.props.get("purpose") or SYMMETRIC
    if is_unknown(purpose) or isinstance(purpose, str) and purpose.upper() != SYMMETRIC:
        return None
    period = subject.props.get("rotationPeriod")
    if is_unknown(period):
        return UNKNOWN, period
    match = SECONDS.match(period) if isinstance(period, str) else None
    return (float(match.group(1)) / 86400 if match else None), period


class _Rotation(NamedTuple):
    """How a kind of key states its rotation, for the messages."""
    path: str  # the rotation period's property path
    unset: str  # what is not set when it never rotates
    fix: str  # what to set to at most max_days
    duration: str  # what a valid value is
    wanted: Callable[[float], str]  # max_days as a valid value


CLOUD_KMS_ROTATION = _Rotation("rotationPeriod", "rotationPeriod", "it", "a duration in seconds",
                               lambda days: f"'{int(days) * 86400}s'")
KEY_MANAGER_ROTATION = _Rotation("rotationPolicy.rotationPeriod", "rotationPolicy", "rotationPolicy.rotationPeriod",
                                 "a duration such as '720h'", lambda days: f"'{int(days) * 24}h'")


def evaluate(subject: Subject, max_days: float) -> list:
    """Findings for a CryptoKey or Key Manager key; an empty list when not applicable (other types, non-symmetric
    Cloud KMS keys). A Key Manager key also keeps its deletion protection."""
    key_manager = subject.token in KEY_MANAGER_KEYS
    findings = [_deletion_protection(subject)] if key_manager else []
    found = schedule(subject)
    if found is None:
        return findings
    return findings + [_judge(subject, *found, max_days, KEY_MANAGER_ROTATION if key_manager else CLOUD_KMS_ROTATION)]


def _judge(subject: Subject, days, period, max_days: float, rotation: _Rotation) -> Finding:
    path, wanted = rotation.path, rotation.wanted(max_days)
    if days is UNKNOWN:
        return Finding(UNKNOWN, path, f"{subject.title}: {path} can't be known during preview.")
    if not period:
        return Finding(FAIL, path, f"{subject.title}: {rotation.unset} is not set, so the key never rotates; set "
                       f"{rotation.fix} to at most {max_days:g} days (e.g. {wanted}).")
    if days is None:
        shown = f"= {quote(period)}" if isinstance(period, str) else f"is {kind(period)}, which"
        return Finding(FAIL, path, f"{subject.title}: {path} {shown} is not {rotation.duration}: set it to at most "
                       f"{wanted}.")
    if days > max_days:
        return Finding(FAIL, path, f"{subject.title}: {path} = {quote(period)} is {days:g} days, longer than the "
                       f"allowed {max_days:g}; set it to at most {wanted}.")
    return Finding(PASS, path, f"rotates every {days:g} days")


def _key_manager_schedule(subject: Subject):
    usage = subject.props.get("usage")
    if is_unknown(usage):
        return UNKNOWN, usage
    if not isinstance(usage, str) or usage.strip().lower() != SCW_SYMMETRIC:
        return None  # asymmetric keys cannot rotate
    period = get(subject.props, "rotationPolicy.rotationPeriod")
    if is_unknown(period):
        return UNKNOWN, period
    return _go_days(period), (None if period is MISSING else period)


def _deletion_protection(subject: Subject) -> Finding:
    unprotected = subject.props.get("unprotected")
    if is_unknown(unprotected):
        return Finding(UNKNOWN, "unprotected", f"{subject.title}: unprotected can't be known during preview.")
    if unprotected is True:
        return Finding(FAIL, "unprotected", f"{subject.title}: unprotected = true lets the key be deleted, and with it "
                       "every object and secret it encrypts; remove `unprotected` (keys are deletion-protected by "
                       "default).")
    return Finding(PASS, "unprotected", "deletion-protected")


def _go_days(period):
    """Days in a Go duration ('720h', '2160h0m0s'), or None when it is not one."""
    if not isinstance(period, str) or not GO_DURATION.match(period.strip()):
        return None
    return sum(float(n) * GO_SECONDS[unit] for n, unit in GO_UNIT.findall(period.strip())) / 86400

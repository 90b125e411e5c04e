"""Key rotation: Cloud KMS and Scaleway Key Manager symmetric keys rotate at most every `maxRotationDays`, and Key
Manager keys keep their deletion protection."""
from __future__ import annotations

import re

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


def evaluate(subject: Subject, max_days: float) -> list:
    """Findings for a CryptoKey or Key Manager key; an empty list when not applicable (other types, non-symmetric
    Cloud KMS keys)."""
    if subject.token in KEY_MANAGER_KEYS:
        return _key_manager(subject, max_days)
    if subject.token != CRYPTO_KEY:
        return []
    purpose = subject.props.get("purpose") or SYMMETRIC
    if is_unknown(purpose) or isinstance(purpose, str) and purpose.upper() != SYMMETRIC:
        return []
    period = subject.props.get("rotationPeriod")
    if is_unknown(period):
        return [Finding(UNKNOWN, "rotationPeriod", f"{subject.title}: rotationPeriod can't be known during preview.")]
    if not period:
        return [Finding(FAIL, "rotationPeriod", f"{subject.title}: rotationPeriod is not set, so the key never "
                        f"rotates; set it to at most {max_days:g} days (e.g. '{int(max_days) * 86400}s').")]
    match = SECONDS.match(period) if isinstance(period, str) else None
    if not match:
        shown = f"= {quote(period)}" if isinstance(period, str) else f"is {kind(period)}, which"
        return [Finding(FAIL, "rotationPeriod", f"{subject.title}: rotationPeriod {shown} is not a duration in "
                        f"seconds: set it to at most '{int(max_days) * 86400}s'.")]
    days = float(match.group(1)) / 86400
    if days > max_days:
        return [Finding(FAIL, "rotationPeriod", f"{subject.title}: rotationPeriod = {quote(period)} is {days:g} days, "
                        f"longer than the allowed {max_days:g}; set it to at most '{int(max_days) * 86400}s'.")]
    return [Finding(PASS, "rotationPeriod", f"rotates every {days:g} days")]


def _key_manager(subject: Subject, max_days: float) -> list:
    """A symmetric Key Manager key rotates within max_days; every key keeps its deletion protection."""
    findings = []
    unprotected = subject.props.get("unprotected")
    if is_unknown(unprotected):
        findings.append(Finding(UNKNOWN, "unprotected", f"{subject.title}: unprotected can't be known during preview."))
    elif unprotected is True:
        findings.append(Finding(FAIL, "unprotected", f"{subject.title}: unprotected = true lets the key be deleted, "
                                "and with it every object and secret it encrypts; remove `unprotected` (keys are "
                                "deletion-protected by default)."))
    else:
        findings.append(Finding(PASS, "unprotected", "deletion-protected"))
    usage = subject.props.get("usage")
    if is_unknown(usage):
        return findings + [Finding(UNKNOWN, "usage", f"{subject.title}: usage can't be known during preview.")]
    if not isinstance(usage, str) or usage.strip().lower() != SCW_SYMMETRIC:
        return findings  # asymmetric keys cannot rotate
    period = get(subject.props, "rotationPolicy.rotationPeriod")
    wanted = f"'{int(max_days) * 24}h'"
    if is_unknown(period):
        return findings + [Finding(UNKNOWN, "rotationPolicy.rotationPeriod", f"{subject.title}: "
                                   "rotationPolicy.rotationPeriod can't be known during preview.")]
    if period is MISSING or period is None or period == "":
        return findings + [Finding(FAIL, "rotationPolicy.rotationPeriod", f"{subject.title}: rotationPolicy is not "
                                   f"set, so the key never rotates; set rotationPolicy.rotationPeriod to at most "
                                   f"{max_days:g} days (e.g. {wanted}).")]
    days = _go_days(period)
    if days is None:
        shown = f"= {quote(period)}" if isinstance(period, str) else f"is {kind(period)}, which"
        return findings + [Finding(FAIL, "rotationPolicy.rotationPeriod", f"{subject.title}: "
                                   f"rotationPolicy.rotationPeriod {shown} is not a duration such as '720h': set it "
                                   f"to at most {wanted}.")]
    if days > max_days:
        return findings + [Finding(FAIL, "rotationPolicy.rotationPeriod", f"{subject.title}: "
                                   f"rotationPolicy.rotationPeriod = {quote(period)} is {days:g} days, longer than "
                                   f"the allowed {max_days:g}; set it to at most {wanted}.")]
    return findings + [Finding(PASS, "rotationPolicy.rotationPeriod", f"rotates every {days:g} days")]


def _go_days(period):
    """Days in a Go duration ('720h', '2160h0m0s'), or None when it is not one."""
    if not isinstance(period, str) or not GO_DURATION.match(period.strip()):
        return None
    return sum(float(n) * GO_SECONDS[unit] for n, unit in GO_UNIT.findall(period.strip())) / 86400

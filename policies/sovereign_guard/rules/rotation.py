"""Key rotation: Cloud KMS symmetric keys rotate at most every `maxRotationDays`."""
from __future__ import annotations

import re

from .outcome import FAIL, PASS, UNKNOWN, Finding, Subject, quote
from .props import is_unknown, kind

CRYPTO_KEY = "gcp:kms/cryptoKey:CryptoKey"
SYMMETRIC = "ENCRYPT_DECRYPT"  # the default purpose; other purposes (asymmetric, MAC, raw) cannot auto-rotate
SECONDS = re.compile(r"^\s*(\d+(?:\.\d+)?)s\s*$")


def applies(token: str) -> bool:
    return token == CRYPTO_KEY


def schedule(subject: Subject):
    """A CryptoKey's rotation: None when not applicable (other types, non-symmetric keys); else (days, period):
    days is a number, UNKNOWN (known only after deployment), or None when unset or not a duration in seconds."""
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


def evaluate(subject: Subject, max_days: float) -> list:
    """Findings for a CryptoKey; an empty list when not applicable (other types, non-symmetric keys)."""
    found = schedule(subject)
    if found is None:
        return []
    days, period = found
    if days is UNKNOWN:
        return [Finding(UNKNOWN, "rotationPeriod", f"{subject.title}: rotationPeriod can't be known during preview.")]
    if not period:
        return [Finding(FAIL, "rotationPeriod", f"{subject.title}: rotationPeriod is not set, so the key never "
                        f"rotates; set it to at most {max_days:g} days (e.g. '{int(max_days) * 86400}s').")]
    if days is None:
        shown = f"= {quote(period)}" if isinstance(period, str) else f"is {kind(period)}, which"
        return [Finding(FAIL, "rotationPeriod", f"{subject.title}: rotationPeriod {shown} is not a duration in "
                        f"seconds: set it to at most '{int(max_days) * 86400}s'.")]
    if days > max_days:
        return [Finding(FAIL, "rotationPeriod", f"{subject.title}: rotationPeriod = {quote(period)} is {days:g} days, "
                        f"longer than the allowed {max_days:g}; set it to at most '{int(max_days) * 86400}s'.")]
    return [Finding(PASS, "rotationPeriod", f"rotates every {days:g} days")]

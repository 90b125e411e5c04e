"""Secret stack config (`key: {secure: v1:...}`): decrypted for the passphrase secrets provider, else a placeholder.

The passphrase provider's format, from github.com/pulumi/pulumi v3.272.0 (`sdk/go/common/resource/config/crypt.go`
NewSymmetricCrypterFromPassphrase and symmetricCrypter, `pkg/secrets/passphrase/manager.go`): the stack file's
`encryptionsalt` is `v1:<base64 salt>:v1:<base64 nonce>:<base64 ciphertext>`; the key is PBKDF2-HMAC-SHA256 of the
passphrase over the salt, 1,000,000 iterations, 32 bytes; the trailing `v1:<nonce>:<ciphertext>` is AES-256-GCM of
"pulumi" (checks the passphrase), and each `secure:` value is `v1:<base64 nonce>:<base64 ciphertext>` under the same
key. The passphrase comes from PULUMI_CONFIG_PASSPHRASE, else the file PULUMI_CONFIG_PASSPHRASE_FILE names (its
content trimmed), as the CLI reads them.

Other providers (the Pulumi service, cloud KMS, Vault) need their service: their secrets become a placeholder that is
no location and no key, so a judged field that holds one fails closed with a message saying why.
"""
from __future__ import annotations

import base64
import os
from functools import lru_cache
from pathlib import Path
from typing import Optional

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from ..engine.wire import unreadable_secret
from .errors import ProjectError

ITERATIONS, KEY_BYTES = 1_000_000, 32
NO_PASSPHRASE = unreadable_secret("set PULUMI_CONFIG_PASSPHRASE to read it")


@lru_cache(maxsize=8)
def _key(passphrase: str, salt: bytes) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, iterations=ITERATIONS)
    return kdf.derive(passphrase.encode())


def decrypt_value(key: bytes, value: str) -> str:
    """`v1:<nonce>:<ciphertext>` -> plaintext (ValueError when it is malformed or the key is wrong)."""
    parts = value.split(":")
    if len(parts) != 3 or parts[0] != "v1":
        raise ValueError("not a v1 passphrase-encrypted value")
    try:
        return AESGCM(key).decrypt(base64.b64decode(parts[1]), base64.b64decode(parts[2]), None).decode()
    except (InvalidTag, ValueError) as error:
        raise ValueError("cannot be decrypted with this passphrase") from error


def passphrase() -> Optional[str]:
    """PULUMI_CONFIG_PASSPHRASE, else the trimmed content of PULUMI_CONFIG_PASSPHRASE_FILE, else None."""
    if "PULUMI_CONFIG_PASSPHRASE" in os.environ:
        return os.environ["PULUMI_CONFIG_PASSPHRASE"]
    path = os.environ.get("PULUMI_CONFIG_PASSPHRASE_FILE")
    if path:
        try:
            return Path(path).read_text().strip()
        except OSError as error:
            raise ProjectError(f"unable to read PULUMI_CONFIG_PASSPHRASE_FILE {path}: {error}") from None
    return None


class Secrets:
    """Reads one stack file's `secure:` values: `read(ciphertext)` gives the plaintext or the placeholder."""

    def __init__(self, stack_file: Path, spec: dict):
        self.stack_file = stack_file
        provider = str(spec.get("secretsprovider") or "")
        salt = spec.get("encryptionsalt")
        self.key: Optional[bytes] = None
        self.note = ""
        if salt and provider in ("", "passphrase", "default"):
            self.placeholder = NO_PASSPHRASE
            phrase = passphrase()
            if phrase is None:
                self.note = (f"{stack_file.name}: secrets stay placeholders: set PULUMI_CONFIG_PASSPHRASE (or "
                             "PULUMI_CONFIG_PASSPHRASE_FILE) to decrypt them")
            else:
                self.key = self._unlock(phrase, salt)
        else:
            scheme = provider.split("://", 1)[0] or "the Pulumi service"
            self.placeholder = unreadable_secret(f"{scheme} secrets are not read offline")
            self.note = (f"{stack_file.name}: secrets are encrypted by {scheme}, which the offline check does not "
                         "call; they stay placeholders (a location or key held in one fails closed)")

    def _unlock(self, phrase: str, state: str) -> bytes:
        parts = str(state).split(":", 2)
        if len(parts) != 3 or parts[0] != "v1":
            raise ProjectError(f"{self.stack_file}: encryptionsalt is not a v1 passphrase state")
        key = _key(phrase, base64.b64decode(parts[1]))
        try:
            if decrypt_value(key, parts[2]) == "pulumi":
                return key
        except ValueError:
            pass
        raise ProjectError(f"{self.stack_file}: incorrect passphrase: PULUMI_CONFIG_PASSPHRASE(_FILE) does not "
                           "unlock this stack's secrets")

    def read(self, ciphertext: str) -> str:
        if self.key is None:
            return self.placeholder
        try:
            return decrypt_value(self.key, str(ciphertext))
        except ValueError as error:
            raise ProjectError(f"{self.stack_file}: a secure value {error}") from None

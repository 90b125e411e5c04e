"""Pulumi's passphrase secrets provider, read from a stack file written with Pulumi's own algorithm
(tests/data/passphrase/vector.go)."""
from pathlib import Path

import pytest
import yaml

from sovereign_guard_tools.program import secrets
from sovereign_guard_tools.program.errors import ProjectError

DATA = Path(__file__).parent / "data" / "passphrase"
SPEC = yaml.safe_load((DATA / "Pulumi.vector.yaml").read_text())


def test_values_written_by_pulumis_algorithm_decrypt(monkeypatch):
    monkeypatch.setenv("PULUMI_CONFIG_PASSPHRASE", "correct horse battery staple")
    reader = secrets.Secrets(DATA / "Pulumi.vector.yaml", SPEC)
    plain = {key: reader.read(value["secure"]) for key, value in SPEC["config"].items()}
    assert plain == {"app:region": "europe-west9", "app:dbPassword": "s3cr3t-db-password",
                     "app:backupRegion": "us-central1"}
    assert reader.note == ""


def test_a_wrong_passphrase_or_a_tampered_value_is_refused(monkeypatch):
    monkeypatch.setenv("PULUMI_CONFIG_PASSPHRASE", "wrong")
    with pytest.raises(ProjectError, match="incorrect passphrase"):
        secrets.Secrets(DATA / "Pulumi.vector.yaml", SPEC)
    monkeypatch.setenv("PULUMI_CONFIG_PASSPHRASE", "correct horse battery staple")
    reader = secrets.Secrets(DATA / "Pulumi.vector.yaml", SPEC)
    nonce, ciphertext = SPEC["config"]["app:region"]["secure"].split(":")[1:]
    with pytest.raises(ProjectError, match="cannot be decrypted"):
        reader.read(f"v1:{nonce}:{'A' + ciphertext[1:]}")


def test_without_a_passphrase_every_secret_is_the_placeholder():
    reader = secrets.Secrets(DATA / "Pulumi.vector.yaml", SPEC)
    assert reader.read(SPEC["config"]["app:region"]["secure"]) == secrets.NO_PASSPHRASE
    assert "PULUMI_CONFIG_PASSPHRASE" in reader.note

"""The offline check as users meet it: `cd my-infra && sovereign-guard check` on a project outside this repository,
with its own Pulumi.yaml, stack files, secrets and virtualenv (tests/user_project.py makes them)."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sovereign_guard_tools import cli
from sovereign_guard_tools.engine.run import REPO
from sovereign_guard_tools.engine.wire import SECRET_SIG, SECRET_SIG_KEY
from sovereign_guard_tools.program import check
from sovereign_guard_tools.program.check import check_stacks
from user_project import ONLY_IN_THE_PROJECT_VENV, line_of, make_project

PASSPHRASE = "correct horse battery staple"  # tests/data/passphrase: Pulumi's format, written by vector.go
VECTOR = yaml.safe_load((Path(__file__).parent / "data" / "passphrase" / "Pulumi.vector.yaml").read_text())

PARIS = {"config": {"gcp:project": "acme-paris", "gcp:region": "europe-west9", "app:region": "europe-west9"}}

COMPLIANT = f"""
    import pulumi
    import pulumi_gcp as gcp
    import {ONLY_IN_THE_PROJECT_VENV}

    print("programs print")  # to stdout, which carries the runner's result: it must not get in the way
    region = pulumi.Config().require("region")
    ring = gcp.kms.KeyRing("keys", name={ONLY_IN_THE_PROJECT_VENV}.name("keys"), location=region)
    key = gcp.kms.CryptoKey("data", key_ring=ring.id, rotation_period="7776000s")
    gcp.storage.Bucket("assets", location=region,
                       encryption=gcp.storage.BucketEncryptionArgs(default_kms_key_name=key.id))
"""


def run_cli(capsys, *argv) -> tuple:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def mandatory(out: str) -> set:
    """{(policy, resource name)} of the mandatory violations in a JSON report."""
    return {(v["policy"], v["resource"]["name"]) for s in json.loads(out)["stacks"] for v in s["violations"]
            if v["level"] == "mandatory"}


# 1. `sovereign-guard check` with no argument checks the project in the current directory ------------------------

def test_check_without_argument_checks_the_project_in_the_current_directory(tmp_path, monkeypatch, capsys,
                                                                               user_venv):
    project = make_project(tmp_path / "my-infra", COMPLIANT, stacks={"paris": PARIS}, venv=user_venv)
    monkeypatch.chdir(project)
    code, out, err = run_cli(capsys, "check")
    assert (code, err) == (0, "")
    assert out.startswith("app/paris (preview): 5 resources, 0 mandatory")
    assert "sovereign-guard-samples" not in out


def test_check_in_this_repository_or_with_samples_checks_the_samples(tmp_path, monkeypatch, capsys):
    asked = []
    monkeypatch.setattr(cli, "check_stacks", lambda root, stacks, **kw: asked.append((Path(root), stacks)) or [])
    monkeypatch.chdir(REPO)
    cli.main(["check"])
    monkeypatch.chdir(tmp_path)
    cli.main(["check", "--samples"])
    samples = sorted(p.name[len("Pulumi."):-len(".yaml")] for p in (REPO / "stacks").glob("Pulumi.*.yaml"))
    assert asked == [(REPO, samples), (REPO, samples)]


def test_a_directory_without_pulumi_yaml_is_refused_with_what_to_do(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, "check")
    assert code == 2 and "no Pulumi.yaml" in err and "Pulumi project directory" in err


# 2. secrets: decrypted with the passphrase provider, placeholders that fail closed otherwise ---------------------

SECRET_PROGRAM = f"""
    import pulumi
    import pulumi_gcp as gcp
    import {ONLY_IN_THE_PROJECT_VENV}

    cfg = pulumi.Config()
    region = cfg.require("region")
    password = cfg.require_secret("dbPassword")
    ring = gcp.kms.KeyRing("keys", location=region)
    key = gcp.kms.CryptoKey("data", key_ring=ring.id, rotation_period="7776000s")
    gcp.storage.Bucket("assets", location=region,
                       encryption=gcp.storage.BucketEncryptionArgs(default_kms_key_name=key.id))
    pulumi.export("password_length", password.apply(len))
"""


def secret_stack(provider: dict = None) -> dict:
    secure = {k: v for k, v in VECTOR["config"].items() if k != "app:backupRegion"}
    spec = provider or {"encryptionsalt": VECTOR["encryptionsalt"]}
    return dict(spec, config={"gcp:project": "acme-paris", "gcp:region": "europe-west9", **secure})


@pytest.fixture
def secret_project(tmp_path, user_venv):
    return make_project(tmp_path / "secret-infra", SECRET_PROGRAM, stacks={"prod": secret_stack()}, venv=user_venv)


def test_passphrase_secrets_are_decrypted_and_the_stack_judged(secret_project, monkeypatch, capsys):
    monkeypatch.setenv("PULUMI_CONFIG_PASSPHRASE", PASSPHRASE)
    code, out, err = run_cli(capsys, "check", str(secret_project), "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["stacks"][0]["notes"] == []


def test_the_passphrase_file_is_read_as_the_cli_reads_it(secret_project, tmp_path, monkeypatch, capsys):
    (tmp_path / "passphrase").write_text(PASSPHRASE + "\n")
    monkeypatch.setenv("PULUMI_CONFIG_PASSPHRASE_FILE", str(tmp_path / "passphrase"))
    assert run_cli(capsys, "check", str(secret_project))[0] == 0


def test_without_the_passphrase_a_secret_location_fails_closed_and_says_why(secret_project, capsys):
    code, out, err = run_cli(capsys, "check", str(secret_project))
    assert code == 1 and err == ""
    assert "note: Pulumi.prod.yaml: secrets stay placeholders: set PULUMI_CONFIG_PASSPHRASE" in out
    lines = [line for line in out.splitlines() if "x [" in line]
    placeholder = "'[encrypted secret: set PULUMI_CONFIG_PASSPHRASE to read it]'"
    assert sorted(line.split("]")[0].strip() for line in lines) == ["x [data-residency, mandatory"] * 2 + [
        "x [key-custody, mandatory"]
    assert all(placeholder in line and "catalog does not know" in line or "catalog knows" in line for line in lines)


def test_a_wrong_passphrase_is_a_usage_error(secret_project, monkeypatch, capsys):
    monkeypatch.setenv("PULUMI_CONFIG_PASSPHRASE", "wrong")
    code, out, err = run_cli(capsys, "check", str(secret_project))
    assert code == 2 and "incorrect passphrase" in err


def test_cloud_kms_secrets_stay_placeholders_said_once(tmp_path, user_venv, capsys):
    kms = {"secretsprovider": "gcpkms://projects/acme-keys/locations/europe-west9/keyRings/pulumi/cryptoKeys/state",
           "encryptedkey": "CiQAexample"}
    project = make_project(tmp_path / "kms-infra", SECRET_PROGRAM, stacks={"prod": secret_stack(kms)},
                           venv=user_venv)
    code, out, err = run_cli(capsys, "check", str(project))
    notes = [line for line in out.splitlines() if "note:" in line]
    assert code == 1 and notes == ["  note: Pulumi.prod.yaml: secrets are encrypted by gcpkms, which the offline "
                                   "check does not call; they stay placeholders (a location or key held in one "
                                   "fails closed)"]
    assert out.count("'[encrypted secret: gcpkms secrets are not read offline]'") == 3


# 3. --update: plausible computed outputs; the program's own errors shown whole -----------------------------------

OUTPUTS_PROGRAM = f"""
    import pulumi
    import pulumi_gcp as gcp
    import {ONLY_IN_THE_PROJECT_VENV}

    region = pulumi.Config().require("region")
    ring = gcp.kms.KeyRing("keys", location=region)
    key = gcp.kms.CryptoKey("data", key_ring=ring.id, rotation_period="7776000s")
    db = gcp.sql.DatabaseInstance("orders", region=region, database_version="POSTGRES_15",
                                  encryption_key_name=key.id,
                                  settings=gcp.sql.DatabaseInstanceSettingsArgs(tier="db-f1-micro"))
    instance = db.connection_name.apply(lambda name: name.split(":")[2])
    gcp.cloudrunv2.Service("api", location=region, template=gcp.cloudrunv2.ServiceTemplateArgs(
        encryption_key=key.id, containers=[gcp.cloudrunv2.ServiceTemplateContainerArgs(
            image="europe-west9-docker.pkg.dev/acme/app/api:1",
            envs=[gcp.cloudrunv2.ServiceTemplateContainerEnvArgs(name="DB", value=db.connection_name),
                  gcp.cloudrunv2.ServiceTemplateContainerEnvArgs(name="INSTANCE", value=instance)])]))
    cluster = gcp.container.Cluster("gke", location=region, initial_node_count=1,
        database_encryption=gcp.container.ClusterDatabaseEncryptionArgs(state="ENCRYPTED", key_name=key.id),
        node_config=gcp.container.ClusterNodeConfigArgs(boot_disk_kms_key=key.id))
    kubeconfig = pulumi.Output.all(cluster.endpoint, cluster.master_auth.cluster_ca_certificate).apply(
        lambda args: "server: https://" + args[0] + "\\nca: " + args[1])
    bucket = gcp.storage.Bucket("configs", location=region,
                                encryption=gcp.storage.BucketEncryptionArgs(default_kms_key_name=key.id))
    gcp.storage.BucketObject("kubeconfig", bucket=bucket.name, content=kubeconfig, kms_key_name=key.id)
"""


def test_update_gives_programs_plausible_computed_outputs(tmp_path, user_venv, capsys):
    project = make_project(tmp_path / "outputs-infra", OUTPUTS_PROGRAM, stacks={"paris": PARIS}, venv=user_venv)
    code, out, err = run_cli(capsys, "check", str(project), "--update")
    assert (code, err) == (0, "")  # the outputs made up for the program add no violation
    result = check_stacks(project, ["paris"], preview=False)[0]  # the same capture, from the cache
    props = {r.name: r.props for r in result.resources}
    connection, instance = (e["value"] for e in props["api"]["template"]["containers"][0]["envs"])
    assert re.fullmatch(r"acme-paris:europe-west9:orders-[0-9a-f]{7}", connection)
    assert connection.endswith(":" + instance)
    content = props["kubeconfig"]["content"]  # a secret: the SDK marks masterAuth secret, and what it flows into
    assert content[SECRET_SIG_KEY] == SECRET_SIG
    assert re.fullmatch(r"server: https://10\.\d+\.\d+\.\d+\nca: [A-Za-z0-9+/=]{40,}", content["value"])
    assert props["kubeconfig"]["bucket"].startswith("configs-")  # autonamed, as Pulumi names it
    assert out.startswith("app/paris (update): ")


def test_errors_of_the_program_are_shown_whole(tmp_path, user_venv, capsys):
    message = " ".join(f"word{i}" for i in range(1500)) + " END"
    program = f'import pulumi\n\n\nraise ValueError("{message}")\n'
    project = make_project(tmp_path / "broken", program, stacks={"dev": PARIS}, venv=user_venv)
    code, out, err = run_cli(capsys, "check", str(project), "--update")
    assert code == 2
    assert message in err and f'{project / "__main__.py"}", line 4, in <module>' in err
    assert "mocks.py" not in err  # the runner's own frames before the program's say nothing


# 4. the project's virtualenv (or toolchain), or exactly what to install where ------------------------------------

def test_the_program_runs_with_the_project_virtualenv(tmp_path, user_venv, capsys):
    project = make_project(tmp_path / "venv-infra", COMPLIANT, stacks={"paris": PARIS}, venv=user_venv)
    assert run_cli(capsys, "check", str(project))[0] == 0  # acme_naming is only in the project's virtualenv
    without = make_project(tmp_path / "no-venv-option", COMPLIANT, stacks={"paris": PARIS})
    code, out, err = run_cli(capsys, "check", str(without))
    assert code == 2 and f"the program imports '{ONLY_IN_THE_PROJECT_VENV}', which is not installed in the " \
                         f"interpreter {sys.executable}" in err
    assert f"{sys.executable} -m pip install -r {without}/requirements.txt" in err


def test_a_missing_dependency_says_what_to_install_where(tmp_path, user_venv, capsys):
    program = "import pulumi\nimport pulumi_random\n"
    project = make_project(tmp_path / "infra", program, stacks={"dev": PARIS}, venv=user_venv)
    code, out, err = run_cli(capsys, "check", str(project))
    venv = project / "venv"
    assert code == 2
    assert (f"the program imports 'pulumi_random', which is not installed in the virtualenv {venv.resolve()} "
            f"(toolchain pip). Install the program's dependencies there: {venv.resolve()}/bin/python -m pip "
            f"install -r {project}/requirements.txt (or `pulumi install`)") in err


def test_a_virtualenv_without_pulumi_says_so(tmp_path, bare_venv, capsys):
    project = make_project(tmp_path / "infra", COMPLIANT, stacks={"dev": PARIS}, venv=bare_venv)
    code, out, err = run_cli(capsys, "check", str(project))
    assert code == 2 and "cannot import 'pulumi'" in err and "the program's environment has no pulumi" in err


@pytest.mark.parametrize("options, files, expected", [
    ({"virtualenv": "venv"}, [], "runtime.options.virtualenv is 'venv', but {root}/venv does not exist; create it: "
                                 "python3 -m venv {root}/venv && {root}/venv/bin/python -m pip install -r "
                                 "{root}/requirements.txt (or `pulumi install`)"),
    ({"toolchain": "uv"}, [], "the toolchain is uv, but its environment {root}/.venv does not exist; create it: "
                              "cd {root} && uv sync"),
    ({}, ["uv.lock"], "the toolchain is uv, but its environment {root}/.venv does not exist"),
])
def test_a_toolchain_environment_that_does_not_exist_says_how_to_create_it(tmp_path, capsys, options, files,
                                                                           expected, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    project = make_project(tmp_path / "infra", COMPLIANT, options=options, stacks={"dev": PARIS})
    for name in files:
        (project / name).write_text("")
    code, out, err = run_cli(capsys, "check", str(project))
    assert code == 2 and expected.format(root=project) in err


def test_poetry_without_poetry_says_what_to_install(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    project = make_project(tmp_path / "infra", COMPLIANT, options={"toolchain": "poetry"}, stacks={"dev": PARIS})
    code, out, err = run_cli(capsys, "check", str(project))
    assert code == 2 and f"`poetry` is not on PATH; install poetry, then: cd {project} && poetry install" in err


# 5. project config in Pulumi.yaml, as the CLI applies it; no stack file -----------------------------------------

CONFIG_PROGRAM = f"""
    import pulumi
    import pulumi_gcp as gcp
    import {ONLY_IN_THE_PROJECT_VENV}

    cfg = pulumi.Config()
    region = cfg.require("region")
    assert cfg.require_int("replicas") == 2 and cfg.require_bool("versioned") is True
    ring = gcp.kms.KeyRing("keys", location=region)
    key = gcp.kms.CryptoKey("data", key_ring=ring.id, rotation_period="7776000s")
    for i in range(cfg.require_int("replicas")):
        gcp.storage.Bucket(f"assets-{{i}}", location=region,
                           encryption=gcp.storage.BucketEncryptionArgs(default_kms_key_name=key.id))
"""
PROJECT_CONFIG = {"region": {"type": "string", "default": "europe-west9"},
                  "replicas": {"type": "integer", "default": 2}, "versioned": True,
                  "gcp:project": "acme-paris", "gcp:region": "europe-west9"}


def test_project_config_applies_and_no_stack_file_is_said(tmp_path, user_venv, capsys):
    project = make_project(tmp_path / "infra", CONFIG_PROGRAM, config=PROJECT_CONFIG, venv=user_venv)
    code, out, err = run_cli(capsys, "check", str(project))
    assert (code, err) == (0, "")
    assert out.startswith("app/dev (preview): 6 resources, 0 mandatory")
    assert "note: no stack file Pulumi.dev.yaml: checked with the project config of Pulumi.yaml only" in out


def test_a_stack_value_wins_over_the_project_default(tmp_path, user_venv, capsys):
    project = make_project(tmp_path / "infra", CONFIG_PROGRAM, config=PROJECT_CONFIG, venv=user_venv,
                           stacks={"us": {"config": {"app:region": "us-central1"}}})
    code, out, err = run_cli(capsys, "check", str(project), "--format", "json")
    assert code == 1 and ("data-residency", "assets-1") in mandatory(out)


@pytest.mark.parametrize("config, stack, expected", [
    ({"region": {"type": "string"}}, {}, "Stack 'dev' is missing configuration value 'region'"),
    ({"replicas": {"type": "integer"}}, {"app:replicas": "two"},
     "Stack 'dev' with configuration key 'replicas' must be of type 'integer'"),
    ({"replicas": {"type": "integer", "default": "two"}}, {}, "the default value of 'replicas' is not of the "
                                                              "expected type 'integer'"),
])
def test_project_config_errors_are_the_clis(tmp_path, capsys, config, stack, expected):
    project = make_project(tmp_path / "infra", CONFIG_PROGRAM, config=config, stacks={"dev": {"config": stack}})
    code, out, err = run_cli(capsys, "check", str(project))
    assert code == 2 and expected in err


# 6. reports point at the program line that declared a provider, and at Pulumi.yaml for the Stack -----------------

PROVIDER_PROGRAM = """
    import pulumi
    import pulumi_gcp as gcp

    iowa = gcp.Provider("iowa", region="us-central1", project="acme")
    gcp.storage.Bucket("assets", location="europe-west9", opts=pulumi.ResourceOptions(provider=iowa))
    gcp.storage.Bucket("logs", location="europe-west9")  # on the default provider
"""


def test_sarif_and_junit_point_providers_at_the_program_and_the_stack_at_pulumi_yaml(tmp_path, user_venv, capsys):
    project = make_project(tmp_path / "infra", PROVIDER_PROGRAM, stacks={"dev": PARIS}, venv=user_venv)
    main, spec, stack = project / "__main__.py", project / "Pulumi.yaml", project / "Pulumi.dev.yaml"
    code, out, err = run_cli(capsys, "check", str(project), "--format", "sarif")
    assert code == 1
    sarif = json.loads(out)
    results = {r["locations"][0]["logicalLocations"][0]["name"]: r["locations"][0]["physicalLocation"]
               for r in sarif["runs"][0]["results"] if r["ruleId"] == "provider-jurisdiction"}
    assert results["iowa"]["artifactLocation"]["uri"] == main.as_uri()
    assert results["iowa"]["region"]["startLine"] == line_of(main, 'gcp.Provider("iowa"')
    junit = cli_output(capsys, project, "junit")
    cases = re.findall(r'<testcase classname="dev\.([^"]+)" name="data-residency" file="([^"]+)"(?: line="(\d+)")?',
                       junit)
    where = {classname: (file, line) for classname, file, line in cases}
    assert where["pulumi:pulumi:Stack.app-dev"] == (str(spec), str(line_of(spec, "name:")))
    assert where["pulumi:providers:gcp.iowa"] == (str(main), str(line_of(main, 'gcp.Provider("iowa"')))
    assert where["gcp:storage/bucket:Bucket.assets"] == (str(main), str(line_of(main, 'Bucket("assets"')))
    default = next(name for name in where if name.startswith("pulumi:providers:gcp.default_"))  # default_<version>
    assert where[default] == (str(stack), str(line_of(stack, "gcp:")))  # its config
    assert not any("site-packages" in file for file, _ in where.values())


def cli_output(capsys, project: Path, fmt: str) -> str:
    cli.main(["check", str(project), "--format", fmt])
    return capsys.readouterr().out


# 7. config mistakes are not silent; one --jurisdiction for every policy ------------------------------------------

def test_a_misspelt_policy_name_is_rejected_with_the_closest(tmp_path, user_venv, capsys):
    project = make_project(tmp_path / "infra", COMPLIANT, stacks={"paris": PARIS}, venv=user_venv)
    config = tmp_path / "policy.json"
    config.write_text('{"data-residncy": {"jurisdiction": "fr-trusted"}}')
    code, out, err = run_cli(capsys, "check", str(project), "--policy-pack-config", str(config))
    assert code == 2 and "'data-residncy' is not a policy of this pack: did you mean 'data-residency'?" in err


def test_jurisdiction_applies_to_every_policy(tmp_path, user_venv, capsys):
    belgium = {"config": {"gcp:project": "acme", "gcp:region": "europe-west1", "app:region": "europe-west1"}}
    project = make_project(tmp_path / "infra", COMPLIANT, stacks={"brussels": belgium}, venv=user_venv)
    assert run_cli(capsys, "check", str(project))[0] == 0
    code, out, err = run_cli(capsys, "check", str(project), "--jurisdiction", "FR", "--format", "json")
    assert code == 1
    assert {policy for policy, _ in mandatory(out)} == {"data-residency", "provider-jurisdiction", "key-custody"}
    assert "outside the allowed countries (FR)" in out


def test_the_policy_config_for_pulumi_preview_repeats_the_jurisdiction_per_policy(capsys):
    code, out, err = run_cli(capsys, "policy-config", "--jurisdiction", "EEA")
    assert code == 0 and out == (REPO / "docs" / "recipes" / "eea.json").read_text()


def test_jurisdictions_are_validated_the_same_way_everywhere(capsys, tmp_path):
    assert run_cli(capsys, "locations", "--jurisdiction", "EU")[1] == run_cli(capsys, "locations")[1]
    for argv in (["locations", "--jurisdiction", "xx"], ["check", "--jurisdiction", "xx"]):
        with pytest.raises(SystemExit) as exited:
            cli.main(argv)
        assert exited.value.code == 2 and "'XX' is not an ISO 3166-1 country code" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["locations", "--jurisdiction", "europa"])
    assert "did you mean 'europe'?" in capsys.readouterr().err
    config = tmp_path / "policy.json"
    config.write_text('{"data-residency": {"jurisdiction": ["FR", "XX"]}}')
    code, out, err = run_cli(capsys, "check", str(REPO), "--stack", "gcp-paris", "--policy-pack-config", str(config))
    assert code == 2 and "data-residency: jurisdiction: 'XX' is not an ISO 3166-1 country code" in err


# 8. wording -------------------------------------------------------------------------------------------------------

WORDING_PROGRAM = """
    import pulumi
    import pulumi_gcp as gcp

    gcp.storage.Bucket("no-key", location="europe-west9")
    gcp.storage.Bucket("tokyo", location="asia-northeast1")
    gcp.compute.Disk("no-zone", size=10)
    gcp.kms.KeyRing("ring-eu", location="eu")
    gcp.storage.Bucket("eu-key", location="europe-west9", encryption=gcp.storage.BucketEncryptionArgs(
        default_kms_key_name="projects/acme-keys-prod/locations/eu/keyRings/data-platform/cryptoKeys/storage-objects"))
"""


def test_messages_read_well(tmp_path, user_venv, capsys):
    paris_without_zone = {"config": {"gcp:project": "acme", "gcp:region": "europe-west9"}}
    project = make_project(tmp_path / "infra", WORDING_PROGRAM, stacks={"dev": paris_without_zone}, venv=user_venv)
    code, out, err = run_cli(capsys, "check", str(project))
    assert code == 1
    assert "no customer-managed key encrypts its objects: set encryption.defaultKmsKeyName" in out
    assert "location = 'asia-northeast1' (Tokyo, Japan) is not allowed: it places data in Japan (JP)" in out
    assert "zone is not set and the provider's zone gives none" in out
    assert "e.g. europe-west9-a (Paris, zone a), europe-west9-b (Paris, zone b) or europe-west9-c" in out
    assert "location = 'eu': not a location the catalog knows, so its country cannot be established (Cloud KMS " \
           "calls this multi-region 'europe')" in out
    assert "(key name 'projects/acme-keys-prod/locations/eu/keyRings/data-platform/cryptoKeys/storage-objects') " \
           "is in 'eu', a location the catalog does not know (Cloud KMS calls this multi-region 'europe')." in out
    assert "...'" not in out and "…" not in out


def test_a_closed_pipe_is_no_error():
    done = subprocess.run(f"{sys.executable} -m sovereign_guard_tools.cli locations | head -n 1", shell=True,
                          capture_output=True, text=True, cwd=REPO)
    assert done.stdout.startswith("gcp:") and done.stderr == ""


# 9. speed: several stacks in one program process, captures cached ----------------------------------------------

def test_stacks_of_one_project_run_in_one_program_process_and_are_cached(tmp_path, user_venv, monkeypatch):
    brussels = {"config": {"gcp:project": "acme", "gcp:region": "europe-west1", "app:region": "europe-west1"}}
    project = make_project(tmp_path / "infra", COMPLIANT, stacks={"paris": PARIS, "brussels": brussels},
                           venv=user_venv)
    started = []
    popen = subprocess.Popen

    def spy(command, **kw):
        if str(check.RUNNER) in command:
            started.append(command)
        return popen(command, **kw)
    monkeypatch.setattr(check.subprocess, "Popen", spy)
    first = check_stacks(project)
    again = check_stacks(project)
    assert len(started) == 1  # one program process for both stacks, none the second time
    assert [r.stack for r in first] == ["brussels", "paris"]
    assert [[x.props for x in r.resources] for r in first] == [[x.props for x in r.resources] for r in again]
    (project / "__main__.py").write_text((project / "__main__.py").read_text() + "\n# changed\n")
    check_stacks(project, ["paris"])
    assert len(started) == 2  # a changed program runs again

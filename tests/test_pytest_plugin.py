"""The `sovereign_guard` fixture, used from a team's own test suite the way its README shows."""
import textwrap

pytest_plugins = ["pytester"]

PROGRAM = """
    import pulumi
    import pulumi_gcp as gcp

    region = pulumi.Config().require("region")
    ring = gcp.kms.KeyRing("ring", location=region)
    key = gcp.kms.CryptoKey("key", key_ring=ring.id, rotation_period="7776000s")
    gcp.storage.Bucket("data", location=region, encryption={"default_kms_key_name": key.id})
"""
USER_TESTS = """
    def test_prod_stays_sovereign(sovereign_guard):
        sovereign_guard.assert_compliant(sovereign_guard.check("infra", "prod"))

    def test_dev_leaks_exactly_the_bucket_and_its_keys(sovereign_guard):
        result = sovereign_guard.check("infra", "dev", preview=False)
        assert sovereign_guard.violations(result) == {
            ("data-residency", "ring"), ("data-residency", "data"), ("key-custody", "data"),
            ("provider-jurisdiction", "default_10_2_0")}

    def test_dev_is_reported_when_asserted_compliant(sovereign_guard):
        sovereign_guard.assert_compliant(sovereign_guard.check("infra", "dev"))
"""


def stack(region):
    return f"config:\n  gcp:project: acme\n  gcp:region: {region}\n  shop:region: {region}\n"


def test_fixture_checks_a_users_program(pytester):
    infra = pytester.mkdir("infra")
    (infra / "Pulumi.yaml").write_text("name: shop\nruntime: python\n")
    (infra / "Pulumi.prod.yaml").write_text(stack("europe-west9"))
    (infra / "Pulumi.dev.yaml").write_text(stack("us-central1"))
    (infra / "__main__.py").write_text(textwrap.dedent(PROGRAM))
    pytester.makepyfile(test_infra=textwrap.dedent(USER_TESTS))
    outcome = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    outcome.assert_outcomes(passed=2, failed=1)
    outcome.stdout.fnmatch_lines(["*test_dev_is_reported_when_asserted_compliant*",
                                  "*the stack is not compliant*",
                                  '*gcp:storage/bucket:Bucket "data"*',
                                  "*[[]data-residency, mandatory[]]*us-central1*"])

"""Default providers as the Pulumi engine names them (observed under the real CLI, see tests/e2e)."""
from sovereign_guard_tools.program import default_providers


def test_named_after_the_version_and_the_plugin_download_url():
    assert default_providers.name("10.2.0", "") == "default_10_2_0"
    assert default_providers.name("2.22.0", "github://api.github.com/ovh/pulumi-ovh") == \
        "default_2_22_0_github_/api.github.com/ovh/pulumi-ovh"
    assert default_providers.name("1.4.0-alpha.2+build.7", "") == "default_1_4_0_alpha_2_build_7"
    assert default_providers.name("", "") == "default"


def test_inputs_are_the_packages_config_with_version_and_internal_keys():
    config = {"ovh:endpoint": "ovh-eu", "gcp:region": "europe-west9", "ovh:extra": '{"a": 1}'}
    provider = default_providers.default_provider("ovh", "2.22.0", "github://api.github.com/ovh/pulumi-ovh",
                                                  "p", "dev", config)
    assert provider.props == {"endpoint": "ovh-eu", "extra": {"a": 1}, "version": "2.22.0",
                              "__internal": {"pluginDownloadURL": "github://api.github.com/ovh/pulumi-ovh"}}
    assert provider.urn == "urn:pulumi:dev::p::pulumi:providers:ovh::default_2_22_0_github_/api.github.com/ovh/pulumi-ovh"
    assert default_providers.default_provider("gcp", "10.2.0", "", "p", "dev", config).props == {
        "region": "europe-west9", "version": "10.2.0", "__internal": {}}

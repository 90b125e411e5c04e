"""The default providers the engine creates for resources registered without an explicit provider.

Their name and inputs as the Pulumi engine makes them (pkg/resource/deploy/providers): one default provider per
package, version and plugin download URL, named `default_<major>_<minor>_<patch>[_<pre/build parts>][_<url as
a QName>]` (e.g. `default_10_2_0`, `default_2_22_0_github_/api.github.com/ovh/pulumi-ovh`); its inputs are the
package's stack config plus `version`, and `__internal` (holding `pluginDownloadURL`), which only Remediate sees.
"""
from __future__ import annotations

import json
import re

from ..engine.analyzer import Resource


def name(version: str, url: str) -> str:
    parts = ["default"]
    if version:
        version, _, build = version.partition("+")
        core, _, pre = version.partition("-")
        parts += core.split(".")[:3] + (pre.split(".") if pre else []) + (build.split(".") if build else [])
    if url:
        segments = [re.sub(r"[^A-Za-z0-9_.-]", "_", s) for s in url.rstrip("/").split("/") if s]
        parts.append("/".join(segments) or "_")
    return "_".join(parts)


def _config_value(value: str):
    try:
        parsed = json.loads(value)
    except ValueError:
        return value
    return parsed if isinstance(parsed, (dict, list)) else value


def engine_inputs(props: dict, version: str, url: str) -> dict:
    """A provider's inputs as the engine adds to them what the registration says of the plugin: `version`, and
    `__internal` holding `pluginDownloadURL` (an explicit provider's too, e.g. pulumiverse-scaleway's)."""
    found = dict(props)
    if version:
        found["version"] = version
    found["__internal"] = {"pluginDownloadURL": url} if url else {}
    return found


def default_provider(package: str, version: str, url: str, project: str, stack: str, config: dict) -> Resource:
    props = engine_inputs({key.split(":", 1)[1]: _config_value(value) for key, value in config.items()
                           if key.startswith(package + ":")}, version, url)
    provider_name = name(version, url)
    return Resource(f"pulumi:providers:{package}", provider_name,
                    f"urn:pulumi:{stack}::{project}::pulumi:providers:{package}::{provider_name}", props)
